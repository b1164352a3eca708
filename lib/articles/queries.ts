import type { DB } from '../db/client';
import type { MediaSummary } from '../media/types';
import { getMediaSummaries, toMediaSummary } from '../media/queries';
import { figureMediaIds, parseBody, type BodyDocument } from './body';
import { vietnamDay } from '../views/commands';

/**
 * Public reads. Every one of them shows only what readers may see:
 * status "published" and a publication time that has passed.
 */

export type ArticleCard = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  byline: string;
  publishedAt: string;
  section: { name: string; slug: string };
  cover: MediaSummary | null;
};

export type PublicArticle = ArticleCard & {
  updatedAt: string;
  seoTitle: string | null;
  seoDescription: string | null;
  body: BodyDocument;
  /** Media used by the body's figures, by id. */
  media: Record<number, MediaSummary>;
  tags: Array<{ name: string; slug: string }>;
};

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number; pageCount: number };

function publicArticles(db: DB, now: string) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.cover_media_id')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now);
}

const cardColumns = [
  'articles.id',
  'articles.title',
  'articles.slug',
  'articles.lead',
  'articles.byline',
  'articles.published_at',
  'sections.name as section_name',
  'sections.slug as section_slug',
  'media.id as cover_id',
  'media.file_name as cover_file_name',
  'media.alt as cover_alt',
  'media.caption as cover_caption',
  'media.credit as cover_credit',
  'media.width as cover_width',
  'media.height as cover_height',
] as const;

type CardRow = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  byline: string;
  published_at: string | null;
  section_name: string;
  section_slug: string;
  cover_id: number | null;
  cover_file_name: string | null;
  cover_alt: string | null;
  cover_caption: string | null;
  cover_credit: string | null;
  cover_width: number | null;
  cover_height: number | null;
};

/** Lists show at most a few lines of the lead; sending all of it would only make pages heavier. */
export function shortLead(lead: string, max = 240): string {
  if (lead.length <= max) return lead;
  const cut = lead.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: shortLead(row.lead),
    byline: row.byline,
    publishedAt: row.published_at ?? '',
    section: { name: row.section_name, slug: row.section_slug },
    cover:
      row.cover_id != null && row.cover_file_name != null
        ? toMediaSummary({
            id: row.cover_id,
            file_name: row.cover_file_name,
            alt: row.cover_alt ?? '',
            caption: row.cover_caption,
            credit: row.cover_credit,
            width: row.cover_width ?? 0,
            height: row.cover_height ?? 0,
          })
        : null,
  };
}

export async function getPublishedArticleBySlug(db: DB, slug: string, now = new Date().toISOString()): Promise<PublicArticle | null> {
  const row = await publicArticles(db, now)
    .select([...cardColumns, 'articles.body', 'articles.updated_at', 'articles.seo_title', 'articles.seo_description'])
    .where('articles.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const body = parseBody(row.body);
  const [media, tags] = await Promise.all([
    getMediaSummaries(db, figureMediaIds(body)),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.name', 'tags.slug'])
      .where('article_tags.article_id', '=', row.id)
      .orderBy('article_tags.position')
      .execute(),
  ]);
  return {
    ...toCard(row),
    lead: row.lead,
    updatedAt: row.updated_at,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    body,
    media,
    tags,
  };
}

/**
 * Where an old slug now lives: the article's current section and slug, if it
 * is public. Used to answer 301 from URLs that were shared before a rename.
 */
export async function findPublishedArticleByOldSlug(db: DB, oldSlug: string, now = new Date().toISOString()) {
  const row = await publicArticles(db, now)
    .innerJoin('article_slug_history', 'article_slug_history.article_id', 'articles.id')
    .select(['articles.slug', 'sections.slug as section_slug'])
    .where('article_slug_history.slug', '=', oldSlug)
    .executeTakeFirst();
  return row ? { slug: row.slug, sectionSlug: row.section_slug } : null;
}

export async function listLatestArticles(db: DB, limit: number, now = new Date().toISOString()): Promise<ArticleCard[]> {
  const rows = await publicArticles(db, now)
    .select(cardColumns)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCard);
}

