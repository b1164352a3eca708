import { getDb, refreshPlannerStatistics } from './db/client';
import { readDatabaseConfig } from './db/config';
import { databaseAvailability } from './db/availability';
import { publishDueArticles } from './articles/commands';
import { FORMER_SLUGS_REFRESH_MS, refreshFormerSlugs } from './articles/slug-redirects';
import { expireTagsThroughServer, pruneInvalidations, startInvalidationPoller } from './cache/invalidation-poller';
import { pruneRateLimits } from './rate-limit/limiter';

const SCHEDULER_INTERVAL_MS = Number(process.env.SCHEDULER_INTERVAL_MS ?? 15_000);

/**
 * Work that happens with nobody acting, started once per server instance:
 * scheduled articles go live (at most one interval late, also after a
 * restart, since the schedule lives in the database), and the page cache
 * follows writes made by other instances. While the database cannot be
 * reached the jobs skip their turn (lib/db/availability.ts logs the outage
 * once, and its end); a failure is logged, never thrown: nothing here may end
 * the process. The set of former article slugs, by which the server sends
 * only their requests through the proxy (lib/articles/slug-redirects.ts), is
 * re-read every few seconds.
 */
export function startBackgroundJobs(): void {
  const db = getDb();
  const config = readDatabaseConfig();
  startInvalidationPoller(db, {
    intervalMs: Number(process.env.CACHE_POLL_INTERVAL_MS ?? 2000),
    listenTo: config.dialect === 'postgres' ? config.connectionString : undefined,
  });
  let publishing = false;
  const publishDue = async () => {
    if (publishing) return;
    publishing = true;
    try {
      if (!(await databaseAvailability().check())) return;
      const published = await publishDueArticles(db, undefined, expireTagsThroughServer);
      if (published.length) console.log(`[scheduler] published ${published.length} scheduled article(s): ${published.join(', ')}`);
    } catch (error) {
      if (!databaseAvailability().reportFailure(error)) console.warn('[scheduler] failed:', error instanceof Error ? error.message : error);
    } finally {
      publishing = false;
    }
  };
  setInterval(publishDue, SCHEDULER_INTERVAL_MS).unref();
  const readFormerSlugs = async () => {
    try {
      if (await databaseAvailability().check()) await refreshFormerSlugs(db);
    } catch (error) {
      if (!databaseAvailability().reportFailure(error)) console.warn('[redirects] former slugs not read:', error instanceof Error ? error.message : error);
    }
  };
  setInterval(readFormerSlugs, FORMER_SLUGS_REFRESH_MS).unref();
  void readFormerSlugs();
  setInterval(() => {
    void pruneInvalidations(db).catch((error) => databaseAvailability().reportFailure(error));
    void pruneRateLimits(db).catch((error) => databaseAvailability().reportFailure(error));
    void refreshPlannerStatistics(db).catch((error) => databaseAvailability().reportFailure(error));
  }, 3_600_000).unref();
  void publishDue();
}
