import { sql } from 'kysely';
import type { DB } from '../db/client';

export type RateRule = { name: string; limit: number; windowSeconds: number };

/**
 * Limits, per client address unless said otherwise. Each can be changed with
 * RATE_LIMIT_<NAME> (requests per window), e.g. RATE_LIMIT_SEARCH=300.
 */
function rule(name: string, limit: number, windowSeconds: number): RateRule {
  const override = Number(process.env[`RATE_LIMIT_${name.toUpperCase().replace(/-/g, '_')}`]);
  return { name, limit: Number.isFinite(override) && override > 0 ? override : limit, windowSeconds };
}

export const rateRules = {
  signIn: () => rule('sign-in', 20, 60),
  search: () => rule('search', 120, 60),
  preview: () => rule('preview', 60, 60),
  rating: () => rule('rating', 30, 60),
  upload: () => rule('upload', 60, 600),
};

export type RateDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in one upsert, so concurrent requests on any instance
 * are counted exactly: a new window starts at 1, otherwise the count grows.
 */
export async function consume(db: DB, rule: RateRule, subject: string, nowMs = Date.now()): Promise<RateDecision> {
  const now = Math.floor(nowMs / 1000);
  const windowStart = now - (now % rule.windowSeconds);
  const key = `${rule.name}:${subject}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start = ${windowStart} then rate_limits.count + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  const allowed = row.count <= rule.limit;
  return { allowed, remaining: Math.max(0, rule.limit - row.count), retryAfterSeconds: allowed ? 0 : windowStart + rule.windowSeconds - now };
}

/** 429 with Retry-After, in Vietnamese, as JSON for API clients or a small page for browsers. */
export function tooManyRequests(decision: RateDecision, wantsHtml: boolean): Response {
  const message = `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${decision.retryAfterSeconds} giây.`;
  const headers = { 'Retry-After': String(Math.max(1, decision.retryAfterSeconds)), 'Cache-Control': 'private, no-store' };
  if (!wantsHtml) return Response.json({ error: message }, { status: 429, headers });
  return new Response(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Quá nhiều yêu cầu</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>Quá nhiều yêu cầu</h1><p>${message}</p><p><a href="/">Về trang chủ</a></p></body></html>`,
    { status: 429, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } },
  );
}

/** Old windows are of no use; called now and then. */
export async function pruneRateLimits(db: DB, nowMs = Date.now()): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', Math.floor(nowMs / 1000) - 3600).execute();
}
