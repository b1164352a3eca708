import type { DB } from '../db/client';
import type { ArticleStatus } from '../db/schema';
import { getMediaSummaries } from '../media/queries';
import { figureMediaIds, parseBody } from '../articles/body';
import type { PublicArticle } from '../articles/queries';

export type ArticlePreview = { article: PublicArticle; status: ArticleStatus; savedAt: string };

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
  const body = parseBody(row.body);
  const ids = figureMediaIds(body);
  if (row.cover_media_id) ids.push(row.cover_media_id);
  const [media, tags] = await Promise.all([
    getMediaSummaries(db, ids),
    db
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
