import { createHash } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import compression from 'compression';
import { afterEach, describe, expect, it } from 'vitest';
import { FinishedPages, finishResponse, matchesEtag, preferredEncoding, SHARED_PAGE_CACHE_CONTROL } from './finish-response.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('finishResponse', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server like server.mjs: compression outermost, then the hashing, then the app. */
  async function serve(app: RequestListener, pages?: FinishedPages, outagePage?: () => string | null, extra: Partial<Parameters<typeof finishResponse>[2]> = {}): Promise<string> {
    const compress = compression({ threshold: 0 });
    server = createServer((req, res) => compress(req as never, res as never, () => (finishResponse(req, res, { https: false, pages, outagePage, ...extra }), app(req, res))));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it('sends an HTML page streamed in pieces with a policy naming its inline scripts, body intact', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.flushHeaders();
      res.write('<!doctype html><html lang="vi"><body><h1>Lễ hội Đền Hùng</h1>');
      setTimeout(() => res.end(Buffer.from('<script>self.__next_f.push([1,"ề"])</script></body></html>')), 5);
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(sha('self.__next_f.push([1,"ề"])'));
    expect(await response.text()).toBe('<!doctype html><html lang="vi"><body><h1>Lễ hội Đền Hùng</h1><script>self.__next_f.push([1,"ề"])</script></body></html>');
  });

  it('still compresses, after hashing the uncompressed page', async () => {
    const page = `<html><body>${'<p>Tin trong tỉnh</p>'.repeat(200)}<script>window.a=1</script></body></html>`;
    const url = await serve((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(page);
    });
    const response = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-security-policy']).toContain(sha('window.a=1'));
    expect(gunzipSync(response.body).toString('utf8')).toBe(page);
  });

  it('gives feeds an ETag and answers a matching If-None-Match with 304, without a page policy', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Tin Đất Tổ</title>${'<item><title>Tin</title></item>'.repeat(50)}</channel></rss>`;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 's-maxage=300' });
      res.end(feed);
    });
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('content-security-policy')).toBeNull();
    expect(await first.text()).toBe(feed);
    const again = await fetch(url, { headers: { 'if-none-match': `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await fetch(url, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it("tells shared caches the micro-cache's terms for pages from the page cache, not Next's five minutes and a year stale", async () => {
    const url = await serve((req, res) => {
      const cacheControl = req.url === '/private' ? 'private, no-cache, no-store, max-age=0, must-revalidate' : 's-maxage=300, stale-while-revalidate=31535700';
      const type = { '/rss.xml': 'application/rss+xml', '/payload': 'text/x-component', '/anh.png': 'image/png' }[req.url!] ?? 'text/html';
      res.writeHead(req.url === '/khong-co' ? 404 : 200, { 'Content-Type': type, 'Cache-Control': cacheControl });
      res.end('<html><body><p>Tin trong tỉnh</p></body></html>');
    });
    // Pages, feeds, React payloads of client navigation, share images, not-found pages alike.
    for (const path of ['', '/rss.xml', '/payload', '/anh.png', '/khong-co']) expect((await fetch(`${url}${path}`)).headers.get('cache-control'), path).toBe(SHARED_PAGE_CACHE_CONTROL);
    expect(SHARED_PAGE_CACHE_CONTROL).toBe('public, max-age=0, s-maxage=1, stale-while-revalidate=4');
    expect((await fetch(`${url}/private`)).headers.get('cache-control')).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
  });

  it('lets shared caches keep a per-request page when asked, and hands over what it sent', async () => {
    const kept: Array<{ headers: Record<string, unknown>; body: Buffer }> = [];
    const url = await serve(
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate' });
        res.end(`<html><body>${'<p>Kết quả</p>'.repeat(100)}</body></html>`);
      },
      undefined,
      undefined,
      { shareForSeconds: 15, onFinished: (response) => kept.push(response as never) },
    );
    const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=15, stale-while-revalidate=15');
    expect(response.headers.get('etag')).toBeTruthy();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(kept[0]!.body).toString()).toContain('Kết quả');
  });

  it('gives the same page the same ETag whether it arrives as text or as bytes in pieces', async () => {
    const page = `<html lang="vi"><body>${'<p>Đền Hùng, Phú Thọ</p>'.repeat(80)}<script>window.c=3</script></body></html>`;
    let asText = true;
    const url = await serve((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (asText) return void res.end(page);
      const bytes = Buffer.from(page, 'utf8');
      res.write(bytes.subarray(0, 1001));
      res.end(bytes.subarray(1001));
    });
    const text = await fetch(url);
    asText = false;
    const pieces = await fetch(url);
    expect(pieces.headers.get('etag')).toBe(text.headers.get('etag'));
    expect(await pieces.text()).toBe(await text.text());
    expect(pieces.headers.get('content-security-policy')).toContain(sha('window.c=3'));
  });

  it('gives no ETag to what must not be stored', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'private, no-store' });
      res.end('<html><body>Bản nháp</body></html>');
    });
    const response = await fetch(url);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('sends the site’s not-found page in place of Next.js’s empty error document, and leaves real 404 pages alone', async () => {
    const empty = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""><!--$--><!--/$--></div><script>self.__next_f.push([1,""])</script></body></html>';
    const own = '<!DOCTYPE html><html lang="vi"><body><main><h1>Không tìm thấy trang</h1></main></body></html>';
    const url = await serve(
      (req, res) => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(req.url === '/bai-mat' ? empty : '<!DOCTYPE html><html lang="vi"><body><main><h1>Trang riêng</h1></main></body></html>');
      },
      undefined,
      undefined,
      { notFoundPage: () => own },
    );
    const missing = await fetch(`${url}/bai-mat`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(own);
    expect(await (await fetch(`${url}/khac`)).text()).toContain('Trang riêng');
  });

  it('turns a page that failed while the database is down into the 503 page, and leaves other errors alone', async () => {
    let databaseDown = true;
    const url = await serve(
      (_req, res) => {
        res.writeHead(500, { 'Content-Type': 'text/html', 'Cache-Control': 's-maxage=300' });
        res.end('<html><body>Internal Server Error</body></html>');
      },
      undefined,
      () => (databaseDown ? '<html lang="vi"><h1>Hệ thống đang bảo trì</h1></html>' : null),
    );
    const during = await fetch(url);
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('30');
    expect(during.headers.get('cache-control')).toBe('private, no-store');
    expect(await during.text()).toContain('Hệ thống đang bảo trì');
    databaseDown = false;
    const after = await fetch(url);
    expect(after.status).toBe(500);
    expect(await after.text()).toContain('Internal Server Error');
  });

  it('lets other responses through unchanged and without a page policy', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
    const response = await fetch(url);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('hashes and compresses a cached page once, then serves the same bytes by ETag', async () => {
    const pages = new FinishedPages();
    let renders = 0;
    const page = `<html><body>${'<p>Bưởi Đoan Hùng</p>'.repeat(100)}<script>window.b=2</script></body></html>`;
    const url = await serve((_req, res) => {
      renders++;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    }, pages);
    const first = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    const second = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(renders).toBe(2);
    expect(pages.bytes).toBeGreaterThan(0);
    expect(pages.bytes).toBeLessThan(page.length / 4);
    for (const response of [first, second]) {
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(response.headers.get('vary')).toContain('Accept-Encoding');
      expect(response.headers.get('content-security-policy')).toContain(sha('window.b=2'));
      expect(await response.text()).toBe(page);
    }
    const gzipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(page);
  });

  it('rewrites a page once, hashes the scripts of the rewritten page, and lets the rewrite change the ETag', async () => {
    const page = `<html><head></head><body>${'<p>Hội Làng Hùng Lô</p>'.repeat(50)}<script>self.__next_f.push([1])</script></body></html>`;
    let rewrites = 0;
    const rewrite = (islandsScript: string) => ({
      id: islandsScript,
      apply: (html: string) => (rewrites++, html.replace('<script>self.__next_f.push([1])</script>', `<script>window.islands="${islandsScript}"</script>`)),
    });
    const app: RequestListener = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    };
    const url = await serve(app, new FinishedPages(), undefined, { transformPage: rewrite('a.js') });
    const first = await fetch(url);
    const again = await fetch(url);
    expect(rewrites).toBe(1);
    for (const response of [first, again]) {
      expect(await response.text()).toContain('<script>window.islands="a.js"</script></body>');
      expect(response.headers.get('content-security-policy')).toContain(sha('window.islands="a.js"'));
      expect(response.headers.get('content-security-policy')).not.toContain(sha('self.__next_f.push([1])'));
    }
    const firstEtag = first.headers.get('etag');
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    // A new build with another islands script: a browser's copy of the old page no longer matches.
    const next = await serve(app, new FinishedPages(), undefined, { transformPage: rewrite('b.js') });
    const revalidated = await fetch(next, { headers: { 'if-none-match': firstEtag! } });
    expect(revalidated.status).toBe(200);
    expect(await revalidated.text()).toContain('window.islands="b.js"');
  });
});

describe('matchesEtag', () => {
  it('compares weakly, in lists and with *', () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
  });
});

describe('preferredEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(preferredEncoding('deflate')).toBe('identity');
    expect(preferredEncoding(undefined)).toBe('identity');
  });
});

describe('FinishedPages', () => {
  it('keeps within its size, dropping the least recently used page first', () => {
    const pages = new FinishedPages(4000);
    const entry = (n: number) => ({ policy: 'p', body: Buffer.alloc(n), encoding: 'br' });
    pages.set('a', entry(400));
    pages.set('b', entry(400));
    pages.get('a');
    for (let i = 0; i < 9; i++) pages.set(`c${i}`, entry(400));
    expect(pages.bytes).toBeLessThanOrEqual(4000);
    expect(pages.get('b')).toBeUndefined();
    expect(pages.get('c8')).toBeDefined();
  });
});
