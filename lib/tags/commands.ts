import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/client';
import type { Database } from '../db/schema';
import { cacheTags } from '../cache/tags';
import { expireTagsLocally, recordStaleTags } from '../cache/refresh';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors';
import { canManageTaxonomy, type Actor } from '../articles/policy';
import { slugify } from '../text/slug';

export const tagInputSchema = z.object({
  name: z.string().trim().min(1, 'Tên từ khóa không được để trống.').max(60, 'Tên từ khóa tối đa 60 ký tự.'),
});

type Tx = Kysely<Database>;

export type Tag = { id: number; name: string; slug: string; articles: number };

export async function listTags(db: DB): Promise<Tag[]> {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .select(['tags.id', 'tags.name', 'tags.slug', (eb) => eb.fn.count<number>('article_tags.article_id').as('articles')])
    .groupBy(['tags.id', 'tags.name', 'tags.slug'])
    .orderBy('tags.name')
    .execute();
  return rows.map((r) => ({ ...r, articles: Number(r.articles) }));
}

/**
 * Pages a change to a tag makes stale: the lists (tag pages among them), the pages of the published
 * articles carrying it (they show its name) and their "Tin liên quan" (chosen by shared tags).
 * Read inside the change's transaction, before it.
 */
async function tagPageTags(tx: Tx, tag: { id: number; slug: string }): Promise<string[]> {
  const articles = await tx
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select('articles.slug')
    .where('article_tags.tag_id', '=', tag.id)
    .where('articles.status', '=', 'published')
    .execute();
  return [cacheTags.articleLists, cacheTags.tag(tag.slug), ...articles.map((a) => cacheTags.articleSlug(a.slug))];
}

function assertEditor(actor: Actor) {
  if (!canManageTaxonomy(actor)) throw new ForbiddenError('Chỉ biên tập viên và quản trị viên được quản lý từ khóa.');
}

export async function createTag(db: DB, actor: Actor, name: string): Promise<Tag> {
  assertEditor(actor);
  const slug = slugify(name);
  if (!slug) throw new ConflictError('Từ khóa phải có chữ hoặc số.');
  const exists = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
  if (exists) throw new ConflictError('Từ khóa này đã có.');
  const row = await db.insertInto('tags').values({ name, slug }).returning(['id', 'name', 'slug']).executeTakeFirstOrThrow();
  return { ...row, articles: 0 };
}

export async function renameTag(db: DB, actor: Actor, id: number, name: string): Promise<Tag> {
  assertEditor(actor);
  const current = await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw new NotFoundError('Không tìm thấy từ khóa.');
  const slug = slugify(name);
  if (!slug) throw new ConflictError('Từ khóa phải có chữ hoặc số.');
  const other = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
  if (other && other.id !== id) throw new ConflictError('Đã có từ khóa khác cùng tên.');
  let stale: string[] = [];
  const row = await db.transaction().execute(async (tx) => {
    stale = await tagPageTags(tx, current);
    const updated = await tx.updateTable('tags').set({ name, slug }).where('id', '=', id).returning(['id', 'name', 'slug']).executeTakeFirstOrThrow();
    stale.push(cacheTags.tag(slug));
    await recordStaleTags(tx, stale);
    return updated;
  });
  expireTagsLocally(stale);
  return { ...row, articles: 0 };
}

export async function deleteTag(db: DB, actor: Actor, id: number): Promise<void> {
  assertEditor(actor);
  let stale: string[] = [];
  await db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('tags').select(['id', 'slug']).where('id', '=', id).executeTakeFirst();
    if (!current) throw new NotFoundError('Không tìm thấy từ khóa.');
    stale = await tagPageTags(tx, current);
    await tx.deleteFrom('tags').where('id', '=', id).execute();
    await recordStaleTags(tx, stale);
  });
  expireTagsLocally(stale);
}
