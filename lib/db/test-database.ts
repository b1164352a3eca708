import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DB } from './client';
import { readDatabaseConfig } from './config';
import { migrateToLatest } from './migrations';

/** `connectionString`: PostgreSQL's address of the test database (for connections of a test's own). */
export type TestDatabase = { db: DB; dialect: 'sqlite' | 'postgres'; connectionString?: string; cleanup: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or,
 * when DATABASE_URL points at PostgreSQL (as in CI), a new database on that
 * server, dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const config = readDatabaseConfig(process.env.DATABASE_URL);
  if (config.dialect === 'postgres') {
    const name = `news_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: config.connectionString });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(config.connectionString);
    url.pathname = `/${name}`;
    const db = createDatabase({ dialect: 'postgres', connectionString: url.toString() });
    await migrateToLatest(db);
    return {
      db,
      dialect: 'postgres',
      connectionString: url.toString(),
      cleanup: async () => {
        await db.destroy();
        const dropper = new pg.Client({ connectionString: config.connectionString });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-test-'));
  const db = createDatabase({ dialect: 'sqlite', file: path.join(dir, 'test.db') });
  await migrateToLatest(db);
  return {
    db,
    dialect: 'sqlite',
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
