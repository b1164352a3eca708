import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { ConflictError, ForbiddenError, ValidationError } from '../http/errors';
import { createArticle, runWorkflow, updateArticle } from '../articles/commands';
import { documentFromParagraphs } from '../articles/body';
import { insertSection, insertUser } from '../articles/test-fixtures';
import type { Actor } from '../articles/policy';
import { deleteMedia, listMedia, sniffImageFormat, updateMediaMeta, uploadImage } from './commands';

let t: TestDatabase;
let editor: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date().toISOString();
  const row = await t.db.insertInto('users').values({ email: 'e@example.com', display_name: 'E', role: 'editor', password_hash: null, active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  editor = { id: row.id, role: 'editor' };
});
afterAll(async () => t?.cleanup());

const count = async () => Number((await t.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('image uploads', () => {
  it('re-encodes a JPEG, strips its EXIF and keeps its size', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0a0' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Bí mật', Artist: 'GPS 21.3,105.4' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const media = await uploadImage(t.db, editor, { name: 'Ảnh Hội Nghị.JPG', bytes: jpeg }, { alt: 'Hội nghị', caption: 'Quang cảnh' });
    expect(media).toMatchObject({ width: 64, height: 48, alt: 'Hội nghị', caption: 'Quang cảnh' });
    expect(media.url).toMatch(/\/media\/\d+\/anh-hoi-nghi\.jpg$/);
    const stored = await t.db.selectFrom('media').select('data').where('id', '=', media.id).executeTakeFirstOrThrow();
    expect((await sharp(Buffer.from(stored.data)).metadata()).exif).toBeUndefined();
  });

  it('refuses what is not a whole JPEG, PNG or WebP, and keeps nothing', async () => {
    const before = await count();
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
    const cases: Array<[string, Uint8Array]> = [
      ['empty.jpg', new Uint8Array()],
      ['script.jpg', new TextEncoder().encode('<?php echo 1; ?>')],
      ['vector.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['truncated.png', png.subarray(0, 40)],
      ['big.jpg', new Uint8Array(10 * 1024 * 1024 + 1).fill(0xff)],
    ];
    for (const [name, bytes] of cases) {
      const error = await uploadImage(t.db, editor, { name, bytes }, {}).catch((e) => e);
      expect(error, name).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.file?.[0], name).toMatch(/ảnh|Tệp/i);
    }
    expect(await count()).toBe(before);
  });

  it('refuses decompression bombs by their pixel count', async () => {
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    const error = await uploadImage(t.db, editor, { name: 'bomb.png', bytes: huge }, {}).catch((e) => e);
    expect((error as ValidationError).fieldErrors.file?.[0]).toMatch(/40 megapixel/);
  });

  it('reads the type from the bytes, not the name', () => {
    expect(sniffImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageFormat(new TextEncoder().encode('GIF89a'))).toBeNull();
  });

  it('deletes an image only when no article uses it', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#123' } }).png().toBuffer();
    const used = await uploadImage(t.db, editor, { name: 'dung.png', bytes: png }, { alt: 'x' });
    const unused = await uploadImage(t.db, editor, { name: 'thua.png', bytes: png }, { alt: 'y' });
    const section = await insertSection(t.db);
    await createArticle(t.db, editor, { title: 'Bài dùng ảnh', lead: '', body: documentFromParagraphs(['a', { mediaId: used.id }]), sectionId: section.id, tags: [], coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });
    await expect(deleteMedia(t.db, editor, used.id)).rejects.toBeInstanceOf(ConflictError);
    await deleteMedia(t.db, editor, unused.id);
    expect(await t.db.selectFrom('media').select('id').where('id', '=', unused.id).executeTakeFirst()).toBeUndefined();
  });

  it('keeps an image that only a waiting edit of a published article uses', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#456' } }).png().toBuffer();
    const image = await uploadImage(t.db, editor, { name: 'cho-dang.png', bytes: png }, { alt: 'z' });
    const section = await insertSection(t.db);
    const article = await createArticle(t.db, editor, { title: 'Bài đã đăng, ảnh trong bản sửa', lead: '', body: documentFromParagraphs(['a']), sectionId: section.id, tags: [], coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });
    const live = await runWorkflow(t.db, editor, article.id, { action: 'publish' });
    await updateArticle(t.db, editor, article.id, { version: live.version, coverMediaId: image.id });
    await expect(deleteMedia(t.db, editor, image.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it('lets a reporter describe their image only while it is in their own drafts; an editor’s change refreshes the pages showing it', async () => {
    const reporter = await insertUser(t.db, 'reporter');
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#789' } }).png().toBuffer();
    const image = await uploadImage(t.db, reporter, { name: 'pv.png', bytes: png }, { alt: 'Ảnh của phóng viên' });
    const section = await insertSection(t.db);
    const article = await createArticle(t.db, reporter, { title: 'Bài của phóng viên có ảnh', lead: '', body: documentFromParagraphs(['a', { mediaId: image.id }]), sectionId: section.id, tags: [], coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });
    expect((await updateMediaMeta(t.db, reporter, image.id, { caption: 'Chú thích khi còn nháp' })).caption).toBe('Chú thích khi còn nháp');
    await runWorkflow(t.db, reporter, article.id, { action: 'submit' });
    await expect(updateMediaMeta(t.db, reporter, image.id, { credit: 'Nguồn khác' })).rejects.toBeInstanceOf(ForbiddenError);
    const published = await runWorkflow(t.db, editor, article.id, { action: 'publish' });
    const since = new Date().toISOString();
    await updateMediaMeta(t.db, editor, image.id, { credit: 'Ảnh: Báo Phú Thọ' });
    const stale = await t.db.selectFrom('cache_invalidations').select('tag').where('created_at', '>=', since).execute();
    expect(stale.map((r) => r.tag)).toEqual(expect.arrayContaining(['articles:lists', `article-slug:${published.slug}`]));
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'media').where('entity_id', '=', image.id).execute();
    expect(audit.map((a) => a.action)).toContain('media.update');
  });

  it('finds images by name, alt text or caption as typed, without regard to case or diacritics', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#abc' } }).png().toBuffer();
    const bridge = await uploadImage(t.db, editor, { name: 'cau-rong.png', bytes: png }, { alt: 'Cầu Rồng ở Đà Nẵng về đêm' });
    const find = async (q: string) => (await listMedia(t.db, { page: 1, pageSize: 50, q })).items.map((m) => m.id);
    for (const q of ['ĐÀ NẴNG', 'da nang', 'cầu rồng', 'CAU-RONG']) expect(await find(q), q).toEqual([bridge.id]);
    expect(await find('%')).toEqual([]);
  });
});
