import { getDb } from './client';
import { migrateToLatest } from './migrations';
import { seedDemoContent } from '../demo/seed';
import { DEMO_PASSWORD, demoAccounts } from '../demo/seed-article';

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
    console.log(
      `[demo] demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => `${a.email} (${a.role})`).join(', ')}. Set SEED_DEMO=false on a real install.`,
    );
  }
}
