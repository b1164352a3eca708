import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { getDb, isPostgres } from '@/lib/db/client';
import { databaseAvailability } from '@/lib/db/availability';
import { databaseUnavailableResponse, wantsHtml } from '@/lib/http/unavailable';
import { UNAVAILABLE_MESSAGE } from '@/lib/http/unavailable-page.mjs';
import { clientAddress } from '@/lib/ratings/identity';
import { consume, rateRules, tooManyRequests, type RateRule } from '@/lib/rate-limit/limiter';
import { redirectForFormerSlug } from '@/lib/articles/slug-redirects';

/**
 * 1. Rate limits for pages and next-auth's sign-in, which have no route
 *    handler of ours to put them in (the API's own limits live in its handlers).
 *    They run before next-auth, which would otherwise wave /api/auth through.
 * 2. Signed-out visitors of the dashboard go to the sign-in page. A comfort
 *    only: every page and route handler checks the user again in the database.
 * 3. While the database cannot be reached (lib/db/availability.ts), the routes
 *    that need it on every request (search, dashboard, previews, sign-in,
 *    health) answer 503 with a Vietnamese page at once. Reader pages are not
 *    held up: they are served from the page cache, and the former-slug check
 *    is skipped until the database is back.
 */
function ruleFor(request: NextRequest): RateRule | null {
  const path = request.nextUrl.pathname;
  if (path === '/api/auth/callback/credentials' && request.method === 'POST') return rateRules.signIn();
  if (path === '/tim-kiem') return rateRules.search();
  if (path.startsWith('/xem-truoc/')) return rateRules.preview();
  return null;
}

async function limit(request: NextRequest): Promise<Response | undefined> {
  const rule = ruleFor(request);
  if (!rule) return undefined;
  try {
    const decision = await consume(getDb(), rule, clientAddress(request.headers.get('x-forwarded-for')));
    if (!decision.allowed) return tooManyRequests(decision, (request.headers.get('accept') ?? '').includes('text/html'));
  } catch (error) {
    if (databaseAvailability().reportFailure(error)) return unavailable(request);
    // A limiter that cannot count must not take the site down with it.
    console.warn('[rate-limit] not applied:', error instanceof Error ? error.message : error);
  }
  return undefined;
}

/** Routes that read the database on every request (never served from the page cache). */
function needsDatabase(path: string): boolean {
  return (
    path === '/tim-kiem' ||
    path === '/quan-tri' ||
    path.startsWith('/quan-tri/') ||
    path.startsWith('/xem-truoc/') ||
    path === '/api/auth/callback/credentials' ||
    path === '/api/health'
  );
}

function unavailable(request: NextRequest): Response {
  if (request.nextUrl.pathname === '/api/health') {
    // When the outage began, for whoever is paged: every instance answers with its own view of it.
    const since = databaseAvailability().unavailableSince;
    const database = { dialect: isPostgres(getDb()) ? 'postgres' : 'sqlite', status: 'down', ...(since === null ? {} : { downSince: new Date(since).toISOString() }) };
    return databaseUnavailableResponse(false, { status: 'degraded', database });
  }
  if (request.nextUrl.pathname === '/api/auth/callback/credentials' && !wantsHtml(request)) {
    // next-auth's signIn() reads the error from `url`: the sign-in form then shows the message.
    const url = new URL('/dang-nhap', request.url);
    url.searchParams.set('error', UNAVAILABLE_MESSAGE);
    return databaseUnavailableResponse(false, { error: UNAVAILABLE_MESSAGE, url: url.toString() });
  }
  return databaseUnavailableResponse(wantsHtml(request));
}

const requireSignIn = withAuth({ pages: { signIn: '/dang-nhap' } });

const ARTICLE_PATH = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
/** First segments that belong to the site itself, never to a section. */
const SITE_SEGMENTS = new Set(['api', 'media', 'quan-tri', 'xem-truoc', 'the', 'tac-gia', 'rss', 'sitemap', 'trang-nhat', 'tim-kiem', 'dang-nhap']);

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  const article = ARTICLE_PATH.exec(path);
  if (article && !SITE_SEGMENTS.has(article[1]!) && request.method === 'GET') {
    const availability = databaseAvailability();
    if (!availability.knownUp) {
      // Database down: serve the cached page; let this request start a probe (at most one a second).
      void availability.check();
      return NextResponse.next();
    }
    try {
      const target = await redirectForFormerSlug(getDb(), article[2]!);
      if (target && target !== path) return NextResponse.redirect(new URL(target + request.nextUrl.search, request.url), 301);
    } catch (error) {
      availability.reportFailure(error);
      console.warn('[redirects] not checked:', error instanceof Error ? error.message : error);
    }
    return NextResponse.next();
  }
  if (needsDatabase(path) && !(await databaseAvailability().check())) return unavailable(request);
  const limited = await limit(request);
  if (limited) return limited;
  if (path.startsWith('/quan-tri')) return requireSignIn(request as NextRequestWithAuth, event);
  return NextResponse.next();
}

export const config = {
  matcher: [
    '/quan-tri',
    '/quan-tri/:path*',
    // Not for the search page the production server fetches from itself to put results in
    // (lib/server/search-pages.mjs): it is no reader's search. The server removes the header
    // from every other request.
    { source: '/tim-kiem', missing: [{ type: 'header', key: 'x-search-shell' }] },
    '/xem-truoc/:path*',
    '/api/auth/callback/credentials',
    '/api/health',
    // Two-segment paths that can be articles (not the site's own first segments), for former slugs:
    // behind the production server only those it marked as such, else all (`next dev`; see
    // lib/server/former-slugs.mjs). The same pattern twice: the matcher must be literal.
    {
      source: '/((?!api/|_next/|media/|quan-tri/|xem-truoc/|the/|tac-gia/|rss/|sitemap/|trang-nhat/)[a-z0-9-]+/[a-z0-9-]+)',
      has: [{ type: 'header', key: 'x-former-slug' }],
    },
    {
      source: '/((?!api/|_next/|media/|quan-tri/|xem-truoc/|the/|tac-gia/|rss/|sitemap/|trang-nhat/)[a-z0-9-]+/[a-z0-9-]+)',
      missing: [{ type: 'header', key: 'x-news-server' }],
    },
  ],
};
