import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerVoteRequest, MAX_VOTE_BYTES } from './votes.mjs';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server answering votes with `answerVote`, and 404 ("Next.js") for anything else. */
async function start(answerVote: (request: Request, articleId: string) => Promise<Response>): Promise<string> {
  server = createServer((req, res) => {
    if (answerVoteRequest(req, res, answerVote)) return;
    res.writeHead(404).end('next');
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('answerVoteRequest', () => {
  it('hands a vote to the route code as a web Request and sends its answer with the site headers', async () => {
    let seen: { id: string; body: unknown; cookie: string | null; forwarded: string | null } | undefined;
    const base = await start(async (request, id) => {
      seen = { id, body: await request.json(), cookie: request.headers.get('cookie'), forwarded: request.headers.get('x-forwarded-for') };
      return Response.json({ ok: true }, { status: 201, headers: { 'Cache-Control': 'private, no-store', 'Set-Cookie': 'reader_id=abc; Path=/; HttpOnly' } });
    });
    const response = await fetch(`${base}/api/articles/42/rating`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'reader_id=old', 'x-forwarded-for': '192.0.2.7' }, body: JSON.stringify({ stars: 4 }) });
    expect(seen).toEqual({ id: '42', body: { stars: 4 }, cookie: 'reader_id=old', forwarded: '192.0.2.7' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('set-cookie')).toBe('reader_id=abc; Path=/; HttpOnly');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
  });

  it('leaves everything else to Next.js, and refuses an oversized body without reading it all', async () => {
    const base = await start(async () => Response.json({ ok: true }));
    expect((await fetch(`${base}/api/articles/42/rating`)).status, 'GET').toBe(404);
    expect((await fetch(`${base}/api/articles/42/view`, { method: 'POST', body: '{}' })).status).toBe(404);
    const big = await fetch(`${base}/api/articles/42/rating`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(MAX_VOTE_BYTES + 1) });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toBe('Nội dung gửi lên quá lớn.');
  });

  it('answers 500 in Vietnamese when the route code throws', async () => {
    const base = await start(async () => {
      throw new Error('boom');
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = await fetch(`${base}/api/articles/42/rating`, { method: 'POST', body: '{"stars":4}' });
      expect(response.status).toBe(500);
      expect((await response.json()).error).toBe('Đã có lỗi xảy ra. Vui lòng thử lại sau.');
    } finally {
      console.error = original;
    }
  });
});
