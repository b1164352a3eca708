import type { DB } from '../db/client';

export type RatingSummary = { count: number; average: number | null };

export async function getRatingSummary(db: DB, articleId: number): Promise<RatingSummary> {
  const row = await db.selectFrom('rating_totals').select(['votes', 'stars']).where('article_id', '=', articleId).executeTakeFirst();
  return summaryOf(Number(row?.votes ?? 0), Number(row?.stars ?? 0));
}

/** Count and average rounded to one decimal, as shown under the article. */
export function summaryOf(votes: number, stars: number): RatingSummary {
  return { count: votes, average: votes === 0 ? null : Math.round((stars / votes) * 10) / 10 };
}

export async function getReaderVote(db: DB, articleId: number, readerId: string): Promise<number | null> {
  const row = await db.selectFrom('ratings').select('stars').where('article_id', '=', articleId).where('reader_id', '=', readerId).executeTakeFirst();
  return row?.stars ?? null;
}
