import { renderToString } from 'react-dom/server';
import type { DatabaseAvailability } from '../db/availability';
import type { DB } from '../db/client';
import { listSections } from '../sections/queries';
import { SearchPageBody } from '@/components/site/search-page-body';
import { loadSearchPage, typedSearchParams } from './search-page';

/** A search page request as the production server hands it to a search worker (already counted against the rate limit). */
export type SearchWorkerRequest = {
  /** The query string, with its "?". */
  search: string;
};

/**
 * What a search worker answers: the page's body (`data-search-body`, HTML), a redirect, or
 * "declined": the server then has Next.js render the page,
 * which answers whatever went wrong the way every page does (the 503 page while the database is down).
 */
export type SearchWorkerAnswer =
  | { kind: 'body'; html: string; /** How long searching and rendering took. */ ms: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'declined'; reason: string; databaseDown?: boolean };

/**
 * One search page request, done as the page does it (app/(site)/tim-kiem): declined at once while
 * the database is unreachable (the proxy answers those), else searched and rendered. It only
 * reads: the server has counted it against the client's search limit (lib/search/search-limit.ts).
 */
export async function answerSearchRequest(db: DB, availability: DatabaseAvailability, request: SearchWorkerRequest): Promise<SearchWorkerAnswer> {
  const started = performance.now();
  if (!(await availability.check())) return { kind: 'declined', reason: 'the database is unreachable', databaseDown: true };
  try {
    const loaded = await loadSearchPage(db, typedSearchParams(new URLSearchParams(request.search)), listSections(db));
    if ('redirectTo' in loaded) return { kind: 'redirect', location: loaded.redirectTo };
    const html = renderToString(<SearchPageBody {...loaded.content} />);
    return { kind: 'body', html, ms: performance.now() - started };
  } catch (error) {
    const databaseDown = availability.reportFailure(error);
    return { kind: 'declined', reason: error instanceof Error ? error.message : String(error), databaseDown };
  }
}
