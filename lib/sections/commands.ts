import { z } from 'zod';
import type { DB } from '../db/client';
import { writeAudit } from '../audit/log';
import { cacheTags } from '../cache/tags';
import { expireTagsLocally, recordStaleTags } from '../cache/refresh';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { canManageTaxonomy, type Actor } from '../articles/policy';
import { slugSchema } from '../articles/schemas';
import { slugify } from '../text/slug';
import type { Section } from './queries';

/** First path segments the site itself uses; a section cannot take them. */
export const RESERVED_SLUGS = ['api', 'media', 'quan-tri', 'dang-nhap', 'trang-nhat', 'tim-kiem', 'xem-truoc', 'tac-gia', 'the', 'rss', 'sitemap', '_next'];

export const sectionInputSchema = z.object({
  name: z.string().trim().min(2, 'Tên chuyên mục cần ít nhất 2 ký tự.').max(80, 'Tên chuyên mục tối đa 80 ký tự.'),
  slug: z.union([slugSchema, z.literal('')]).optional(),
  description: z.string().trim().max(300, 'Mô tả tối đa 300 ký tự.').nullish(),
  position: z
    .number({ error: 'Vị trí phải là một số.' })
    .int('Vị trí phải là số nguyên từ 0 đến 1000.')
    .min(0, 'Vị trí phải là số nguyên từ 0 đến 1000.')
    .max(1000, 'Vị trí phải là số nguyên từ 0 đến 1000.')
    .optional(),
});
export type SectionInput = z.infer<typeof sectionInputSchema>;

function assertEditor(actor: Actor) {
  if (!canManageTaxonomy(actor)) throw new ForbiddenError('Chỉ biên tập viên và quản trị viên được quản lý chuyên mục.');
}

async function assertSlugFree(db: DB, slug: string, exceptId: number | null) {
  if (RESERVED_SLUGS.includes(slug)) throw new ConflictError(`Đường dẫn “${slug}” được hệ thống dùng riêng.`);
  const other = await db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
  if (other && other.id !== exceptId) throw new ConflictError('Đường dẫn này đã được dùng cho chuyên mục khác.');
}

export async function createSection(db: DB, actor: Actor, input: SectionInput): Promise<Section> {
  assertEditor(actor);
  const slug = input.slug || slugify(input.name);
  if (!slug) throw new ValidationError({ name: ['Tên chuyên mục phải có chữ hoặc số.'] });
  await assertSlugFree(db, slug, null);
  const now = new Date().toISOString();
  const row = await db.transaction().execute(async (tx) => {
    const max = await tx.selectFrom('sections').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    const created = await tx
      .insertInto('sections')
      .values({ name: input.name, slug, description: input.description ?? null, position: input.position ?? Number(max?.p ?? 0) + 1, created_at: now, updated_at: now })
      .returning(['id', 'name', 'slug', 'description', 'position'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { actorId: actor.id, action: 'section.create', entityType: 'section', entityId: created.id, details: { name: input.name } }, now);
    await recordStaleTags(tx, [cacheTags.sections], now);
    return created;
  });
  expireTagsLocally([cacheTags.sections]);
  return row;
}

/** Renaming a section changes every page that shows its name: menus, lists and its articles. */
export async function updateSection(db: DB, actor: Actor, id: number, input: Partial<SectionInput>): Promise<Section> {
  assertEditor(actor);
  const current = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw new NotFoundError('Không tìm thấy chuyên mục.');
  const slug = input.slug || current.slug;
  if (slug !== current.slug) await assertSlugFree(db, slug, id);
  const now = new Date().toISOString();
  const stale = [cacheTags.sections, cacheTags.articleLists, cacheTags.section(current.slug), cacheTags.section(slug)];
  const articles = await db.selectFrom('articles').select('slug').where('section_id', '=', id).where('status', '=', 'published').execute();
  stale.push(...articles.map((a) => cacheTags.articleSlug(a.slug)));
  const row = await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('sections')
      .set({
        name: input.name ?? current.name,
        slug,
        description: input.description === undefined ? current.description : input.description ?? null,
        position: input.position ?? current.position,
        updated_at: now,
      })
      .where('id', '=', id)
      .returning(['id', 'name', 'slug', 'description', 'position'])
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { actorId: actor.id, action: 'section.update', entityType: 'section', entityId: id, details: { from: { name: current.name, slug: current.slug }, to: { name: updated.name, slug } } }, now);
    await recordStaleTags(tx, stale, now);
    return updated;
  });
  expireTagsLocally(stale);
  return row;
}

export async function deleteSection(db: DB, actor: Actor, id: number): Promise<void> {
  assertEditor(actor);
  const current = await db.selectFrom('sections').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
  if (!current) throw new NotFoundError('Không tìm thấy chuyên mục.');
  const used = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('section_id', '=', id).executeTakeFirstOrThrow();
  if (Number(used.n) > 0) throw new ConflictError(`Chuyên mục còn ${used.n} bài viết: hãy chuyển bài sang chuyên mục khác trước khi xóa.`);
  const stale = [cacheTags.sections, cacheTags.section(current.slug)];
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sections').where('id', '=', id).execute();
    await writeAudit(tx, { actorId: actor.id, action: 'section.delete', entityType: 'section', entityId: id, details: { name: current.name } });
    await recordStaleTags(tx, stale);
  });
  expireTagsLocally(stale);
}
