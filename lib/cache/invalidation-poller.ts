import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DB } from '../db/client';
import { databaseAvailability } from '../db/availability';
import { shared, sharedValue } from '../server/shared-state.mjs';

/**
 * Keeps this instance's page cache in step with writes made by any instance.
 * Writes record the tags they made stale (lib/cache/refresh.ts); each instance
 * reads the rows it has not seen yet and expires those tags through its own
 * /api/internal/revalidate, because Next.js only expires tags inside a
 * request. The token is made at start and never leaves the process.
 *
 * When it reads:
 * - on PostgreSQL, at once: every write sends a notification on commit
 *   (NOTIFY is transactional) and each instance LISTENs on a connection of its own;
 * - on every database, also every few seconds, for what a notification could
 *   not bring (a lost listening connection, SQLite, which has no notifications).
 *
 * What it reads: the rows of the last five minutes, skipping those already seen,
 * rather than the ids after the last one seen. Ids are handed out when a write
 * inserts its rows, not when it commits: on PostgreSQL a write holding id 100
 * can commit after another's 101 was read, and "after the last id" would skip it.
 */
const globalForPoller = globalThis as unknown as { __revalidateToken?: string };

export const INVALIDATION_CHANNEL = 'cache_invalidations';
/** How long a write may take between recording its rows and committing them, and how far two instances' clocks may differ. */
const OVERLAP_MS = 5 * 60_000;
/** Tags per call to the server's /api/internal/revalidate (it takes 2,000): a section of thousands of articles renamed is several calls. */
const TAGS_PER_CALL = 1000;
/** A page rendered while the write was committing may be stored just after the first expiry: a second one catches it. */
export const SECOND_EXPIRY_MS = 2_000;

export function internalRevalidateToken(): string {
  globalForPoller.__revalidateToken ??= randomBytes(32).toString('hex');
  return globalForPoller.__revalidateToken;
}

