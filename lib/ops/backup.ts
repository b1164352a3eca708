import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * SQLite backups with SQLite's online backup API: consistent while the site
 * keeps serving and writing (WAL), page by page, without stopping anything.
 * PostgreSQL is backed up with its own tools (pg_dump), see README.
 */
export async function backupSqlite(sourceFile: string, targetFile: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(sourceFile)) throw new Error(`Không thấy cơ sở dữ liệu: ${sourceFile}`);
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const source = new SQLite(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
  const check = new SQLite(targetFile, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`Bản sao lưu không toàn vẹn: ${String(result)}`);
  } finally {
    check.close();
  }
  return { bytes: fs.statSync(targetFile).size };
}

/**
 * Restores a backup into the database file. The server must be stopped: a
 * running server would keep writing to the old file. The current file is
 * kept beside it (…-before-restore-<time>) rather than lost.
 */
export async function restoreSqlite(backupFile: string, targetFile: string): Promise<{ keptAs: string | null }> {
  const check = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    if (check.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('Bản sao lưu bị hỏng: không khôi phục.');
  } finally {
    check.close();
  }
  let keptAs: string | null = null;
  if (fs.existsSync(targetFile)) {
    keptAs = `${targetFile}-before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(targetFile, keptAs);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(targetFile + suffix)) fs.renameSync(targetFile + suffix, keptAs + suffix);
  }
  const source = new SQLite(backupFile, { readonly: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
  return { keptAs };
}
