import { sql, type Kysely } from 'kysely';
import { revalidateTag } from 'next/cache';
import type { Database } from '../db/schema';
import { cacheTags } from './tags';
import { INVALIDATION_CHANNEL } from './invalidation-poller';
import { isPostgres } from '../db/client';
import { shared } from '../server/shared-state.mjs';

/**
 * Refreshing after a write happens in two steps:
 * - inside the write's transaction, the stale tags are recorded, so every
 *   other instance of the site (lib/cache/invalidation-poller.ts) refreshes
 *   its own page cache too;
 * - after the commit, this instance expires them at once, so the next
 *   request renders fresh content (read-your-writes).
 */
export async function recordStaleTags(tx: Kysely<Database>, tags: string[], now = new Date().toISOString()): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await tx.insertInto('cache_invalidations').values(unique.map((tag) => ({ tag, created_at: now }))).execute();
  // Delivered when the transaction commits, to every instance listening (lib/cache/invalidation-poller.ts).
  if (isPostgres(tx)) await sql`select pg_notify(${INVALIDATION_CHANNEL}, '')`.execute(tx);
}

/**
 * How many times published content has changed in this process. server.mjs keeps search
 * results per query for a few seconds and reads this (a global symbol: the server and Next's
 * bundles share only globalThis) into its keys, so a publish makes every kept result stale at once.
 */
const CONTENT_GENERATION = shared.contentGeneration;

export function expireTagsLocally(tags: string[]): void {
  // Search pages show sections (the menu, the filter) as well as articles.
  if (tags.includes(cacheTags.articleLists) || tags.includes(cacheTags.sections)) {
    const state = globalThis as unknown as Record<symbol, number | undefined>;
    state[CONTENT_GENERATION] = (state[CONTENT_GENERATION] ?? 0) + 1;
  }
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      // Outside a Next.js request (scripts, tests) there is no page cache to refresh.
      if (process.env.NEXT_RUNTIME) console.warn(`[cache] could not expire ${tag}:`, error instanceof Error ? error.message : error);
    }
  }
}
