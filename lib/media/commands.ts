import sharp, { type OutputInfo } from 'sharp';
import { z } from 'zod';
import type { DB } from '../db/client';
import { writeAudit } from '../audit/log';
import { articlePageTags } from '../cache/tags';
import { expireTagsLocally, recordStaleTags } from '../cache/refresh';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { slugify } from '../text/slug';
import type { Actor } from '../articles/policy';
import { containsFolded } from '../search/contains';
import { toMediaSummary } from './queries';
import { articleShownIn, listMostReadIds } from '../articles/queries';
import type { MediaSummary } from './types';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Decoded pixels allowed: a 10 MB file can decode to gigabytes (a "decompression bomb"). */
export const MAX_INPUT_PIXELS = 40_000_000;
const MAX_STORED_WIDTH = 2400;

const formats = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Format = keyof typeof formats;

export const mediaMetaSchema = z.object({
  alt: z.string().trim().max(300, 'Mô tả ảnh tối đa 300 ký tự.').optional(),
  caption: z.string().trim().max(500, 'Chú thích tối đa 500 ký tự.').nullish(),
  credit: z.string().trim().max(120, 'Nguồn ảnh tối đa 120 ký tự.').nullish(),
});
export type MediaMeta = z.infer<typeof mediaMetaSchema>;

/** The image's real type, read from its bytes: the file name and the browser's claim are not trusted. */
export function sniffImageFormat(bytes: Uint8Array): Format | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
  return null;
}

function fileNameFor(original: string, format: Format): string {
  const base = slugify(original.replace(/\.[a-z0-9]+$/i, ''), 60) || 'anh';
  return `${base}.${format === 'jpeg' ? 'jpg' : format}`;
}

/**
 * Accepts a JPEG, PNG or WebP up to 10 MB and 40 megapixels, re-encodes it
 * (which drops EXIF, GPS and anything hidden after the image data), turns it
 * upright and caps its width. Nothing is stored for a refused file.
 */
export async function uploadImage(db: DB, actor: Actor, file: { name: string; bytes: Uint8Array }, meta: MediaMeta): Promise<MediaSummary> {
  if (file.bytes.length === 0) throw new ValidationError({ file: ['Tệp rỗng: hãy chọn một ảnh.'] });
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new ValidationError({ file: ['Ảnh quá lớn: tối đa 10 MB.'] });
  const format = sniffImageFormat(file.bytes);
  if (!format) throw new ValidationError({ file: ['Chỉ nhận ảnh JPEG, PNG hoặc WebP (tệp này không phải ảnh hợp lệ).'] });

  let output: { data: Buffer; info: OutputInfo };
  try {
    const image = sharp(file.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const resized = image.resize({ width: MAX_STORED_WIDTH, withoutEnlargement: true });
    const encoded = format === 'png' ? resized.png({ compressionLevel: 9 }) : format === 'webp' ? resized.webp({ quality: 82 }) : resized.jpeg({ quality: 82, mozjpeg: true });
    output = await encoded.toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = error instanceof Error && /pixel limit/i.test(error.message) ? 'Ảnh có kích thước điểm ảnh quá lớn (tối đa 40 megapixel).' : 'Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ.';
    throw new ValidationError({ file: [message] });
  }

  const now = new Date().toISOString();
  const row = await db
    .insertInto('media')
    .values({
      file_name: fileNameFor(file.name, format),
      mime_type: formats[format],
      alt: meta.alt ?? '',
      caption: meta.caption ?? null,
      credit: meta.credit ?? null,
      width: output.info.width,
      height: output.info.height,
      byte_size: output.data.length,
      data: output.data,
      uploaded_by: actor.id,
      created_at: now,
    })
    .returning(['id', 'file_name', 'alt', 'caption', 'credit', 'width', 'height'])
    .executeTakeFirstOrThrow();
  return toMediaSummary(row);
}

/**
 * Ids of articles that show an image, as cover or in the body, in their own text or in a
 * published article's waiting edit (which an editor may still publish).
 */
async function articlesUsing(db: DB, id: number): Promise<number[]> {
  const uses = (json: string) => new RegExp(`"(mediaId|coverMediaId)":${id}[,}]`).test(json);
  const [own, waiting] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'body', 'cover_media_id'])
      .where((eb) => eb.or([eb('cover_media_id', '=', id), eb('body', 'like', `%"mediaId":${id}%`)]))
      .execute(),
    db
      .selectFrom('article_pending_edits')
      .select(['article_id', 'data'])
      .where((eb) => eb.or([eb('data', 'like', `%"mediaId":${id}%`), eb('data', 'like', `%"coverMediaId":${id}%`)]))
      .execute(),
  ]);
  const ids = new Set([...own.filter((r) => r.cover_media_id === id || uses(r.body)).map((r) => r.id), ...waiting.filter((r) => uses(r.data)).map((r) => r.article_id)]);
  return [...ids];
}

