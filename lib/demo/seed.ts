import sharp from 'sharp';
import type { DB } from '../db/client';
import { documentFromParagraphs } from '../articles/body';
import { slugify } from '../text/slug';
import { vietnamLocalToUtcIso } from '../time/format';
import { drawDemoPhoto } from './images';
import { demoArticles } from './demo-articles';
import { DEMO_PASSWORD, demoAccounts, demoSections, seedArticle } from './seed-article';
import { hashPassword } from '../auth/passwords';
import { indexArticle } from '../search/index-articles';


type ArticleInput = {
  section: string;
  title: string;
  lead: string;
  byline: string;
  publishedAt: string;
  tags: string[];
  blocks: Array<string | { photo: number }>;
  photos: Array<{ fileName: string; caption: string }>;
  formerSlugs?: string[];
};

export async function databaseHasContent(db: DB): Promise<boolean> {
  const [articles, sections] = await Promise.all([
    db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('sections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(articles.n) > 0 || Number(sections.n) > 0;
}

/**
 * Loads the demo newsroom: the seed article and the demo articles, with
 * pictures drawn now. Never touches a database that already has content, and
 * runs in one transaction so two instances starting together cannot both load it.
 */
export async function seedDemoContent(db: DB): Promise<{ seeded: boolean; articles: number }> {
  if (await databaseHasContent(db)) return { seeded: false, articles: 0 };

  const inputs: ArticleInput[] = [
    { ...seedArticle, blocks: seedArticle.body },
    ...demoArticles.map((a) => ({
      section: a.section,
      title: a.title,
      lead: a.lead,
      byline: a.byline,
      publishedAt: a.publishedAt,
      tags: a.tags,
      photos: a.photoCaptions.map((caption, i) => ({ fileName: `${slugify(a.title, 40)}-${i + 1}.jpg`, caption })),
      blocks: a.paragraphs.flatMap((p, i): Array<string | { photo: number }> => {
        const photoIndex = i === 0 ? 0 : i === 2 ? 1 : -1;
        return photoIndex >= 0 && photoIndex < a.photoCaptions.length ? [p, { photo: photoIndex }] : [p];
      }),
    })),
  ];

  // Drawing pictures is the slow part; do it before the transaction opens.
  let photoSeed = 0;
  const drawn = await Promise.all(
    inputs.map((input) => Promise.all(input.photos.map(() => drawDemoPhoto(photoSeed++)))),
  );

  const passwordHash = await hashPassword(DEMO_PASSWORD);

  let count = 0;
  await db.transaction().execute(async (tx) => {
    if (await databaseHasContent(tx as unknown as DB)) return;
    const now = new Date().toISOString();
    const accountIds = new Map<string, number>();
    for (const account of demoAccounts) {
      const existing = await tx.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirst();
      const id =
        existing?.id ??
        (
          await tx
            .insertInto('users')
            .values({ email: account.email, display_name: account.displayName, role: account.role, password_hash: passwordHash, active: 1, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      accountIds.set(account.role, id);
    }
    const sectionIds = new Map<string, number>();
    for (const [position, s] of demoSections.entries()) {
      const row = await tx
        .insertInto('sections')
        .values({ name: s.name, slug: s.slug, description: s.description, position, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      sectionIds.set(s.slug, row.id);
    }
    const tagIds = new Map<string, number>();
    for (const [index, input] of inputs.entries()) {
      const mediaIds: number[] = [];
      for (const [i, photo] of input.photos.entries()) {
        const data = drawn[index]![i]!;
        const meta = await sharp(data).metadata();
        const row = await tx
          .insertInto('media')
          .values({
            file_name: photo.fileName,
            mime_type: 'image/jpeg',
            alt: photo.caption,
            caption: photo.caption,
            credit: input.byline,
            width: meta.width ?? 1200,
            height: meta.height ?? 675,
            byte_size: data.length,
            data,
            uploaded_by: null,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        mediaIds.push(row.id);
      }
      const body = documentFromParagraphs(
        input.blocks.map((b) => (typeof b === 'string' ? b : { mediaId: mediaIds[b.photo]!, caption: input.photos[b.photo]!.caption })),
      );
      const publishedAt = vietnamLocalToUtcIso(input.publishedAt);
      const article = await tx
        .insertInto('articles')
        .values({
          section_id: sectionIds.get(input.section)!,
          // The reporter account wrote the seed article; the rest are bylines of the demo staff.
          author_id: input === inputs[0] ? accountIds.get('reporter')! : null,
          title: input.title,
          slug: slugify(input.title),
          lead: input.lead,
          body: JSON.stringify(body),
          cover_media_id: mediaIds[0] ?? null,
          byline: input.byline,
          status: 'published',
          published_at: publishedAt,
          published_by: accountIds.get('editor')!,
          seo_title: null,
          seo_description: null,
          created_at: publishedAt,
          updated_at: publishedAt,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await indexArticle(tx, article.id);
      for (const slug of input.formerSlugs ?? []) {
        await tx.insertInto('article_slug_history').values({ slug, article_id: article.id, created_at: now }).execute();
      }
      for (const [position, name] of input.tags.entries()) {
        const slug = slugify(name);
        let tagId = tagIds.get(slug);
        if (tagId === undefined) {
          tagId = (await tx.insertInto('tags').values({ name, slug }).returning('id').executeTakeFirstOrThrow()).id;
          tagIds.set(slug, tagId);
        }
        await tx.insertInto('article_tags').values({ article_id: article.id, tag_id: tagId, position }).execute();
      }
      await tx
        .insertInto('article_revisions')
        .values({
          article_id: article.id,
          version: 1,
          title: input.title,
          slug: slugify(input.title),
          lead: input.lead,
          body: JSON.stringify(body),
          section_id: sectionIds.get(input.section)!,
          cover_media_id: mediaIds[0] ?? null,
          byline: input.byline,
          seo_title: null,
          seo_description: null,
          tags: JSON.stringify(input.tags),
          created_by: null,
          created_at: publishedAt,
        })
        .execute();
      count++;
    }
  });
  return { seeded: count > 0, articles: count };
}

