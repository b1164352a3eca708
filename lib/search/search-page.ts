import type { DB } from '../db/client';
import { searchArticles, searchQuerySchema, type SearchQuery, type SearchResult } from './queries';

/** A section as the search form offers it. */
export type SearchSection = { id: number; slug: string; name: string };

/** What the search page shows: the query as typed (kept in the form), as understood, and what it found. */
export type SearchPageContent = {
  typed: Record<string, string | undefined>;
  query: SearchQuery;
  problem: string | null;
  sections: SearchSection[];
  result: SearchResult;
};

/** The search page's address for a query and a page of its results. */
export function searchPageHref(query: Pick<SearchQuery, 'q' | 'section' | 'from' | 'to'>, page: number): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.section) params.set('section', query.section);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (page > 1) params.set('page', String(page));
  return `/tim-kiem?${params}`;
}

/**
 * The query as asked, with what is wrong in it set aside: a bad date is reported and left out,
 * and the rest is still searched (a 201-character query is reported and searches nothing).
 */
export function readSearchQuery(typed: Record<string, string | undefined>): { query: SearchQuery; problem: string | null } {
  const parsed = searchQuerySchema.safeParse(typed);
  if (parsed.success) return { query: parsed.data, problem: null };
  const wrong = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const rest = searchQuerySchema.safeParse(Object.fromEntries(Object.entries(typed).filter(([key]) => !wrong.has(key))));
  return { query: rest.success ? rest.data : { q: '', page: 1, section: undefined }, problem: parsed.error.issues[0]?.message ?? 'Yêu cầu tìm kiếm không hợp lệ.' };
}

/** The first value of each parameter, as a form sends it. */
export function typedSearchParams(params: Record<string, string | string[] | undefined> | URLSearchParams): Record<string, string | undefined> {
  if (params instanceof URLSearchParams) {
    const typed: Record<string, string> = {};
    for (const [key, value] of params) typed[key] ??= value;
    return typed;
  }
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/**
 * Everything the search page needs for one request, or where to send the reader instead: past
 * the last page (an old link, a hand-edited address), the last page there is. Used by the page
 * (app/(site)/tim-kiem) and by the search workers of the production server (lib/search/worker.tsx).
 */
export async function loadSearchPage(
  db: DB,
  typed: Record<string, string | undefined>,
  sections: Promise<SearchSection[]>,
): Promise<{ redirectTo: string } | { content: SearchPageContent }> {
  const { query, problem } = readSearchQuery(typed);
  const [sectionList, result] = await Promise.all([sections, searchArticles(db, query)]);
  if (result.pageCount > 0 && query.page > result.pageCount) return { redirectTo: searchPageHref(query, result.pageCount) };
  return { content: { typed, query, problem, sections: sectionList.map(({ id, slug, name }) => ({ id, slug, name })), result } };
}
