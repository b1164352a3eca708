import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { getDb } from '@/lib/db/client';
import { clientAddress } from '@/lib/ratings/identity';
import { consume, rateRules, tooManyRequests, type RateRule } from '@/lib/rate-limit/limiter';
import { redirectForFormerSlug } from '@/lib/articles/slug-redirects';

/**
 * 1. Rate limits for pages and next-auth's sign-in, which have no route
 *    handler of ours to put them in (the API's own limits live in its handlers).
 *    They run before next-auth, which would otherwise wave /api/auth through.
 * 2. Signed-out visitors of the dashboard go to the sign-in page. A comfort
 *    only: every page and route handler checks the user again in the database.
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
    // A limiter that cannot count must not take the site down with it.
    console.warn('[rate-limit] not applied:', error instanceof Error ? error.message : error);
  }
  return undefined;
}

const requireSignIn = withAuth({ pages: { signIn: '/dang-nhap' } });

const ARTICLE_PATH = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
/** First segments that belong to the site itself, never to a section. */
const SITE_SEGMENTS = new Set(['api', 'media', 'quan-tri', 'xem-truoc', 'the', 'tac-gia', 'rss', 'sitemap', 'trang-nhat', 'tim-kiem', 'dang-nhap']);

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  const article = ARTICLE_PATH.exec(path);
  if (article && !SITE_SEGMENTS.has(article[1]!) && request.method === 'GET') {
    try {
      const target = await redirectForFormerSlug(getDb(), article[2]!);
      if (target && target !== path) return NextResponse.redirect(new URL(target + request.nextUrl.search, request.url), 301);
    } catch (error) {
      console.warn('[redirects] not checked:', error instanceof Error ? error.message : error);
    }
    return NextResponse.next();
  }
  const limited = await limit(request);
  if (limited) return limited;
  if (path.startsWith('/quan-tri')) return requireSignIn(request as NextRequestWithAuth, event);
  return NextResponse.next();
}

export const config = {
  matcher: [
    '/quan-tri',
    '/quan-tri/:path*',
    '/tim-kiem',
    '/xem-truoc/:path*',
    '/api/auth/callback/credentials',
    // Two-segment paths that can be articles (not the site's own first segments).
    '/((?!api/|_next/|media/|quan-tri/|xem-truoc/|the/|tac-gia/|rss/|sitemap/|trang-nhat/)[a-z0-9-]+/[a-z0-9-]+)',
  ],
};
