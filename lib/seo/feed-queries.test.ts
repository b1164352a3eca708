import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { insertArticle, insertSection } from '../articles/test-fixtures';
import { countPublishedArticles, listArticlesPublishedSince, listFeedArticles, listSectionsLastChanged, listSitemapArticles } from '../articles/queries';

/**
 * The reads behind feeds and sitemaps (lib/articles/queries.ts), against a
 * real database: only public articles, and the cover's stored size.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

const hour = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe(`feed and sitemap reads (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('list public articles only, newest first, with the cover file for the enclosure', async () => {
    const section = await insertSection(t.db);
    const other = await insertSection(t.db);
    const media = await t.db
      .insertInto('media')
      .values({ file_name: 'anh bia.jpg', mime_type: 'image/jpeg', alt: 'Ảnh', caption: null, credit: null, width: 8, height: 6, byte_size: 4321, data: Buffer.from('x'), uploaded_by: null, created_at: ago(0) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const older = await insertArticle(t.db, section.id, { publishedAt: ago(3 * hour) });
    const newer = await insertArticle(t.db, section.id, { publishedAt: ago(1 * hour) });
    await t.db.updateTable('articles').set({ cover_media_id: media.id }).where('id', '=', newer.id).execute();
    const elsewhere = await insertArticle(t.db, other.id, { publishedAt: ago(2 * hour) });
    const hidden = [
      await insertArticle(t.db, section.id, { status: 'draft', publishedAt: null }),
      await insertArticle(t.db, section.id, { status: 'in_review', publishedAt: null }),
      await insertArticle(t.db, section.id, { status: 'scheduled', publishedAt: new Date(Date.now() + hour).toISOString() }),
      await insertArticle(t.db, section.id, { status: 'unpublished', publishedAt: ago(hour) }),
      await insertArticle(t.db, section.id, { publishedAt: new Date(Date.now() + hour).toISOString() }),
    ].map((a) => a.id);

    const feed = await listFeedArticles(t.db, { sectionId: section.id, limit: 50 });
    expect(feed.map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(feed[0]!.coverFile).toEqual({ url: `/media/${media.id}/anh%20bia.jpg`, byteSize: 4321, mimeType: 'image/jpeg' });
    expect(feed[1]!.coverFile).toBeNull();
    expect(feed[0]!.section.slug).toBe(section.slug);

    const all = await listFeedArticles(t.db, { limit: 50 });
    expect(all.map((a) => a.id)).toEqual(expect.arrayContaining([newer.id, older.id, elsewhere.id]));
    expect(all.some((a) => hidden.includes(a.id))).toBe(false);
    expect(await listFeedArticles(t.db, { limit: 1 })).toHaveLength(1);

    const count = await countPublishedArticles(t.db);
    const listed = await listSitemapArticles(t.db, 0, 1000);
    expect(listed).toHaveLength(count);
    const hiddenSlugs = (await t.db.selectFrom('articles').select('slug').where('id', 'in', hidden).execute()).map((r) => r.slug);
    expect(listed.some((a) => hiddenSlugs.includes(a.slug))).toBe(false);
  });

  it('pages the sitemap articles by id without gaps or repeats', async () => {
    const count = await countPublishedArticles(t.db);
    const first = await listSitemapArticles(t.db, 0, 2);
    const rest = await listSitemapArticles(t.db, 2, 1000);
    expect(first).toHaveLength(2);
    expect([...first, ...rest].map((a) => a.slug)).toEqual((await listSitemapArticles(t.db, 0, 1000)).map((a) => a.slug));
    expect(first.length + rest.length).toBe(count);
    expect(await listSitemapArticles(t.db, 0, 0)).toEqual([]);
  });

  it('finds the articles of the news window', async () => {
    const section = await insertSection(t.db);
    const fresh = await insertArticle(t.db, section.id, { publishedAt: ago(hour) });
    const stale = await insertArticle(t.db, section.id, { publishedAt: ago(49 * hour) });
    const recent = await listArticlesPublishedSince(t.db, ago(48 * hour), 1000);
    expect(recent.map((a) => a.slug)).toContain(fresh.slug);
    expect(recent.map((a) => a.slug)).not.toContain(stale.slug);
    expect(recent.every((a, i) => i === 0 || recent[i - 1]!.publishedAt >= a.publishedAt)).toBe(true);
  });

  it('dates each section by its newest public change', async () => {
    const section = await insertSection(t.db);
    const empty = await insertSection(t.db);
    await insertArticle(t.db, section.id, { publishedAt: ago(5 * hour) });
    await insertArticle(t.db, empty.id, { status: 'draft', publishedAt: null });
    const changed = await listSectionsLastChanged(t.db);
    expect(changed[section.id]).toBeDefined();
    expect(changed[empty.id]).toBeUndefined();
  });
});
