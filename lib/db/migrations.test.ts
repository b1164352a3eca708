import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';
import { migrateToLatest } from './migrations';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe('migrations', () => {
  it('are safe to run again on a current schema', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('create every table the site needs', async () => {
    const tables = (await t.db.introspection.getTables()).map((table) => table.name);
    for (const name of ['sections', 'users', 'articles', 'article_slug_history', 'media', 'tags', 'article_tags', 'ratings', 'article_views']) {
      expect(tables).toContain(name);
    }
  });

  it('keep slugs unique', async () => {
    const now = new Date().toISOString();
    const values = { name: 'A', slug: 'trung-lap', position: 0, description: null, created_at: now, updated_at: now };
    await t.db.insertInto('sections').values(values).execute();
    await expect(t.db.insertInto('sections').values(values).execute()).rejects.toThrow();
  });

  it('store images as bytes and give them back unchanged', async () => {
    const now = new Date().toISOString();
    const data = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]);
    const row = await t.db
      .insertInto('media')
      .values({ file_name: 'a.jpg', mime_type: 'image/jpeg', alt: 'x', caption: null, credit: null, width: 1, height: 1, byte_size: data.length, data, uploaded_by: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const back = await t.db.selectFrom('media').select('data').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(back.data), data)).toBe(0);
  });
});
