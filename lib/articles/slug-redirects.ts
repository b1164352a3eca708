import type { DB } from '../db/client';
import { findPublishedArticleByOldSlug } from './queries';
import { shared } from '../server/shared-state.mjs';

/**
 * Former article slugs answer 301 from the proxy (proxy.ts; a page can only send 307 or 308).
 *
 * Running the proxy is what costs: Next.js's proxy machinery takes about 40 % of an article
 * request served from the page cache (1,130 req/s without it, 700 with it, `npm run bench`'s
 * article on 2 cores). So in production the proxy runs for an article address only when the
 * server (server.mjs, lib/server/former-slugs.mjs) has marked the request as one for a former
 * slug. The server knows them from this set, re-read from the database every few seconds
 * (lib/jobs.ts) and kept on globalThis, which the server and Next's bundles share. Under
 * `next dev`, with no server in front, the proxy runs for every article address and reads the
 * set too. A hint, never the truth: the database confirms every redirect.
 */
export const FORMER_SLUGS_REFRESH_MS = 5_000;
const FORMER_SLUGS = shared.formerSlugs;
const state = globalThis as unknown as Record<symbol, Set<string> | undefined>;

/** Reads every former slug into the set; returns how many there are. */
export async function refreshFormerSlugs(db: DB): Promise<number> {
  const rows = await db.selectFrom('article_slug_history').select('slug').execute();
  state[FORMER_SLUGS] = new Set(rows.map((row) => row.slug));
  return rows.length;
}

/** The current path of an article reached by a former slug, or null. */
export async function redirectForFormerSlug(db: DB, slug: string): Promise<string | null> {
  // Not read yet (the first moments after start): the database answers.
  const known = state[FORMER_SLUGS];
  if (known && !known.has(slug)) return null;
  const target = await findPublishedArticleByOldSlug(db, slug);
  return target ? `/${target.sectionSlug}/${target.slug}` : null;
}
