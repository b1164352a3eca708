import { NextRequest } from 'next/server';
import type { DB } from '../db/client';
import { errorResponse } from '../http/respond';
import { ValidationError } from '../http/errors';
import { consume, rateRules, tooManyRequests } from '../rate-limit/limiter';
import { rateArticle } from './commands';
import { clientAddress, clientHash, READER_COOKIE, readerIdFrom } from './identity';
import { articleIdSchema, ratingInputSchema } from './schemas';

const noStore = { 'Cache-Control': 'private, no-store' };

/**
 * The reader cookie as Set-Cookie sends it: two years, script cannot read it, Secure on HTTPS
 * sites. (NextResponse's cookies would add Next's internal x-middleware-set-cookie header, which
 * the server would pass on.)
 */
function readerCookie(id: string): string {
  const secure = process.env.NODE_ENV === 'production' && (process.env.SITE_URL ?? '').startsWith('https://');
  return `${READER_COOKIE}=${id}; Path=/; Max-Age=${60 * 60 * 24 * 365 * 2}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The article id of a rating address, or a 422. */
export function parseArticleId(raw: string): number {
  const parsed = articleIdSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ id: ['Mã bài viết không hợp lệ.'] });
  return parsed.data;
}

/**
 * A vote (POST /api/articles/{id}/rating): JSON from the widget, or a plain form post when
 * JavaScript is off. Plain web Request and Response, nothing of Next.js: the route handler
 * answers with it, and so does the production server on its own, without Next.js's
 * route-handler pipeline (85 % of a vote's time there; lib/ratings/lend-votes.ts).
 */
export async function answerVote(db: DB, request: Request, rawArticleId: string): Promise<Response> {
  const isForm = (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
  try {
    const address = clientAddress(request.headers.get('x-forwarded-for'));
    const decision = await consume(db, rateRules.rating(), address);
    if (!decision.allowed) return tooManyRequests(decision, isForm);
    const articleId = parseArticleId(rawArticleId);
    let raw: unknown;
    if (isForm) raw = Object.fromEntries((await request.formData()).entries());
    else
      raw = await request.json().catch(() => {
        throw new ValidationError({ _: ['Nội dung gửi lên không phải JSON hợp lệ.'] });
      });
    const input = ratingInputSchema.safeParse(raw);
    if (!input.success) throw ValidationError.fromZod(input.error);

    // Headers only: the body is read already.
    const reader = readerIdFrom(new NextRequest(request.url, { headers: request.headers }).cookies.get(READER_COOKIE)?.value);
    /** Gives a new reader their cookie with the answer. */
    const withCookie = (response: Response) => {
      if (reader.isNew) response.headers.set('Set-Cookie', readerCookie(reader.id));
      return response;
    };
    const hash = clientHash(address, request.headers.get('user-agent'));

    const result = await rateArticle(db, { articleId, stars: input.data.stars, readerId: reader.id, clientHash: hash });
    const message = result.accepted ? 'Cảm ơn bạn đã đánh giá bài viết.' : 'Bạn đã đánh giá bài viết này rồi. Mỗi bạn đọc chỉ đánh giá một lần.';
    if (isForm) return withCookie(formAnswer(message, result.accepted ? 200 : 409, request));
    return withCookie(
      Response.json(result.accepted ? { ok: true, summary: result.summary } : { error: message, summary: result.summary }, {
        status: result.accepted ? 201 : 409,
        headers: noStore,
      }),
    );
  } catch (error) {
    if (isForm && error instanceof ValidationError) return formAnswer('Hãy chọn số sao từ 1 đến 5.', 422, request);
    return errorResponse(error);
  }
}

/** A small page for readers without JavaScript; "back" returns them to the article. */
function formAnswer(message: string, status: number, request: Request): Response {
  const backHref = sameOriginPath(request.headers.get('referer'), request.headers.get('host'));
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Đánh giá bài viết</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>Đánh giá bài viết</h1><p>${message}</p><p><a href="${backHref}">Quay lại bài viết</a> · <a href="/">Trang chủ</a></p></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...noStore } });
}

/** The referring page's path when it is on this site, else the home page: never an outside address. */
function sameOriginPath(referer: string | null, host: string | null): string {
  if (!referer || !host) return '/';
  try {
    const from = new URL(referer);
    if (from.host !== host) return '/';
    return encodeURI(decodeURI(from.pathname)).replace(/"/g, '%22');
  } catch {
    return '/';
  }
}
