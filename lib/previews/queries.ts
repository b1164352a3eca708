import type { DB } from '../db/client';
import type { ArticleStatus } from '../db/schema';
import { getMediaSummaries } from '../media/queries';
import { figureMediaIds, parseBody } from '../articles/body';
import { slugify } from '../text/slug';
import type { PublicArticle } from '../articles/queries';
import { loadPendingEdit } from '../articles/pending';

export type ArticlePreview = { article: PublicArticle; status: ArticleStatus; savedAt: string; pending: boolean };

/**
 * An article in any status, shaped exactly as the public page receives it,
 * so the preview is drawn by the same components. Callers authorise first
 * (a signed-in user's policy, or a valid share link).
 */
export async function getArticlePreview(db: DB, articleId: number): Promise<ArticlePreview | null> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.slug',
      'articles.lead',
      'articles.byline',
      'articles.body',
      'articles.status',
      'articles.published_at',
      'articles.updated_at',
      'articles.cover_media_id',
      'articles.seo_title',
      'articles.seo_description',
      'sections.name as section_name',
      'sections.slug as section_slug',
    ])
    .where('articles.id', '=', articleId)
    .executeTakeFirst();
  if (!row) return null;
  // A published article with a waiting edit previews the edit, as it will look once put live.
  const pending = row.status === 'published' ? await loadPendingEdit(db, articleId) : null;
  if (pending) {
    const p = pending.snapshot;
    const section = await db.selectFrom('sections').select(['name', 'slug']).where('id', '=', p.sectionId).executeTakeFirst();
    Object.assign(row, {
      title: p.title,
      slug: p.slug,
      lead: p.lead,
      byline: p.byline,
      body: JSON.stringify(p.body),
      cover_media_id: p.coverMediaId,
      seo_title: p.seoTitle,
      seo_description: p.seoDescription,
      updated_at: pending.updatedAt,
      ...(section ? { section_name: section.name, section_slug: section.slug } : {}),
    });
  }
  const body = parseBody(row.body);
  const ids = figureMediaIds(body);
  if (row.cover_media_id) ids.push(row.cover_media_id);
  const [media, tags] = await Promise.all([
    getMediaSummaries(db, ids),
    pending
      ? Promise.resolve(pending.snapshot.tags.map((name) => ({ name, slug: slugify(name) })))
      : db
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select(['tags.name', 'tags.slug'])
          .where('article_tags.article_id', '=', articleId)
          .orderBy('article_tags.position')
          .execute(),
  ]);
  return {
    status: row.status,
    savedAt: row.updated_at,
    pending: pending !== null,
    article: {
      id: row.id,
      title: row.title,
      slug: row.slug,
      lead: row.lead,
      byline: row.byline,
      // A draft has no publication time yet: show when it was last saved.
      publishedAt: row.published_at ?? row.updated_at,
      updatedAt: row.updated_at,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      section: { name: row.section_name, slug: row.section_slug },
      cover: row.cover_media_id ? (media[row.cover_media_id] ?? null) : null,
      body,
      media,
      tags,
    },
  };
}
