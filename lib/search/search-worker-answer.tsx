import { renderToString } from 'react-dom/server';
import type { DatabaseAvailability } from '../db/availability';
import type { DB } from '../db/client';
import { clientAddress } from '../ratings/identity';
import { consume, rateRules, tooManyRequests } from '../rate-limit/limiter';
import { listSections } from '../sections/queries';
import { SearchPageBody } from '@/components/site/search-page-body';
import { loadSearchPage, typedSearchParams } from './search-page';

/** A search page request as the production server hands it to a search worker. */
export type SearchWorkerRequest = {
  /** The query string, with its "?". */
  search: string;
  /** X-Forwarded-For as the server completed it (the client's address is found in it as for any request). */
  forwardedFor: string;
  /** Whether the client asked for HTML (Accept), for the form of a "too many requests" answer. */
  wantsHtml: boolean;
};

/**
 * What a search worker answers: the page's body (`data-search-body`, HTML), a redirect, a refusal
 * (rate limit) as complete response, or "declined": the server then has Next.js render the page,
 * which answers whatever went wrong the way every page does (the 503 page while the database is down).
 */
export type SearchWorkerAnswer =
  | { kind: 'body'; html: string; /** How long searching and rendering took. */ ms: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'declined'; reason: string; databaseDown?: boolean };

/**
 * One search page request, done as the page and the proxy do it (proxy.ts, app/(site)/tim-kiem):
 * declined at once while the database is unreachable (the proxy answers those), counted against
 * the client's search limit, then searched and rendered.
 */
export async function answerSearchRequest(db: DB, availability: DatabaseAvailability, request: SearchWorkerRequest): Promise<SearchWorkerAnswer> {
  const started = performance.now();
  if (!(await availability.check())) return { kind: 'declined', reason: 'the database is unreachable', databaseDown: true };
  try {
    const decision = await consume(db, rateRules.search(), clientAddress(request.forwardedFor));
    if (!decision.allowed) {
      const refusal = tooManyRequests(decision, request.wantsHtml);
      return { kind: 'response', status: refusal.status, headers: Object.fromEntries(refusal.headers), body: await refusal.text() };
    }
    const loaded = await loadSearchPage(db, typedSearchParams(new URLSearchParams(request.search)), listSections(db));
    if ('redirectTo' in loaded) return { kind: 'redirect', location: loaded.redirectTo };
    const html = renderToString(<SearchPageBody {...loaded.content} />);
    return { kind: 'body', html, ms: performance.now() - started };
  } catch (error) {
    const databaseDown = availability.reportFailure(error);
    return { kind: 'declined', reason: error instanceof Error ? error.message : String(error), databaseDown };
  }
}
