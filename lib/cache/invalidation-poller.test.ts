import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { startInvalidationPoller, SECOND_EXPIRY_MS, type InvalidationPoller } from './invalidation-poller';
import { recordStaleTags } from './refresh';
import { databaseAvailability } from '../db/availability';

let t: TestDatabase;
const pollers: InvalidationPoller[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
});
beforeEach(async () => {
  // Each test's instances start on an empty table (a new poller also reads the last five minutes' rows).
  await t.db.deleteFrom('cache_invalidations').execute();
});
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await t.cleanup();
});

/** Another instance's page cache: the tags it was asked to expire, in order. */
function instance(options: { intervalMs?: number; listen?: boolean } = {}) {
  const expired: string[][] = [];
  const poller = startInvalidationPoller(t.db, {
    intervalMs: options.intervalMs ?? 60_000,
    available: async () => true,
    expire: async (tags) => void expired.push([...tags].sort()),
    listenTo: options.listen ? t.connectionString : undefined,
    replayMs: 0,
  });
  pollers.push(poller);
  return { poller, expired, all: () => expired.flat() };
}

async function write(tags: string[]) {
  await t.db.transaction().execute((tx) => recordStaleTags(tx, tags));
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe('the invalidation poller', () => {
  it("expires the tags another instance's writes made stale, and a second time shortly after", async () => {
    const b = instance();
    await b.poller.poll();
    await write(['section:giao-duc', 'articles:lists']);
    await b.poller.poll();
    expect(b.expired).toEqual([['articles:lists', 'section:giao-duc']]);
    // Read again: nothing new, nothing expired again by the read.
    await b.poller.poll();
    expect(b.expired).toHaveLength(1);
    // The second expiry, for a page rendered while the write was committing.
    await new Promise((r) => setTimeout(r, SECOND_EXPIRY_MS + 300));
    expect(b.expired).toEqual([
      ['articles:lists', 'section:giao-duc'],
      ['articles:lists', 'section:giao-duc'],
    ]);
  });

  it('does not skip a write whose rows got a smaller id but were committed after a larger one was read', async () => {
    const b = instance();
    await b.poller.poll();
    const now = new Date().toISOString();
    await t.db.insertInto('cache_invalidations').values({ id: 100_000, tag: 'article-slug:committed-first', created_at: now }).execute();
    await b.poller.poll();
    await t.db.insertInto('cache_invalidations').values({ id: 99_000, tag: 'article-slug:committed-later', created_at: now }).execute();
    await b.poller.poll();
    expect(b.all()).toEqual(['article-slug:committed-first', 'article-slug:committed-later']);
  });

  it('reads again while the database is unreachable no more than skips a turn: what was written meanwhile is expired after', async () => {
    let up = true;
    const expired: string[] = [];
    const poller = startInvalidationPoller(t.db, { intervalMs: 60_000, available: async () => up, expire: async (tags) => void expired.push(...tags), replayMs: 0 });
    pollers.push(poller);
    await poller.poll();
    up = false;
    await write(['section:the-thao']);
    await poller.poll();
    expect(expired).toEqual([]);
    up = true;
    await poller.poll();
    expect(expired).toEqual(['section:the-thao']);
  });

  it('keeps a failed expiry to try again on the next read', async () => {
    let fail = true;
    const expired: string[] = [];
    const poller = startInvalidationPoller(t.db, {
      intervalMs: 60_000,
      available: async () => true,
      expire: async (tags) => {
        if (fail) throw new Error('the server is not listening yet');
        expired.push(...tags);
      },
      replayMs: 0,
    });
    pollers.push(poller);
    await poller.poll();
    await write(['section:kinh-te']);
    await poller.poll();
    fail = false;
    await poller.poll();
    expect(expired).toEqual(['section:kinh-te']);
  });

  it('asks its server at most 1,000 tags at a time (a section of thousands of articles renamed)', async () => {
    const calls: number[] = [];
    const poller = startInvalidationPoller(t.db, { intervalMs: 60_000, available: async () => true, expire: async (tags) => void calls.push(tags.length), replayMs: 0 });
    pollers.push(poller);
    await poller.poll();
    await write(Array.from({ length: 2500 }, (_, i) => `article-slug:bai-${i}`));
    await poller.poll();
    expect(calls).toEqual([1000, 1000, 500]);
  });

  it('waits for its server to listen before expiring, and does not take a refused call for a database outage', async () => {
    let listening = false;
    let refuse = true;
    const expired: string[] = [];
    const poller = startInvalidationPoller(t.db, {
      intervalMs: 60_000,
      available: async () => true,
      serverReachable: () => listening,
      expire: async (tags) => {
        if (refuse) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3000'), { code: 'ECONNREFUSED' });
        expired.push(...tags);
      },
      replayMs: 0,
    });
    pollers.push(poller);
    await write(['section:xa-hoi']);
    await poller.poll();
    expect(expired).toEqual([]);
    listening = true;
    await poller.poll();
    expect(databaseAvailability().knownUp).toBe(true);
    refuse = false;
    await poller.poll();
    expect(expired).toEqual(['section:xa-hoi']);
  });
});

describe.runIf(process.env.DATABASE_URL?.startsWith('postgres'))('on PostgreSQL', () => {
  it('an instance hears of a write as it commits, without waiting for its timer', async () => {
    const b = instance({ intervalMs: 600_000, listen: true });
    await b.poller.poll();
    // Give the listening connection time to open.
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    await write(['article-slug:vua-dang']);
    await until(() => b.all().includes('article-slug:vua-dang'));
    expect(b.all()).toContain('article-slug:vua-dang');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not skip a write that took an id first and committed last', async () => {
    const b = instance();
    await b.poller.poll();
    let commitSlowOne!: () => void;
    const held = new Promise<void>((r) => (commitSlowOne = r));
    let slowRecorded!: () => void;
    const recorded = new Promise<void>((r) => (slowRecorded = r));
    const slow = t.db.transaction().execute(async (tx) => {
      await recordStaleTags(tx, ['article-slug:cham']);
      slowRecorded();
      await held;
    });
    await recorded;
    await write(['article-slug:nhanh']);
    await b.poller.poll();
    expect(b.all()).toEqual(['article-slug:nhanh']);
    commitSlowOne();
    await slow;
    await b.poller.poll();
    expect(b.all()).toEqual(['article-slug:nhanh', 'article-slug:cham']);
  });
});
