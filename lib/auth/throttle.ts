import type { DB } from '../db/client';

/**
 * Failed sign-ins are counted per account and per address in the database, so
 * the limit holds across instances. After MAX_FAILURES within WINDOW_MS the
 * key is locked for LOCK_MS; a success clears the account's counter.
 */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export function throttleKeys(email: string, address: string): string[] {
  return [`account:${email.trim().toLowerCase()}`, `ip:${address}`];
}

/** Milliseconds until the first locked key opens again, or 0 when none is locked. */
export async function lockedFor(db: DB, keys: string[], now = Date.now()): Promise<number> {
  const rows = await db.selectFrom('auth_throttle').select(['locked_until']).where('key', 'in', keys).execute();
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) : 0)));
  return until > now ? until - now : 0;
}

export async function recordFailure(db: DB, keys: string[], now = Date.now()): Promise<void> {
  const nowIso = new Date(now).toISOString();
  for (const key of keys) {
    await db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      const windowOpen = row && now - Date.parse(row.window_started_at) < WINDOW_MS;
      const failures = windowOpen ? row.failures + 1 : 1;
      const locked_until = failures >= MAX_FAILURES ? new Date(now + LOCK_MS).toISOString() : null;
      await tx
        .insertInto('auth_throttle')
        .values({ key, failures, window_started_at: windowOpen ? row.window_started_at : nowIso, locked_until })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures, window_started_at: windowOpen ? row!.window_started_at : nowIso, locked_until }))
        .execute();
    });
  }
}

export async function clearFailures(db: DB, keys: string[]): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
}
