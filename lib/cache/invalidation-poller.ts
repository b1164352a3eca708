import { randomBytes } from 'node:crypto';
import type { DB } from '../db/client';
import { databaseAvailability } from '../db/availability';

/**
 * Keeps this instance's page cache in step with writes made by any instance.
 * Writes record the tags they made stale (lib/cache/refresh.ts); every few
 * seconds each instance reads the new rows and expires those tags through
 * its own /api/internal/revalidate, because Next.js only expires tags inside
 * a request. The token is made at start and never leaves the process.
 */
const globalForPoller = globalThis as unknown as { __revalidateToken?: string };

export function internalRevalidateToken(): string {
  globalForPoller.__revalidateToken ??= randomBytes(32).toString('hex');
  return globalForPoller.__revalidateToken;
}

function selfUrl(): string {
  return process.env.INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

export async function expireTagsThroughServer(tags: string[]): Promise<void> {
  const response = await fetch(`${selfUrl()}/api/internal/revalidate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Revalidate-Token': internalRevalidateToken() },
    body: JSON.stringify({ tags }),
  });
  if (!response.ok) throw new Error(`revalidate answered ${response.status}`);
}

/** `available` is asked before each poll: while the database is down the poll skips its turn. */
export function startInvalidationPoller(db: DB, intervalMs = 2000, available: () => Promise<boolean> = () => databaseAvailability().check()): () => void {
  let lastId: number | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (!(await available())) return;
      if (lastId === null) {
        // On start, replay the last ten minutes: pages cached on disk before a restart may predate them.
        const since = new Date(Date.now() - 10 * 60_000).toISOString();
        const first = await db.selectFrom('cache_invalidations').select('id').where('created_at', '>=', since).orderBy('id').limit(1).executeTakeFirst();
        const max = await db.selectFrom('cache_invalidations').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
        lastId = first ? first.id - 1 : Number(max?.id ?? 0);
      }
      const rows = await db.selectFrom('cache_invalidations').select(['id', 'tag']).where('id', '>', lastId).orderBy('id').limit(1000).execute();
      if (rows.length) {
        await expireTagsThroughServer([...new Set(rows.map((r) => r.tag))]);
        lastId = rows.at(-1)!.id;
      }
    } catch (error) {
      if (!databaseAvailability().reportFailure(error)) console.warn('[cache] invalidation poll failed:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** Rows older than a day are of no use to any instance. */
export async function pruneInvalidations(db: DB): Promise<void> {
  await db.deleteFrom('cache_invalidations').where('created_at', '<', new Date(Date.now() - 86_400_000).toISOString()).execute();
}
