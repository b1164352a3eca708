import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it, with the right results each time', async () => {
    const sqlite = new Database(':memory:');
    let prepared = 0;
    const counting = { close: () => sqlite.close(), prepare: (text: string) => (prepared++, sqlite.prepare(text)) };
    const db = new Kysely<{ t: { id: Generated<number>; name: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(counting, 2) }) });
    await sql`create table t (id integer primary key, name text)`.execute(db);
    for (const name of ['Phú Thọ', 'Việt Trì', 'Đoan Hùng']) await db.insertInto('t').values({ name }).execute();
    for (let id = 1; id <= 3; id++) expect((await db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst())?.name).toBe(['Phú Thọ', 'Việt Trì', 'Đoan Hùng'][id - 1]);
    // create, insert, select: three statements, each prepared once.
    expect(prepared).toBe(3);
    // A fourth distinct statement pushes out the least recently used (size 2).
    await db.selectFrom('t').select((eb) => eb.fn.countAll().as('n')).execute();
    await db.insertInto('t').values({ name: 'Tam Nông' }).execute();
    expect(prepared).toBe(5);
    await db.destroy();
  });
});
