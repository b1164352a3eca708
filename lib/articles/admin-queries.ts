import { sql } from 'kysely';
import type { DB } from '../db/client';
import type { ArticleStatus } from '../db/schema';
import { NotFoundError } from '../http/errors';
import type { MediaSummary } from '../media/types';
import { getMediaSummaries } from '../media/queries';
import { figureMediaIds, parseBody, type BodyDocument } from './body';
import { can, canSeeAllArticles, type Actor } from './policy';
import type { ArticleListQuery } from './schemas';
import type { Page } from './queries';
import { loadPendingEdit } from './pending';
import { containsFolded } from '../search/contains';

/** Dashboard reads: every one takes the acting user and applies the policy. */

export type ArticleListItem = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  section: { id: number; name: string; slug: string };
  author: { id: number; name: string } | null;
  byline: string;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  /** A published article with an edit waiting for an editor to put it live. */
  hasPendingEdit: boolean;
};

export async function listArticlesForActor(db: DB, actor: Actor, query: ArticleListQuery): Promise<Page<ArticleListItem>> {
  let base = db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .leftJoin('article_pending_edits', 'article_pending_edits.article_id', 'articles.id');
  if (!canSeeAllArticles(actor)) base = base.where('articles.author_id', '=', actor.id);
  if (query.status) base = base.where('articles.status', '=', query.status);
  if (query.sectionId) base = base.where('articles.section_id', '=', query.sectionId);
  if (query.authorId) base = base.where('articles.author_id', '=', query.authorId);
  if (query.q) {
    const typed = query.q;
    base = base.where((eb) => eb.or([containsFolded('articles.title', typed), containsFolded('articles.lead', typed), containsFolded('articles.byline', typed)]));
  }
  // A waiting edit is the article's latest change: the list dates and sorts it by that edit.
  const updatedAt = sql<string>`coalesce(article_pending_edits.updated_at, articles.updated_at)`;
  const order = {
    updated_desc: [updatedAt, 'desc'],
    updated_asc: [updatedAt, 'asc'],
    published_desc: [sql`articles.published_at`, 'desc'],
    title_asc: [sql`articles.title`, 'asc'],
  } as const;
  const [column, direction] = order[query.sort];
  const [rows, count] = await Promise.all([
    base
      .select([
        'articles.id',
        'articles.title',
        'articles.slug',
        'articles.status',
        'articles.byline',
        'articles.published_at',
        updatedAt.as('updated_at'),
        sql<number>`case when article_pending_edits.article_id is null then 0 else 1 end`.as('has_pending_edit'),
        // The version the next action must name: a published article's waiting edit has its own.
        (eb) => eb.fn.coalesce('article_pending_edits.version', 'articles.version').as('version'),
        'articles.author_id',
        'sections.id as section_id',
        'sections.name as section_name',
        'sections.slug as section_slug',
        'users.display_name as author_name',
      ])
      .orderBy(column, direction)
      .orderBy('articles.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      slug: r.slug,
      status: r.status,
      section: { id: r.section_id, name: r.section_name, slug: r.section_slug },
      author: r.author_id != null && r.author_name != null ? { id: r.author_id, name: r.author_name } : null,
      byline: r.byline,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      version: r.version,
      hasPendingEdit: Number(r.has_pending_edit) === 1,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

export type EditableArticle = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  body: BodyDocument;
  sectionId: number;
  section: { name: string; slug: string };
  tags: string[];
  coverMediaId: number | null;
  byline: string;
  seoTitle: string | null;
  seoDescription: string | null;
  status: ArticleStatus;
  publishedAt: string | null;
  authorId: number | null;
  authorName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  media: Record<number, MediaSummary>;
  /** A published article's edit that readers do not see yet; the fields above show it. */
  pendingEdit: { updatedAt: string; updatedBy: number | null } | null;
};

/** An article for the editor. Someone who may not see it gets 404, so ids reveal nothing. */
export async function getArticleForActor(db: DB, actor: Actor, id: number): Promise<EditableArticle> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.slug',
      'articles.lead',
      'articles.body',
      'articles.section_id',
      'articles.cover_media_id',
      'articles.byline',
      'articles.seo_title',
      'articles.seo_description',
      'articles.status',
      'articles.published_at',
      'articles.author_id',
      'articles.version',
      'articles.created_at',
      'articles.updated_at',
      'sections.name as section_name',
      'sections.slug as section_slug',
      'users.display_name as author_name',
    ])
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (!row || !can(actor, 'view', { authorId: row.author_id, status: row.status })) throw new NotFoundError('Không tìm thấy bài viết.');
  const pending = row.status === 'published' ? await loadPendingEdit(db, id) : null;
  if (pending) {
    // The editor works on the waiting edit, not on what readers see.
    const p = pending.snapshot;
    const section = await db.selectFrom('sections').select(['name', 'slug']).where('id', '=', p.sectionId).executeTakeFirst();
    const ids = figureMediaIds(p.body);
    if (p.coverMediaId) ids.push(p.coverMediaId);
    return {
      id: row.id,
      title: p.title,
      slug: p.slug,
      lead: p.lead,
      body: p.body,
      sectionId: p.sectionId,
      section: section ?? { name: row.section_name, slug: row.section_slug },
      tags: p.tags,
      coverMediaId: p.coverMediaId,
      byline: p.byline,
      seoTitle: p.seoTitle,
      seoDescription: p.seoDescription,
      status: row.status,
      publishedAt: row.published_at,
      authorId: row.author_id,
      authorName: row.author_name,
      version: pending.version,
      createdAt: row.created_at,
      updatedAt: pending.updatedAt,
      media: await getMediaSummaries(db, ids),
      pendingEdit: { updatedAt: pending.updatedAt, updatedBy: pending.updatedBy },
    };
  }
  const body = parseBody(row.body);
  const mediaIds = figureMediaIds(body);
  if (row.cover_media_id) mediaIds.push(row.cover_media_id);
  const [media, tags] = await Promise.all([
    getMediaSummaries(db, mediaIds),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', id)
      .orderBy('article_tags.position')
      .execute(),
  ]);
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    body,
    sectionId: row.section_id,
    section: { name: row.section_name, slug: row.section_slug },
    tags: tags.map((t) => t.name),
    coverMediaId: row.cover_media_id,
    byline: row.byline,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    status: row.status,
    publishedAt: row.published_at,
    authorId: row.author_id,
    authorName: row.author_name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    media,
    pendingEdit: null,
  };
}
