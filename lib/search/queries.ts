import { sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/client';
import { isPostgres } from '../db/client';
import { vietnamLocalToUtcIso } from '../time/format';
import { searchTerms } from './text';

export const searchQuerySchema = z.object({
  q: z.string().trim().max(200, 'Từ khóa tìm kiếm tối đa 200 ký tự.').default(''),
  section: z.string().trim().max(80).optional().transform((v) => v || undefined),
  // A real calendar day ("2026-02-30" is not), as a date picker sends it.
  from: z.iso.date('Ngày không hợp lệ.').optional().or(z.literal('').transform(() => undefined)),
  to: z.iso.date('Ngày không hợp lệ.').optional().or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export type SearchHit = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  /** Folded plain text of the body, for the snippet; the original wording is the lead when it matches. */
  sectionName: string;
  sectionSlug: string;
  publishedAt: string;
  byline: string;
};

export type SearchResult = { hits: SearchHit[]; total: number; page: number; pageSize: number; pageCount: number; terms: string[] };

/**
 * One search for both databases: every query word must match the start of a
 * word in title, lead or body, without regard to diacritics; results are
 * ranked by relevance (title above lead above body), then by recency. Only
 * published articles are searched.
 */
export async function searchArticles(db: DB, query: SearchQuery & { pageSize?: number }, now = new Date().toISOString()): Promise<SearchResult> {
  const terms = searchTerms(query.q);
  const pageSize = query.pageSize ?? 10;
  const empty = { hits: [], total: 0, page: query.page, pageSize, pageCount: 0, terms };
  if (terms.length === 0) return empty;

  const pg = isPostgres(db);
  const matchExpression = pg ? terms.map((t) => `${t}:*`).join(' & ') : terms.map((t) => `"${t}"*`).join(' AND ');

  // Fast path (SQLite, no filter): the index holds only published articles, so it alone
  // ranks and counts; articles are then read for just one page of ids. The synchronous
  // SQLite driver blocks the event loop, so every millisecond here counts under load.
  if (!pg && !query.section && !query.from && !query.to) {
    const [ids, count] = await Promise.all([
      db
        .selectFrom('article_search')
        .select(sql<number>`rowid`.as('id'))
        .where(sql<boolean>`article_search match ${matchExpression}`)
        .where(sql<boolean>`rank match 'bm25(10.0, 4.0, 1.0)'`)
        .orderBy(sql`rank`)
        .orderBy(sql`rowid`, 'desc')
        .limit(pageSize)
        .offset((query.page - 1) * pageSize)
        .execute(),
      db.selectFrom('article_search').select((eb) => eb.fn.countAll<number>().as('n')).where(sql<boolean>`article_search match ${matchExpression}`).executeTakeFirstOrThrow(),
    ]);
    const order = ids.map((r) => Number(r.id));
    const rows = order.length
      ? await db
          .selectFrom('articles')
          .innerJoin('sections', 'sections.id', 'articles.section_id')
          .select(['articles.id', 'articles.title', 'articles.slug', 'articles.lead', 'articles.byline', 'articles.published_at', 'sections.name as section_name', 'sections.slug as section_slug'])
          .where('articles.id', 'in', order)
          .where('articles.status', '=', 'published')
          .where('articles.published_at', '<=', now)
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const total = Number(count.n);
    return {
      hits: order.flatMap((id) => {
        const r = byId.get(id);
        return r ? [{ id: r.id, title: r.title, slug: r.slug, lead: r.lead, byline: r.byline, publishedAt: r.published_at ?? '', sectionName: r.section_name, sectionSlug: r.section_slug }] : [];
      }),
      total,
      page: query.page,
      pageSize,
      pageCount: Math.ceil(total / pageSize),
      terms,
    };
  }

  // The text index is asked once, in a materialised CTE, then joined to articles: joined
  // directly, the planner may ask it again for every article row (seconds on 10,000 articles).
  const hits = pg
    ? db
        .selectFrom('article_search')
        .select(['article_search.article_id as id', sql<number>`ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', document, to_tsquery('simple', ${matchExpression}))`.as('relevance')])
        .where(sql<boolean>`document @@ to_tsquery('simple', ${matchExpression})`)
    : db
        .selectFrom('article_search')
        .select([sql<number>`rowid`.as('id'), sql<number>`-bm25(article_search, 10.0, 4.0, 1.0)`.as('relevance')])
        .where(sql<boolean>`article_search match ${matchExpression}`);

  let matched = db
    .with((cte) => cte('hits').materialized(), () => hits)
    .selectFrom('hits')
    .innerJoin('articles', 'articles.id', 'hits.id')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now);
  if (query.section) matched = matched.where('sections.slug', '=', query.section);
  // Dates are Vietnamese calendar days.
  if (query.from) matched = matched.where('articles.published_at', '>=', vietnamLocalToUtcIso(`${query.from} 00:00`));
  if (query.to) matched = matched.where('articles.published_at', '<', new Date(Date.parse(vietnamLocalToUtcIso(`${query.to} 00:00`)) + 86_400_000).toISOString());
  const relevance = sql<number>`hits.relevance`;

  const [rows, count] = await Promise.all([
    matched
      .select([
        'articles.id',
        'articles.title',
        'articles.slug',
        'articles.lead',
        'articles.byline',
        'articles.published_at',
        'sections.name as section_name',
        'sections.slug as section_slug',
        relevance.as('relevance'),
      ])
      .orderBy('relevance', 'desc')
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(pageSize)
      .offset((query.page - 1) * pageSize)
      .execute(),
    matched.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    hits: rows.map((r) => ({
      id: r.id,
      title: r.title,
      slug: r.slug,
      lead: r.lead,
      byline: r.byline,
      publishedAt: r.published_at ?? '',
      sectionName: r.section_name,
      sectionSlug: r.section_slug,
    })),
    total,
    page: query.page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    terms,
  };
}
