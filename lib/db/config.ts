import path from 'node:path';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; connectionString: string };

/**
 * DATABASE_URL unset → data/news.db; `file:/path.db` → that SQLite file;
 * `postgres://…` or `postgresql://…` → PostgreSQL.
 */
export function readDatabaseConfig(url = process.env.DATABASE_URL, cwd = process.cwd()): DatabaseConfig {
  if (!url || url.trim() === '') return { dialect: 'sqlite', file: path.join(cwd, 'data', 'news.db') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url };
  }
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    if (!file) throw new Error('DATABASE_URL=file: cần đường dẫn tới tệp SQLite, ví dụ file:./data/news.db');
    return { dialect: 'sqlite', file: path.resolve(cwd, file) };
  }
  throw new Error(`DATABASE_URL không hợp lệ: dùng file:/đường/dẫn.db hoặc postgres://… (nhận được "${url.split(':')[0]}:…")`);
}
