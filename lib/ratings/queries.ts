import type { DB } from '../db/client';

export type RatingSummary = { count: number; average: number | null };

export async function getRatingSummary(db: DB, articleId: number): Promise<RatingSummary> {
  const row = await db
    .selectFrom('ratings')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.avg<number | null>('stars').as('average')])
    .where('article_id', '=', articleId)
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  return { count, average: count === 0 || row.average == null ? null : Math.round(Number(row.average) * 10) / 10 };
}

export async function getReaderVote(db: DB, articleId: number, readerId: string): Promise<number | null> {
  const row = await db.selectFrom('ratings').select('stars').where('article_id', '=', articleId).where('reader_id', '=', readerId).executeTakeFirst();
  return row?.stars ?? null;
}
