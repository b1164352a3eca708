import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { foldForSearch } from './text';

/**
 * Whether a text column contains what was typed, without regard to case or diacritics ("da nang"
 * and "ĐÀ NẴNG" both find "Đà Nẵng"), the same on SQLite and PostgreSQL: both sides go through
 * fold_vi (lib/db/client.ts, migration 0010), and %, _ and \ typed are taken literally.
 * For the dashboard's lists; readers' search uses the full-text index (./queries.ts).
 */
export function containsFolded(column: string, typed: string): RawBuilder<SqlBool> {
  const pattern = `%${foldForSearch(typed.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`fold_vi(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
