import type { DB } from '../db/client';

/** Crawlers, link previewers and monitors do not count as readers. */
const BOT_PATTERN = /bot|crawl|spider|slurp|facebookexternalhit|zalo|lighthouse|pingdom|uptime|curl|wget|python-requests|httpclient|go-http|java\//i;

export function isBot(userAgent: string | null): boolean {
  return !userAgent || BOT_PATTERN.test(userAgent);
}

/** Vietnam's calendar day of a moment, "YYYY-MM-DD". */
export function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** One view of a published article, added to its day's count; an upsert, exact under concurrency. */
export async function recordView(db: DB, articleId: number, now = new Date().toISOString()): Promise<boolean> {
  const article = await db.selectFrom('articles').select('id').where('id', '=', articleId).where('status', '=', 'published').where('published_at', '<=', now).executeTakeFirst();
  if (!article) return false;
  await db
    .insertInto('article_views')
    .values({ article_id: articleId, day: vietnamDay(now), views: 1 })
    .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet((eb) => ({ views: eb('article_views.views', '+', 1) })))
    .execute();
  return true;
}
