import { createHash } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import compression from 'compression';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, FinishedPages, hashInlineScriptsOf, inlineScriptHashes, preferredEncoding } from './csp.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes every inline script the browser would run, once each', () => {
    const html = `<html><head><script>document.documentElement.dataset.size="lon"</script></head><body>
      <script>self.__next_f.push([1,"Tiếng Việt"])</script>
      <script type="module">import("/x.js")</script>
      <script>self.__next_f.push([1,"Tiếng Việt"])</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([
      sha('document.documentElement.dataset.size="lon"'),
      sha('self.__next_f.push([1,"Tiếng Việt"])'),
      sha('import("/x.js")'),
    ]);
  });

  it('leaves out script files and data blocks, which need no hash', () => {
    const html = `<script src="/_next/static/chunks/app.js" async></script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script type='application/json'>{}</script>`;
    expect(inlineScriptHashes(html)).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the site and the listed hashes, never inline or eval', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"], https: false });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ scriptHashes: [], https: true })).toContain('upgrade-insecure-requests');
  });
});

describe('hashInlineScriptsOf', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server like server.mjs: compression outermost, then the hashing, then the app. */
  async function serve(app: RequestListener, pages?: FinishedPages): Promise<string> {
    const compress = compression({ threshold: 0 });
    server = createServer((req, res) => compress(req as never, res as never, () => (hashInlineScriptsOf(req, res, { https: false, pages }), app(req, res))));
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
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v1"' });
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
