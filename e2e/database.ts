import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Changes an article's lead in the suite's database behind the site's back: no command runs, so no
 * page is refreshed. What a page shows afterwards tells whether it was served from the page cache
 * (the old lead) or rendered again (the new one).
 */
export async function setLeadBehindTheSite(articleId: number, lead: string): Promise<void> {
  const url = process.env.E2E_DATABASE_URL ?? '';
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('update articles set lead = $1 where id = $2', [lead, articleId]);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(url.replace(/^file:/, ''));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('update articles set lead = ? where id = ?').run(lead, articleId);
  } finally {
    db.close();
  }
}
