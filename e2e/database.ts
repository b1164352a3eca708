import { createDatabase } from '../lib/db/client';
import { readDatabaseConfig } from '../lib/db/config';

/**
 * Changes an article's lead in the suite's database behind the site's back: no command runs, so no
 * page is refreshed. What a page shows afterwards tells whether it was served from the page cache
 * (the old lead) or rendered again (the new one).
 */
export async function setLeadBehindTheSite(articleId: number, lead: string): Promise<void> {
  const db = createDatabase(readDatabaseConfig(process.env.E2E_DATABASE_URL), { poolSize: 1 });
  try {
    await db.updateTable('articles').set({ lead }).where('id', '=', articleId).execute();
  } finally {
    await db.destroy();
  }
}
