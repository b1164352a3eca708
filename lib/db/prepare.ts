import { getDb } from './client';
import { migrateToLatest } from './migrations';
import { seedDemoContent } from '../demo/seed';

/** Whether an empty database gets the demo newsroom (default yes; SEED_DEMO=false on a real install). */
export function demoContentEnabled(): boolean {
  return !['0', 'false', 'no', 'off'].includes((process.env.SEED_DEMO ?? 'true').toLowerCase());
}

/** Run once when the server starts: schema up to date, demo content on an empty database. */
export async function prepareDatabase(): Promise<void> {
  const db = getDb();
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`[db] migrations applied: ${applied.join(', ')}`);
  if (demoContentEnabled()) {
    const result = await seedDemoContent(db);
    if (result.seeded) console.log(`[db] demo content loaded: ${result.articles} articles`);
  }
}