/**
 * Alt text, caption and credit are what readers see under an image: once the image is in an
 * article past the draft stage (in review, scheduled, published), or in someone else's article,
 * only editors change them, and every live page showing it is refreshed.
 */
export async function updateMediaMeta(db: DB, actor: Actor, id: number, meta: MediaMeta, now = new Date().toISOString()): Promise<MediaSummary> {
  const { row, stale } = await db.transaction().execute(async (tx) => {
    const media = await tx.selectFrom('media').select(['id', 'uploaded_by', 'file_name']).where('id', '=', id).executeTakeFirst();
    if (!media) throw new NotFoundError('Không tìm thấy ảnh.');
    if (actor.role === 'reporter' && media.uploaded_by !== actor.id) throw new ForbiddenError('Phóng viên chỉ sửa được ảnh mình tải lên.');
    const usingIds = await articlesUsing(tx, id);
    const usedIn = usingIds.length
      ? await tx
          .selectFrom('articles')
          .innerJoin('sections', 'sections.id', 'articles.section_id')
          .select(['articles.id', 'articles.slug', 'articles.status', 'articles.author_id', 'sections.slug as section_slug'])
          .where('articles.id', 'in', usingIds)
          .execute()
      : [];
    if (actor.role === 'reporter' && usedIn.some((a) => a.status !== 'draft' || a.author_id !== actor.id)) {
      throw new ForbiddenError('Ảnh đang được dùng trong bài đã gửi duyệt hoặc đã xuất bản: chỉ biên tập viên được sửa mô tả, chú thích và nguồn ảnh.');
    }
    const updated = await tx
      .updateTable('media')
      .set({
        ...(meta.alt !== undefined ? { alt: meta.alt } : {}),
        ...(meta.caption !== undefined ? { caption: meta.caption ?? null } : {}),
        ...(meta.credit !== undefined ? { credit: meta.credit ?? null } : {}),
      })
      .where('id', '=', id)
      .returning(['id', 'file_name', 'alt', 'caption', 'credit', 'width', 'height'])
      .executeTakeFirstOrThrow();
    const live = usedIn.filter((a) => a.status === 'published');
    const refs = [];
    const mostReadIds = live.length ? await listMostReadIds(tx, now) : new Set<number>();
    for (const a of live) refs.push({ slug: a.slug, sectionSlug: a.section_slug, ...(await articleShownIn(tx, a.id, now, mostReadIds)) });
    const tags = refs.length ? articlePageTags(...refs) : [];
    await recordStaleTags(tx, tags, now);
    await writeAudit(tx, { actorId: actor.id, action: 'media.update', entityType: 'media', entityId: id, details: { fileName: media.file_name, articles: usedIn.map((a) => a.id) } }, now);
    return { row: updated, stale: tags };
  });
  expireTagsLocally(stale);
  return toMediaSummary(row);
}

export async function deleteMedia(db: DB, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const media = await tx.selectFrom('media').select(['id', 'uploaded_by', 'file_name']).where('id', '=', id).executeTakeFirst();
    if (!media) throw new NotFoundError('Không tìm thấy ảnh.');
    if (actor.role === 'reporter' && media.uploaded_by !== actor.id) throw new ForbiddenError('Phóng viên chỉ xóa được ảnh mình tải lên.');
    // Checked in the same transaction as the delete, so no save can put the image into an article in between.
    const used = await articlesUsing(tx, id);
    if (used.length) throw new ConflictError(`Ảnh đang được dùng trong ${used.length} bài viết nên không thể xóa.`);
    await tx.deleteFrom('media').where('id', '=', id).execute();
    await writeAudit(tx, { actorId: actor.id, action: 'media.delete', entityType: 'media', entityId: id, details: { fileName: media.file_name } });
  });
}

export async function listMedia(db: DB, query: { page: number; pageSize: number; q?: string }) {
  let base = db.selectFrom('media');
  const typed = query.q;
  if (typed) base = base.where((eb) => eb.or([containsFolded('file_name', typed), containsFolded('alt', typed), containsFolded('caption', typed)]));
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'file_name', 'alt', 'caption', 'credit', 'width', 'height', 'created_at', 'uploaded_by'])
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return { items: rows.map((r) => ({ ...toMediaSummary(r), createdAt: r.created_at, uploadedBy: r.uploaded_by })), page: query.page, pageSize: query.pageSize, total, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}
