import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, refreshPlannerStatistics } from './client';
import { createTestDatabase, type TestDatabase } from './test-database';
import { migrateToLatest, migrationProvider } from './migrations';

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

  it.skipIf(process.env.DATABASE_URL?.startsWith('postgres'))('rebuild the SQLite search index with prefix indexes, keeping what it held', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-migrate-'));
    const db = createDatabase({ dialect: 'sqlite', file: path.join(dir, 'old.db') });
    try {
      await new Migrator({ db, provider: migrationProvider }).migrateTo('0007_rating_totals');
      // The index holds folded text (lib/search/text.ts).
      await sql`insert into article_search (rowid, title, lead, body) values (42, 'buoi doan hung', 'dac san', 'phu tho')`.execute(db);
      expect(await migrateToLatest(db)).toContain('0008_search_prefix_index');
      const found = await sql<{ id: number }>`select rowid as id from article_search where article_search match '"d"* AND "hung"*'`.execute(db);
      expect(found.rows.map((r) => Number(r.id))).toEqual([42]);
      const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'article_search'`.execute(db);
      expect(table.rows[0]?.sql).toContain("prefix = '1 2 3 4'");
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gather the query planner statistics on request, on either database', async () => {
    const now = new Date().toISOString();
    await t.db.insertInto('sections').values({ name: 'Thống kê', slug: 'thong-ke', position: 1, description: null, created_at: now, updated_at: now }).execute();
    await expect(refreshPlannerStatistics(t.db)).resolves.toBeUndefined();
    if (t.dialect === 'sqlite') {
      const stats = await sql<{ tbl: string }>`select tbl from sqlite_stat1`.execute(t.db);
      expect(stats.rows.map((r) => r.tbl)).toContain('sections');
    }
  });
});
