import type { DB } from '../db/client';
import { findPublishedArticleByOldSlug } from './queries';

/**
 * Former article slugs answer 301 from the proxy (a page can only send 307 or
 * 308). To keep the proxy free for the other 99.9 % of article requests, it
 * asks the database only for slugs in this set of former slugs, which is
 * re-read every few seconds: a hint, never the truth, since the database
 * confirms every redirect.
 */
const REFRESH_MS = 5_000;
const state = globalThis as unknown as { __formerSlugs?: { slugs: Set<string>; readAt: number; loading?: Promise<void> } };

async function formerSlugs(db: DB): Promise<Set<string>> {
  const now = Date.now();
  const current = state.__formerSlugs;
  if (current && now - current.readAt < REFRESH_MS) return current.slugs;
  if (current?.loading) {
    await current.loading;
    return state.__formerSlugs!.slugs;
  }
  const entry = current ?? { slugs: new Set<string>(), readAt: 0 };
  entry.loading = db
    .selectFrom('article_slug_history')
    .select('slug')
    .execute()
    .then(
      (rows) => {
        entry.slugs = new Set(rows.map((r) => r.slug));
        entry.readAt = Date.now();
      },
      (error: unknown) => {
        // Keep the last set and wait a full period before asking again, so a database
        // outage costs article requests one failed query per period, not one each.
        entry.readAt = Date.now();
        throw error;
      },
    )
    .finally(() => {
      entry.loading = undefined;
    });
  state.__formerSlugs = entry;
  await entry.loading;
  return entry.slugs;
}

/** The current path of an article reached by a former slug, or null. */
export async function redirectForFormerSlug(db: DB, slug: string): Promise<string | null> {
  if (!(await formerSlugs(db)).has(slug)) return null;
  const target = await findPublishedArticleByOldSlug(db, slug);
  return target ? `/${target.sectionSlug}/${target.slug}` : null;
}
