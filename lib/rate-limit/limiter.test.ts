import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { consume, tooManyRequests } from './limiter';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe('rate limits', () => {
  const rule = { name: 'test', limit: 5, windowSeconds: 60 };

  it('allows the limit, refuses the rest with the time to wait, and opens the next window', async () => {
    const at = Date.parse('2026-11-26T04:00:10Z');
    const decisions = [];
    for (let i = 0; i < 7; i++) decisions.push(await consume(t.db, rule, '203.0.113.1', at));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions[6]!.retryAfterSeconds).toBe(50);
    expect((await consume(t.db, rule, '203.0.113.2', at)).allowed).toBe(true);
    expect((await consume(t.db, rule, '203.0.113.1', at + 60_000)).allowed).toBe(true);
  });

  it('counts exactly under concurrent requests', async () => {
    const at = Date.parse('2026-11-26T05:00:00Z');
    const decisions = await Promise.all(Array.from({ length: 40 }, () => consume(t.db, { ...rule, limit: 25 }, 'burst', at)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
  });

  it('answers 429 with Retry-After, in Vietnamese', async () => {
    const response = tooManyRequests({ allowed: false, remaining: 0, retryAfterSeconds: 42 }, false);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect((await response.json()).error).toContain('thử lại sau 42 giây');
  });
});
