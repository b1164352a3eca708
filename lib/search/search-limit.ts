import type { DB } from '../db/client';
import { getDb } from '../db/client';
import { databaseAvailability } from '../db/availability';
import { clientAddress } from '../ratings/identity';
import { consume, rateRules, tooManyRequests } from '../rate-limit/limiter';
import { setShared, shared } from '../server/shared-state.mjs';

/** A refusal as the server sends it: status, headers, body. */
export type SearchRefusal = { status: number; headers: Record<string, string>; body: string };

/**
 * Counts one search against its client's limit, as proxy.ts does for the search pages Next.js
 * renders: null when it may go ahead, else the 429 answer (Vietnamese page or JSON).
 */
export async function countSearchRequest(db: DB, forwardedFor: string, wantsHtml: boolean): Promise<SearchRefusal | null> {
  const decision = await consume(db, rateRules.search(), clientAddress(forwardedFor));
  if (decision.allowed) return null;
  const refusal = tooManyRequests(decision, wantsHtml);
  return { status: refusal.status, headers: Object.fromEntries(refusal.headers), body: await refusal.text() };
}

/**
 * Lends countSearchRequest to the production server (server.mjs, lib/server/search-pages.mjs),
 * which counts searches on the main thread before a search worker answers them: one writer on
 * the SQLite file, as for every other write (the workers only read). The server and Next's
 * bundles share only globalThis. A failure the database monitor recognises as an outage is
 * reported to it, then thrown: the server leaves the request to Next.js, which answers 503.
 */
export function lendSearchCounter(): void {
  setShared(shared.countSearch, async (forwardedFor: string, wantsHtml: boolean) => {
    try {
      return await countSearchRequest(getDb(), forwardedFor, wantsHtml);
    } catch (error) {
      databaseAvailability().reportFailure(error);
      throw error;
    }
  });
}
