import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MicroCache } from './micro-cache.mjs';

describe('MicroCache', () => {
  const response = (text: string, headers: Record<string, string> = {}) => ({ headers: { 'content-type': 'text/html', ...headers }, body: Buffer.from(text) });

  it('keeps a response for its time, then forgets it', () => {
    let now = 1_000;
    const cache = new MicroCache({ ttlMs: 15_000, now: () => now });
    cache.set('gzip|/tim-kiem?q=le+hoi', response('Kết quả'));
    now += 14_999;
    expect(cache.get('gzip|/tim-kiem?q=le+hoi')?.body.toString()).toBe('Kết quả');
    now += 1;
    expect(cache.get('gzip|/tim-kiem?q=le+hoi')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('stays within its size, oldest first, and never keeps a response that sets a cookie', () => {
    const cache = new MicroCache({ ttlMs: 60_000, maxBytes: 1000 });
    for (let i = 0; i < 12; i++) cache.set(`k${i}`, response('x'.repeat(100)));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k11')).toBeDefined();
    cache.set('cookie', response('riêng', { 'set-cookie': 'reader_id=1' }));
    expect(cache.get('cookie')).toBeUndefined();
  });

  describe('answer', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it('replays the kept response, and answers 304 to a client that has it', async () => {
      const cache = new MicroCache({ ttlMs: 60_000 });
      cache.set('q', response('<p>Kết quả tìm kiếm</p>', { etag: '"abc"', 'cache-control': 'public, s-maxage=15' }));
      let renders = 0;
      server = createServer((req, res) => {
        if (cache.answer('q', req, res)) return;
        renders++;
        res.end('rendered');
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const hit = await fetch(url);
      expect(await hit.text()).toBe('<p>Kết quả tìm kiếm</p>');
      expect(hit.headers.get('etag')).toBe('"abc"');
      expect(hit.headers.get('age')).toBe('0');
      const unchanged = await fetch(url, { headers: { 'if-none-match': '"abc"' } });
      expect(unchanged.status).toBe(304);
      expect(renders).toBe(0);
    });
  });
});
