/**
 * Runs once when a server instance starts, before it answers requests:
 * migrations, demo content on an empty database, then the background jobs
 * (scheduled publishing, cache invalidation from other instances). Skipped during
 * `next build`, which must never touch (or bake in) a database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Any validation message a schema does not spell out itself comes in Vietnamese, not English
  // (zod keeps this setting on globalThis, so it holds for every route of this process).
  const { z } = await import('zod');
  z.config(z.locales.vi());
  const { prepareDatabase } = await import('./lib/db/prepare');
  await prepareDatabase();
  // The production server counts searches with the same limiter (lib/search/search-limit.ts).
  const { lendSearchCounter } = await import('./lib/search/search-limit');
  lendSearchCounter();
  // And answers votes itself with the route handler's code (lib/ratings/vote-request.ts).
  const { lendVotes } = await import('./lib/ratings/lend-votes');
  lendVotes();
  const { startBackgroundJobs } = await import('./lib/jobs');
  startBackgroundJobs();
}
