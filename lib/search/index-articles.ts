import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isPostgres } from '../db/client';
import { parseBody } from '../articles/body';
import { bodyPlainText } from '../articles/body-text';
import { slugify } from '../text/slug';
import { foldForSearch } from './text';

/**
 * Keeps the search index and the byline slug of an article in step with it.
 * Called inside the write's transaction by every command that changes an
 * article or its status, so a search never finds text that is not (or no
 * longer) public.
 */
export async function indexArticle(db: Kysely<Database>, articleId: number): Promise<void> {
  const article = await db.selectFrom('articles').select(['title', 'lead', 'body', 'byline', 'status']).where('id', '=', articleId).executeTakeFirst();
  if (article) await db.updateTable('articles').set({ byline_slug: slugify(article.byline) }).where('id', '=', articleId).execute();
  // Only published articles are searchable: the index never holds a draft, so
  // its own match count is the number readers can find.
  if (!article || article.status !== 'published') return removeFromIndex(db, articleId);
  const doc = {
    title: foldForSearch(article.title),
    lead: foldForSearch(article.lead),
    body: foldForSearch(bodyPlainText(parseBody(article.body))),
  };
  if (isPostgres(db)) {
    await db
      .insertInto('article_search')
      .values({ article_id: articleId, ...doc })
      .onConflict((oc) => oc.column('article_id').doUpdateSet(doc))
      .execute();
  } else {
    await db.deleteFrom('article_search').where('rowid', '=', articleId).execute();
    await db.insertInto('article_search').values({ rowid: articleId, ...doc }).execute();
  }
}

export async function removeFromIndex(db: Kysely<Database>, articleId: number): Promise<void> {
  if (isPostgres(db)) await db.deleteFrom('article_search').where('article_id', '=', articleId).execute();
  else await db.deleteFrom('article_search').where('rowid', '=', articleId).execute();
}

export async function rebuildSearchIndex(db: Kysely<any>): Promise<number> {
  const ids = await (db as Kysely<Database>).selectFrom('articles').select('id').execute();
  for (const { id } of ids) await indexArticle(db as Kysely<Database>, id);
  return ids.length;
}
