/**
 * Whether an error means "the database cannot be reached" (as opposed to a
 * bad query): PostgreSQL refusing or dropping connections, or an SQLite file
 * that cannot be opened or read. Such errors are answered 503, not 500.
 */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);
const SQLITE_UNAVAILABLE = /^SQLITE_(CANTOPEN|IOERR|NOTADB|CORRUPT|BUSY|LOCKED|READONLY|PERM|AUTH)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (PG_UNAVAILABLE.has(code) || NET_UNAVAILABLE.has(code) || SQLITE_UNAVAILABLE.test(code))) return true;
    const message = e instanceof Error ? e.message : '';
    if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|unable to open database|not queryable/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Whether an error is a unique constraint refusing a row: two writers took the same name or
 * address at the same moment, after both checked it was free.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
