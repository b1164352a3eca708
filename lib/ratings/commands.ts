import type { DB } from '../db/client';
import { NotFoundError } from '../http/errors';
import { getRatingSummary, summaryOf, type RatingSummary } from './queries';

export type RateResult = { accepted: boolean; summary: RatingSummary };

/**
 * Records a reader's vote. "One vote per reader per article" is enforced by
 * the database's unique indexes (reader cookie, and hashed IP + user agent),
 * so concurrent requests cannot both count: the loser's insert does nothing.
 */
export async function rateArticle(
  db: DB,
  input: { articleId: number; stars: number; readerId: string; clientHash: string },
  now = new Date().toISOString(),
): Promise<RateResult> {
  const article = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '=', input.articleId)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .executeTakeFirst();
  if (!article) throw new NotFoundError('Không tìm thấy bài viết.');

  // The vote and the article's totals change together, or not at all.
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('ratings')
      .values({
        article_id: input.articleId,
        stars: input.stars,
        reader_id: input.readerId,
        client_hash: input.clientHash,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const accepted = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (!accepted) return { accepted, summary: await getRatingSummary(tx, input.articleId) };
    const totals = await tx
      .insertInto('rating_totals')
      .values({ article_id: input.articleId, votes: 1, stars: input.stars })
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet((eb) => ({
          votes: eb('rating_totals.votes', '+', 1),
          stars: eb('rating_totals.stars', '+', input.stars),
        })),
      )
      .returning(['votes', 'stars'])
      .executeTakeFirstOrThrow();
    return { accepted, summary: summaryOf(Number(totals.votes), Number(totals.stars)) };
  });
}
