import type { DB } from '../db/client';
import { NotFoundError } from '../http/errors';
import { parseBody } from './body';
import { bodyPlainText } from './body-text';
import { getArticleForActor, type EditableArticle } from './admin-queries';
import { updateArticle } from './commands';
import { writeAudit } from '../audit/log';
import type { Actor } from './policy';

export type RevisionSummary = { id: number; version: number; title: string; createdAt: string; createdBy: string | null };
export type Revision = RevisionSummary & {
  slug: string;
  lead: string;
  /** Plain text of the body, for a readable comparison. */
  text: string;
  tags: string[];
  sectionId: number;
};

export async function listRevisions(db: DB, actor: Actor, articleId: number): Promise<RevisionSummary[]> {
  await getArticleForActor(db, actor, articleId); // applies the view policy
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.created_by')
    .select(['article_revisions.id', 'article_revisions.version', 'article_revisions.title', 'article_revisions.created_at', 'users.display_name'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.version', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, title: r.title, createdAt: r.created_at, createdBy: r.display_name }));
}

export async function getRevision(db: DB, actor: Actor, articleId: number, revisionId: number): Promise<Revision> {
  await getArticleForActor(db, actor, articleId);
  const r = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.created_by')
    .selectAll('article_revisions')
    .select('users.display_name')
    .where('article_revisions.id', '=', revisionId)
    .where('article_revisions.article_id', '=', articleId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Không tìm thấy phiên bản này.');
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    createdAt: r.created_at,
    createdBy: r.display_name,
    slug: r.slug,
    lead: r.lead,
    text: bodyPlainText(parseBody(r.body), { figures: true }),
    tags: JSON.parse(r.tags) as string[],
    sectionId: r.section_id,
  };
}

/** Restoring is a new save with the old content: nothing in between is lost, and it can be undone the same way. */
export async function restoreRevision(db: DB, actor: Actor, articleId: number, revisionId: number, baseVersion: number): Promise<EditableArticle> {
  const current = await getArticleForActor(db, actor, articleId);
  const r = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('id', '=', revisionId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Không tìm thấy phiên bản này.');
  const restored = await updateArticle(db, actor, articleId, {
    version: baseVersion,
    title: r.title,
    slug: current.status === 'draft' ? r.slug : current.slug,
    lead: r.lead,
    body: parseBody(r.body),
    sectionId: r.section_id,
    coverMediaId: r.cover_media_id,
    byline: r.byline,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    tags: JSON.parse(r.tags) as string[],
  });
  await db.transaction().execute((tx) =>
    writeAudit(tx, { actorId: actor.id, action: 'article.restore', entityType: 'article', entityId: articleId, details: { fromVersion: r.version, newVersion: restored.version } }),
  );
  return restored;
}