export async function listSectionArticles(
  db: DB,
  sectionId: number,
  page: number,
  pageSize: number,
  now = new Date().toISOString(),
): Promise<Page<ArticleCard>> {
  const base = publicArticles(db, now).where('articles.section_id', '=', sectionId);
  const [rows, countRow] = await Promise.all([
    base
      .select(cardColumns)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(countRow.total);
  return { items: rows.map(toCard), page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type HomePage = {
  lead: ArticleCard | null;
  latest: ArticleCard[];
  sections: Array<{ section: { name: string; slug: string }; articles: ArticleCard[] }>;
};

/** The front page: the newest story leads, then the latest, then a block per section. */
export async function getHomePage(db: DB, now = new Date().toISOString()): Promise<HomePage> {
  const sections = await db.selectFrom('sections').select(['id', 'name', 'slug']).orderBy('position').orderBy('id').execute();
  const [latest, ...blocks] = await Promise.all([
    listLatestArticles(db, 9, now),
    ...sections.map((s) =>
      publicArticles(db, now)
        .select(cardColumns)
        .where('articles.section_id', '=', s.id)
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(4)
        .execute()
        .then((rows) => rows.map(toCard)),
    ),
  ]);
  return {
    lead: latest[0] ?? null,
    latest: latest.slice(1),
    sections: sections
      .map((s, i) => ({ section: { name: s.name, slug: s.slug }, articles: blocks[i] ?? [] }))
      .filter((block) => block.articles.length > 0),
  };
}

/** Articles with a tag, newest first; null when the tag does not exist. */
export async function listTagArticles(db: DB, tagSlug: string, page: number, pageSize: number, now = new Date().toISOString()) {
  const tag = await db.selectFrom('tags').select(['id', 'name', 'slug']).where('slug', '=', tagSlug).executeTakeFirst();
  if (!tag) return null;
  const base = publicArticles(db, now).innerJoin('article_tags', 'article_tags.article_id', 'articles.id').where('article_tags.tag_id', '=', tag.id);
  const [rows, count] = await Promise.all([
    base.select(cardColumns).orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return { tag: { name: tag.name, slug: tag.slug }, page: { items: rows.map(toCard), page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) } };
}

/** Articles signed with a byline (the author page); null when nobody publishes under it. */
export async function listAuthorArticles(db: DB, bylineSlug: string, page: number, pageSize: number, now = new Date().toISOString()) {
  const base = publicArticles(db, now).where('articles.byline_slug', '=', bylineSlug);
  const [rows, count] = await Promise.all([
    base.select(cardColumns).orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  if (total === 0) return null;
  return { author: { name: rows[0]?.byline ?? '', slug: bylineSlug }, page: { items: rows.map(toCard), page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) } };
}

/** Related reading: articles sharing the most tags, then the newest of the same section. */
export async function listRelatedArticles(db: DB, articleId: number, sectionSlug: string, limit = 4, now = new Date().toISOString()): Promise<ArticleCard[]> {
  const byTags = await publicArticles(db, now)
    .innerJoin('article_tags as mine', (join) => join.on('mine.article_id', '=', articleId))
    .innerJoin('article_tags as theirs', (join) => join.onRef('theirs.tag_id', '=', 'mine.tag_id').onRef('theirs.article_id', '=', 'articles.id'))
    .select([...cardColumns, (eb) => eb.fn.countAll<number>().as('shared')])
    .where('articles.id', '!=', articleId)
    .groupBy(['articles.id', 'sections.id', 'media.id'])
    .orderBy('shared', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  const cards = byTags.map(toCard);
  if (cards.length < limit) {
    const more = await publicArticles(db, now)
      .select(cardColumns)
      .where('sections.slug', '=', sectionSlug)
      .where('articles.id', 'not in', [articleId, ...cards.map((c) => c.id)])
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(limit - cards.length)
      .execute();
    cards.push(...more.map(toCard));
  }
  return cards;
}

/** "Đọc nhiều": most viewed over the last `days` Vietnamese days. */
export async function listMostRead(db: DB, days = 7, limit = 5, now = new Date().toISOString()): Promise<ArticleCard[]> {
  // Today in Vietnam and the days before it: `days` calendar days in all.
  const since = vietnamDay(new Date(Date.parse(now) - (days - 1) * 86_400_000).toISOString());
  const rows = await publicArticles(db, now)
    .innerJoin('article_views', 'article_views.article_id', 'articles.id')
    .select([...cardColumns, (eb) => eb.fn.sum<number>('article_views.views').as('total_views')])
    .where('article_views.day', '>=', since)
    .groupBy(['articles.id', 'sections.id', 'media.id'])
    .orderBy('total_views', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCard);
}

/**
 * "Đọc nhiều" shows 5; an article among this many counts as shown there. The list stays cached up
 * to 5 minutes while views move, so the one readers have may hold an article that has just left
 * the top 5.
 */
const MOST_READ_MARGIN = 20;

/**
 * Where other article pages show an article: the "Tin liên quan" of articles sharing one of its
 * tags (their slugs), and "Đọc nhiều" if it is among the most read. For the pages a change to it
 * makes stale (lib/cache/tags.ts: articlePageTags).
 */
export async function articleShownIn(db: DB, articleId: number, now = new Date().toISOString(), mostReadIds?: Set<number>): Promise<{ tagSlugs: string[]; mostRead: boolean }> {
  const tags = await db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.slug').where('article_tags.article_id', '=', articleId).execute();
  const mostRead = mostReadIds ?? (await listMostReadIds(db, now));
  return { tagSlugs: tags.map((t) => t.slug), mostRead: mostRead.has(articleId) };
}

/** The articles counted as shown in "Đọc nhiều" (see MOST_READ_MARGIN): read once for a change touching several articles. */
export async function listMostReadIds(db: DB, now = new Date().toISOString()): Promise<Set<number>> {
  return new Set((await listMostRead(db, 7, MOST_READ_MARGIN, now)).map((a) => a.id));
}

/* ---------- Feeds and sitemaps ---------- */

export type FeedArticle = ArticleCard & {
  updatedAt: string;
  /** The cover's stored file, for an RSS enclosure (length is its size in bytes). */
  coverFile: { url: string; byteSize: number; mimeType: string } | null;
};

/** The newest public articles, of one section or of the whole site, with what a feed needs of the cover. */
export async function listFeedArticles(
  db: DB,
  options: { sectionId?: number; limit: number },
  now = new Date().toISOString(),
): Promise<FeedArticle[]> {
  let query = publicArticles(db, now)
    .select([...cardColumns, 'articles.updated_at', 'media.byte_size as cover_byte_size', 'media.mime_type as cover_mime_type'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit);
  if (options.sectionId !== undefined) query = query.where('articles.section_id', '=', options.sectionId);
  const rows = await query.execute();
  return rows.map((row) => {
    const card = toCard(row);
    return {
      ...card,
      updatedAt: row.updated_at,
      coverFile:
        card.cover && row.cover_byte_size != null && row.cover_mime_type != null
          ? { url: card.cover.url, byteSize: Number(row.cover_byte_size), mimeType: row.cover_mime_type }
          : null,
    };
  });
}

export type SitemapArticle = { title: string; slug: string; sectionSlug: string; publishedAt: string; updatedAt: string };

function publicArticleRows(db: DB, now: string) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now)
    .select(['articles.title', 'articles.slug', 'sections.slug as section_slug', 'articles.published_at', 'articles.updated_at']);
}

const toSitemapArticle = (row: { title: string; slug: string; section_slug: string; published_at: string | null; updated_at: string }): SitemapArticle => ({
  title: row.title,
  slug: row.slug,
  sectionSlug: row.section_slug,
  publishedAt: row.published_at ?? row.updated_at,
  updatedAt: row.updated_at,
});

export async function countPublishedArticles(db: DB, now = new Date().toISOString()): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Public articles oldest first by id, so that a slice (one sitemap page) only changes when its own articles do. */
export async function listSitemapArticles(db: DB, offset: number, limit: number, now = new Date().toISOString()): Promise<SitemapArticle[]> {
  if (limit <= 0) return [];
  const rows = await publicArticleRows(db, now).orderBy('articles.id').limit(limit).offset(offset).execute();
  return rows.map(toSitemapArticle);
}

/** Articles published since `since` (for the Google News sitemap), newest first. */
export async function listArticlesPublishedSince(db: DB, since: string, limit: number, now = new Date().toISOString()): Promise<SitemapArticle[]> {
  const rows = await publicArticleRows(db, now)
    .where('articles.published_at', '>=', since)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSitemapArticle);
}

/** When each section's public listing last changed: its newest publication or edit, by section id. */
export async function listSectionsLastChanged(db: DB, now = new Date().toISOString()): Promise<Record<number, string>> {
  const rows = await db
    .selectFrom('articles')
    .select((eb) => ['section_id', eb.fn.max('published_at').as('published'), eb.fn.max('updated_at').as('updated')])
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .groupBy('section_id')
    .execute();
  return Object.fromEntries(
    rows.map((r) => {
      const published = r.published ?? '';
      const updated = r.updated ?? '';
      return [r.section_id, published > updated ? published : updated];
    }),
  );
}
