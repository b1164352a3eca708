/**
 * Read-only access to the server's database for scripts/loadtest.mjs's
 * checks: the same DATABASE_URL forms as lib/db/config.ts (file:/path.db or
 * postgres://…). SQLite is opened read-only beside the running server (WAL
 * lets readers in while it writes). Queries use `?` placeholders on both.
 */
import path from 'node:path';

export async function openDatabase(url, cwd) {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    return {
      dialect: 'postgres',
      async all(sql, params = []) {
        let n = 0;
        const res = await pool.query(sql.replace(/\?/g, () => `$${++n}`), params);
        return res.rows;
      },
      close: () => pool.end(),
    };
  }
  if (!url.startsWith('file:')) throw new Error(`unsupported database URL ${url}`);
  const { default: SQLite } = await import('better-sqlite3');
  const db = new SQLite(path.resolve(cwd, url.slice('file:'.length)), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    dialect: 'sqlite',
    async all(sql, params = []) {
      return db.prepare(sql).all(...params);
    },
    close: async () => db.close(),
  };
}
