/**
 * The answer while the database cannot be reached: 503 with Retry-After,
 * never cached (a proxy in front must not keep serving it once the database
 * is back), as JSON for API clients or a small Vietnamese page for browsers.
 * No framework code here: the proxy answers with it before any page renders.
 */
import { UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS, unavailablePage } from './unavailable-page.mjs';

const unavailableHeaders = {
  'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
};

/** 503 for a request that needs the database; `body` replaces the JSON answer (e.g. the health check's). */
export function databaseUnavailableResponse(wantsHtml: boolean, body?: unknown): Response {
  if (wantsHtml) {
    return new Response(unavailablePage(), { status: 503, headers: { ...unavailableHeaders, 'Content-Type': 'text/html; charset=utf-8' } });
  }
  return Response.json(body ?? { error: UNAVAILABLE_MESSAGE }, { status: 503, headers: unavailableHeaders });
}

/** Whether a request is a browser's page load (Accept names text/html). */
export function wantsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html');
}
