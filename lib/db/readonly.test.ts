import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './client';
import { migrateToLatest } from './migrations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-readonly-'));
const file = path.join(dir, 'news.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The search workers' connection (lib/search/search-worker.ts): SQLite only, PostgreSQL has no second-writer problem.
describe('a read-only SQLite connection beside the server’s', () => {
  it('reads what the server writes, and cannot write: the server stays the file’s one writer', async () => {
    const server = createDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(server);
    const reader = createDatabase({ dialect: 'sqlite', file }, { readonly: true });
    const now = new Date().toISOString();
    await server.insertInto('sections').values({ name: 'Giáo dục', slug: 'giao-duc', description: '', position: 1, created_at: now, updated_at: now } as never).execute();
    expect((await reader.selectFrom('sections').select('slug').execute()).map((row) => row.slug)).toEqual(['giao-duc']);
    await expect(sql`insert into rate_limits (key, window_start, count) values ('search:x', 0, 1)`.execute(reader)).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    // A transaction of the server that reads, then writes, is not broken by the reader.
    await server.transaction().execute(async (tx) => {
      await tx.selectFrom('sections').selectAll().execute();
      await reader.selectFrom('sections').selectAll().execute();
      await tx.updateTable('sections').set({ name: 'Giáo dục - Đào tạo' }).where('slug', '=', 'giao-duc').execute();
    });
    expect((await reader.selectFrom('sections').select('name').executeTakeFirstOrThrow()).name).toBe('Giáo dục - Đào tạo');
    await reader.destroy();
    await server.destroy();
  });
});
