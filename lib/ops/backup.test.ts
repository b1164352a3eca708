import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client';
import { migrateToLatest } from '../db/migrations';
import { insertArticle, insertSection } from '../articles/test-fixtures';
import { backupSqlite, restoreSqlite } from './backup';

describe('SQLite backup and restore', () => {
  it('backs up while the database is being written, and restores the same content', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-backup-'));
    const live = path.join(dir, 'live.db');
    const db = createDatabase({ dialect: 'sqlite', file: live });
    await migrateToLatest(db);
    const section = await insertSection(db);
    for (let i = 0; i < 50; i++) await insertArticle(db, section.id);
    // Writes keep coming while the backup runs.
    const writing = (async () => {
      for (let i = 0; i < 50; i++) await insertArticle(db, section.id);
    })();
    const backupFile = path.join(dir, 'backup.db');
    await backupSqlite(live, backupFile);
    await writing;
    const snapshot = createDatabase({ dialect: 'sqlite', file: backupFile });
    const backedUp = await snapshot.selectFrom('articles').select(['id', 'title', 'slug']).orderBy('id').execute();
    await snapshot.destroy();
    expect(backedUp.length).toBeGreaterThanOrEqual(50);

    await db.destroy();
    const { keptAs } = await restoreSqlite(backupFile, live);
    expect(keptAs && fs.existsSync(keptAs)).toBeTruthy();
    const restored = createDatabase({ dialect: 'sqlite', file: live });
    expect(await restored.selectFrom('articles').select(['id', 'title', 'slug']).orderBy('id').execute()).toEqual(backedUp);
    await restored.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to restore a damaged file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-backup-'));
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, 'this is not a database');
    await expect(restoreSqlite(bad, path.join(dir, 'x.db'))).rejects.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