/** This server's own address (server.mjs publishes where it listens), INTERNAL_URL to override. */
function selfUrl(): string {
  return process.env.INTERNAL_URL ?? sharedValue(shared.ownUrl) ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/**
 * Whether this server listens yet. Under server.mjs it says where once it does; under `next dev`
 * (no server.mjs) the jobs start with the server already listening.
 */
function serverListening(): boolean {
  return Boolean(process.env.INTERNAL_URL || sharedValue(shared.ownUrl) || process.env.NODE_ENV !== 'production');
}

export async function expireTagsThroughServer(tags: string[]): Promise<void> {
  const response = await fetch(`${selfUrl()}/api/internal/revalidate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Revalidate-Token': internalRevalidateToken() },
    body: JSON.stringify({ tags }),
  });
  if (!response.ok) throw new Error(`revalidate answered ${response.status}`);
}

export type InvalidationPollerOptions = {
  intervalMs?: number;
  /** Asked before each read: while the database is down the poller skips its turn. */
  available?: () => Promise<boolean>;
  expire?: (tags: string[]) => Promise<void>;
  /** PostgreSQL: the database's address, to LISTEN for writes on a connection of the poller's own. */
  listenTo?: string;
  /** On start, the rows of this long ago are read too: pages cached on disk before a restart may predate them. */
  replayMs?: number;
  /** Whether `expire` can reach the server yet (default: it listens, or INTERNAL_URL names it). */
  serverReachable?: () => boolean;
};

/** The server could not be asked to expire tags (not listening yet, or it refused): not a database failure. */
class ExpiryFailed extends Error {}

export type InvalidationPoller = {
  /** Reads now (what a notification does); resolves when that read is over. */
  poll: () => Promise<void>;
  stop: () => Promise<void>;
};

export function startInvalidationPoller(db: DB, options: InvalidationPollerOptions = {}): InvalidationPoller {
  const { intervalMs = 2000, available = () => databaseAvailability().check(), expire = expireTagsThroughServer, listenTo, replayMs = 10 * 60_000 } = options;
  const pollerStartedAt = Date.now();
  // Under a server other than server.mjs (`next start`) nobody says where it listens: after 30 s the default address is tried.
  const { serverReachable = () => serverListening() || Date.now() - pollerStartedAt > 30_000 } = options;
  /** Ids expired already, with when they were written (to forget them once out of the window). */
  const seen = new Map<number, number>();
  let readSince = Date.now() - replayMs;
  let stopped = false;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  const secondExpiries = new Set<ReturnType<typeof setTimeout>>();

  const expireInCalls = async (tags: string[]) => {
    for (let i = 0; i < tags.length; i += TAGS_PER_CALL) {
      try {
        await expire(tags.slice(i, i + TAGS_PER_CALL));
      } catch (error) {
        throw new ExpiryFailed(error instanceof Error ? error.message : String(error));
      }
    }
  };

  const read = async () => {
    // Before the server listens (jobs start while Next.js prepares) there is nobody to expire
    // tags in yet: the rows wait for the next turn.
    if (!serverReachable()) return;
    if (!(await available())) return;
    const startedAt = Date.now();
    const since = new Date(readSince - OVERLAP_MS).toISOString();
    const rows = await db.selectFrom('cache_invalidations').select(['id', 'tag', 'created_at']).where('created_at', '>=', since).orderBy('id').execute();
    const fresh = rows.filter((row) => !seen.has(row.id));
    if (fresh.length) {
      const tags = [...new Set(fresh.map((row) => row.tag))];
      await expireInCalls(tags);
      if (!stopped) {
        const again = setTimeout(() => {
          secondExpiries.delete(again);
          expireInCalls(tags).catch((error) => console.warn('[cache] second expiry failed:', error instanceof Error ? error.message : error));
        }, SECOND_EXPIRY_MS);
        again.unref?.();
        secondExpiries.add(again);
      }
    }
    for (const row of fresh) seen.set(row.id, Date.parse(row.created_at));
    // Seen once, never again: only what is still inside the next read's window needs remembering.
    readSince = startedAt;
    for (const [id, writtenAt] of seen) if (writtenAt < readSince - OVERLAP_MS) seen.delete(id);
  };

  const poll = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (reading) {
      // A write committed during this read may have been missed by it: read once more after.
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        try {
          await read();
        } catch (error) {
          // The server refusing is no sign of a database outage; either way the rows wait for the next turn.
          if (error instanceof ExpiryFailed) console.warn('[cache] pages not expired yet:', error.message);
          else if (!databaseAvailability().reportFailure(error)) console.warn('[cache] invalidation poll failed:', error instanceof Error ? error.message : error);
        }
      } while (readAgain && !stopped);
      reading = null;
    })();
    return reading;
  };

  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref?.();
  const listener = listenTo ? listenForWrites(listenTo, poll) : null;
  void poll();
  return {
    poll,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const t of secondExpiries) clearTimeout(t);
      await listener?.stop();
      await reading;
    },
  };
}

/**
 * A PostgreSQL connection LISTENing on the invalidation channel: each
 * notification makes the poller read at once. A lost connection is opened
 * again after a few seconds (the timer keeps reading meanwhile), and a read
 * follows each reconnection for what was written while it was down.
 */
function listenForWrites(connectionString: string, onWrite: () => Promise<void>, retryMs = 5000): { stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  const connect = async () => {
    retry = null;
    if (stopped) return;
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (stopped) return;
      if (failures++ === 0) console.warn('[cache] lost the PostgreSQL notifications; listening again shortly:', error?.message ?? 'connection ended');
      retry = setTimeout(() => void connect(), retryMs);
      retry.unref?.();
    };
    client = next;
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', () => void onWrite());
    try {
      await next.connect();
      await next.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      if (stopped) return void (await next.end().catch(() => undefined));
      if (failures > 0) console.log('[cache] listening to PostgreSQL notifications again');
      failures = 0;
      void onWrite();
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}

/** Rows older than a day are of no use to any instance. */
export async function pruneInvalidations(db: DB): Promise<void> {
  await db.deleteFrom('cache_invalidations').where('created_at', '<', new Date(Date.now() - 86_400_000).toISOString()).execute();
}
