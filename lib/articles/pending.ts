import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { BodyDocument } from './body';

/** Every editable field of an article, as saved into a pending edit or a revision. */
export type ArticleSnapshot = {
  title: string;
  slug: string;
  lead: string;
  body: BodyDocument;
  sectionId: number;
  coverMediaId: number | null;
  byline: string;
  seoTitle: string | null;
  seoDescription: string | null;
  tags: string[];
};

export type PendingEdit = { version: number; snapshot: ArticleSnapshot; updatedBy: number | null; updatedAt: string };

export async function loadPendingEdit(db: Kysely<Database>, articleId: number): Promise<PendingEdit | null> {
  const row = await db.selectFrom('article_pending_edits').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return row ? { version: row.version, snapshot: JSON.parse(row.data) as ArticleSnapshot, updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
}
