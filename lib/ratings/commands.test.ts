import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { insertArticle, insertSection } from '../articles/test-fixtures';
import { NotFoundError } from '../http/errors';
import { rateArticle } from './commands';
import { getRatingSummary } from './queries';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe('article ratings', () => {
  it('counts one vote per reader and refuses the second', async () => {
    const section = await insertSection(t.db);
    const article = await insertArticle(t.db, section.id);
    const first = await rateArticle(t.db, { articleId: article.id, stars: 4, readerId: 'r1', clientHash: 'h1' });
    const again = await rateArticle(t.db, { articleId: article.id, stars: 1, readerId: 'r1', clientHash: 'h1' });
    expect(first.accepted).toBe(true);
    expect(again.accepted).toBe(false);
    expect(again.summary).toEqual({ count: 1, average: 4 });
  });

  it('recognises a reader who cleared the cookie by the hashed address', async () => {
    const section = await insertSection(t.db);
    const article = await insertArticle(t.db, section.id);
    await rateArticle(t.db, { articleId: article.id, stars: 5, readerId: 'cookie-a', clientHash: 'same-client' });
    const second = await rateArticle(t.db, { articleId: article.id, stars: 5, readerId: 'cookie-b', clientHash: 'same-client' });
    expect(second.accepted).toBe(false);
  });

  it('keeps exact counts under concurrent votes', async () => {
    const section = await insertSection(t.db);
    const article = await insertArticle(t.db, section.id);
    const readers = Array.from({ length: 60 }, (_, i) => i);
    // 60 distinct readers, each sending the same vote three times at once.
    await Promise.all(
      readers.flatMap((i) =>
        [0, 1, 2].map(() => rateArticle(t.db, { articleId: article.id, stars: (i % 5) + 1, readerId: `reader-${i}`, clientHash: `client-${i}` })),
      ),
    );
    const summary = await getRatingSummary(t.db, article.id);
    expect(summary.count).toBe(60);
    expect(summary.average).toBe(3);
    // The running totals agree with the votes themselves.
    const stored = await t.db.selectFrom('ratings').select((eb) => [eb.fn.countAll<number>().as('votes'), eb.fn.sum<number>('stars').as('stars')]).where('article_id', '=', article.id).executeTakeFirstOrThrow();
    expect({ votes: Number(stored.votes), stars: Number(stored.stars) }).toEqual({ votes: 60, stars: 180 });
  });

  it('refuses votes on unpublished or missing articles', async () => {
    const section = await insertSection(t.db);
    const draft = await insertArticle(t.db, section.id, { status: 'draft', publishedAt: null });
    await expect(rateArticle(t.db, { articleId: draft.id, stars: 3, readerId: 'x', clientHash: 'y' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rateArticle(t.db, { articleId: 999999, stars: 3, readerId: 'x', clientHash: 'y' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
