import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema';
import { readDatabaseConfig, type DatabaseConfig } from './config';

export type DB = Kysely<Database>;

export function createDatabase(config: DatabaseConfig = readDatabaseConfig()): DB {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.connectionString, max: Number(process.env.PG_POOL_SIZE ?? 10) });
    // An idle client losing its connection (server restart) must not crash the process.
    pool.on('error', (error) => console.error('[db] PostgreSQL pool error:', error.message));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
