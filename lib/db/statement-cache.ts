import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely prepares every SQLite query afresh; preparing costs about as much as
 * running a small query. The site runs the same few hundred statements over and
 * over, so this keeps the most recent ones prepared (better-sqlite3 statements
 * are reusable; SQLite re-prepares by itself after a schema change). Kysely
 * only iterates a statement when streaming, which this code base never does.
 */
export function withStatementCache(database: SqliteDatabase, size = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const known = statements.get(sql);
      if (known) {
        // Most recently used last, so the first entry is the one to drop.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
