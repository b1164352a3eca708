import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema';
import { readDatabaseConfig, type DatabaseConfig } from './config';
import { withStatementCache } from './statement-cache';
import { foldForSearch } from '../search/text';

export type DB = Kysely<Database>;

/** The SQLite file a handle was opened on, and which file it was (device and inode). */
type SqliteFile = { path: string; dev: number; ino: number };
// A global symbol: the proxy and the pages are separate bundles sharing one handle.
const SQLITE_FILE = Symbol.for('tin-dat-to.sqliteFile');

/**
 * `readonly` (SQLite): a connection that only reads, for the search workers. The server's own
 * connection stays the file's one writer: a second writer would make the first one's
 * transactions fail (SQLITE_BUSY_SNAPSHOT) when it commits between their read and their write.
 */
export function createDatabase(config: DatabaseConfig = readDatabaseConfig(), options: { poolSize?: number; readonly?: boolean } = {}): DB {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.connectionString,
      max: options.poolSize ?? Number(process.env.PG_POOL_SIZE ?? 10),
      // An unreachable host must fail a request, not hang it (the default waits forever).
      connectionTimeoutMillis: 5000,
    });
    // An idle client losing its connection (server restart) must not crash the process.
    pool.on('error', (error) => console.error('[db] PostgreSQL pool error:', error.message));
    // Nor one lost while checked out between two queries (Node ends the process on an
    // 'error' event nobody listens to): its next query fails, and the pool drops it.
    pool.on('connect', (client) => client.on('error', () => undefined));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file, { readonly: options.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Table statistics for the query planner (SQLite's advice for long-lived connections): without
    // them it may read 10 articles by id through the (status, published_at) index, scanning every
    // published article (0.5 ms instead of 0.02 on 10,000). Refreshed hourly (lib/jobs.ts).
    sqlite.pragma('optimize = 0x10002');
  }
  // fold_vi(text), as PostgreSQL has it from migration 0010: "contains" searches without regard
  // to case or diacritics (lib/search/contains.ts).
  sqlite.function('fold_vi', { deterministic: true }, (text) => (typeof text === 'string' ? foldForSearch(text) : text));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const { dev, ino } = fs.statSync(config.file);
  Object.defineProperty(db, SQLITE_FILE, { value: { path: config.file, dev, ino } satisfies SqliteFile });
  return db;
}

/**
 * Throws when the database cannot be used. PostgreSQL: a round trip. SQLite:
 * the open handle never fails, even when its file is moved or deleted (it
 * keeps writing to a file nobody will open again), so the probe also checks
 * that the path still leads to the file the handle was opened on.
 */
export async function probeDatabase(db: DB): Promise<void> {
  const file = (db as unknown as Record<symbol, SqliteFile | undefined>)[SQLITE_FILE];
  if (file) {
    let now: fs.Stats;
    try {
      now = fs.statSync(file.path);
    } catch (error) {
      throw Object.assign(new Error(`unable to open database file ${file.path}: ${error instanceof Error ? error.message : error}`), { code: 'SQLITE_CANTOPEN', cause: error });
    }
    if (now.dev !== file.dev || now.ino !== file.ino) {
      throw Object.assign(new Error(`unable to open database file ${file.path}: another file is there now than the one this server opened (restart the server to use it)`), {
        code: 'SQLITE_CANTOPEN',
      });
    }
  }
  await sql`select 1`.execute(db);
}

const globalForDb = globalThis as unknown as { __newsDb?: DB };

/** The process-wide connection (pool or SQLite handle); reused across hot reloads. */
export function getDb(): DB {
  // Pages must get their content at run time: a read during `next build` would bake
  // whatever database the build machine has into the output. Fail the build instead.
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('The database was read during `next build`: make this route dynamic or render it on first request.');
  }
  globalForDb.__newsDb ??= createDatabase();
  return globalForDb.__newsDb;
}

/**
 * Which of our two dialects a Kysely instance (or transaction) speaks. The
 * bundler may load Kysely more than once, so `instanceof` alone is not enough;
 * of SQLite and PostgreSQL only PostgreSQL runs DDL in transactions.
 */
export function isPostgres(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof PostgresAdapter || adapter.supportsTransactionalDdl === true;
}

/**
 * Keeps the query planner's statistics current as tables grow (SQLite's `PRAGMA optimize`, which
 * re-analyses only tables that changed a lot). PostgreSQL's autovacuum does this by itself.
 */
export async function refreshPlannerStatistics(db: DB): Promise<void> {
  if (!isPostgres(db)) await sql`pragma optimize`.execute(db);
}
