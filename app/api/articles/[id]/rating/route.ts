import { cookies } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/respond';
import { ValidationError } from '@/lib/http/errors';
import { rateArticle } from '@/lib/ratings/commands';
import { getReaderVote, getRatingSummary } from '@/lib/ratings/queries';
import { clientAddress, clientHash, READER_COOKIE, readerIdFrom } from '@/lib/ratings/identity';
import { articleIdSchema, ratingInputSchema } from '@/lib/ratings/schemas';
import { consume, rateRules, tooManyRequests } from '@/lib/rate-limit/limiter';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const noStore = { 'Cache-Control': 'private, no-store' };
const readerCookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: 60 * 60 * 24 * 365 * 2, secure: process.env.NODE_ENV === 'production' && (process.env.SITE_URL ?? '').startsWith('https://') };

function parseId(raw: string): number {
  const parsed = articleIdSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ id: ['Mã bài viết không hợp lệ.'] });
  return parsed.data;
}

/** Live count and average, and the stars this reader gave, if any. */
export async function GET(_request: Request, { params }: Context) {
  try {
    const articleId = parseId((await params).id);
    const readerId = (await cookies()).get(READER_COOKIE)?.value;
    const db = getDb();
    const [summary, myStars] = await Promise.all([getRatingSummary(db, articleId), readerId ? getReaderVote(db, articleId, readerId) : null]);
    return Response.json({ ...summary, myStars }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A vote: JSON from the widget, or a plain form post when JavaScript is off. */
export async function POST(request: Request, { params }: Context) {
  const isForm = (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
  try {
    const address = clientAddress(request.headers.get('x-forwarded-for'));
    const decision = await consume(getDb(), rateRules.rating(), address);
    if (!decision.allowed) return tooManyRequests(decision, isForm);
    const articleId = parseId((await params).id);
    let raw: unknown;
    if (isForm) raw = Object.fromEntries((await request.formData()).entries());
    else raw = await request.json().catch(() => {
      throw new ValidationError({ _: ['Nội dung gửi lên không phải JSON hợp lệ.'] });
    });
    const input = ratingInputSchema.safeParse(raw);
    if (!input.success) throw ValidationError.fromZod(input.error);

    const jar = await cookies();
    const reader = readerIdFrom(jar.get(READER_COOKIE)?.value);
    if (reader.isNew) jar.set(READER_COOKIE, reader.id, readerCookieOptions);
    const hash = clientHash(address, request.headers.get('user-agent'));

    const result = await rateArticle(getDb(), { articleId, stars: input.data.stars, readerId: reader.id, clientHash: hash });
    const message = result.accepted ? 'Cảm ơn bạn đã đánh giá bài viết.' : 'Bạn đã đánh giá bài viết này rồi. Mỗi bạn đọc chỉ đánh giá một lần.';
    if (isForm) return formAnswer(message, result.accepted ? 200 : 409, request);
    return Response.json(
      result.accepted ? { ok: true, summary: result.summary } : { error: message, summary: result.summary },
      { status: result.accepted ? 201 : 409, headers: noStore },
    );
  } catch (error) {
    if (isForm && error instanceof ValidationError) return formAnswer('Hãy chọn số sao từ 1 đến 5.', 422, request);
    return errorResponse(error);
  }
}

/** A small page for readers without JavaScript; "back" returns them to the article. */
function formAnswer(message: string, status: number, request: Request) {
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
