// @ts-check
/**
 * Finishing public responses in the server (server.mjs), after Next.js has
 * produced them and before they leave:
 * - reader pages lose Next.js's client runtime for their islands script
 *   (options.transformPage, lib/server/islands.mjs);
 * - HTML pages get their Content-Security-Policy (hashes of their own inline
 *   scripts, lib/security/csp.mjs);
 * - pages, feeds and sitemaps get a strong ETag (SHA-1 of the bytes, native and
 *   cheaper than Next's own), and a matching If-None-Match is answered 304;
 * - they are compressed (brotli or gzip), and the finished result is kept by
 *   ETag, so a cached page is hashed and compressed once, not per request;
 * - a page that failed (5xx) while the database is down becomes the Vietnamese
 *   503 page (options.outagePage), as the proxy answers for dynamic routes;
 * - a 404 that Next.js left as an empty error document becomes the site's own
 *   not-found page (options.notFoundPage).
 * Other responses (scripts, images, JSON) pass through untouched.
 */
import { createHash } from 'node:crypto';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../http/unavailable-page.mjs';
import { contentSecurityPolicy, inlineScriptHashes } from '../security/csp.mjs';

/**
 * Finished responses by ETag and encoding: a cached page is the same bytes
 * for every reader, so its policy and its compressed form are worked out once.
 * Bounded by total size; the oldest entries go first. Derived data only: losing
 * it costs one recomputation.
 */
export class FinishedPages {
  /** @param {number} maxBytes */
  constructor(maxBytes = 32 * 1024 * 1024) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { policy: string | null, body: Buffer, encoding: string }>} */
    this.entries = new Map();
  }
  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }
  /** @param {string} key @param {{ policy: string | null, body: Buffer, encoding: string }} entry */
  set(key, entry) {
    if (entry.body.length > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.body.length;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }
}

/**
 * The encoding to send: brotli, else gzip, else none (q=0 refuses one).
 * @param {string | undefined} acceptEncoding
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function preferredEncoding(acceptEncoding) {
  const accepted = new Set();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

const MIN_COMPRESSED_BYTES = 1024;

/** @param {Buffer} body @param {'br' | 'gzip' | 'identity'} encoding @returns {Promise<Buffer>} */
function compress(body, encoding) {
  if (encoding === 'identity') return Promise.resolve(body);
  return new Promise((resolve, reject) => {
    /** @param {Error | null} error @param {Buffer} out */
    const done = (error, out) => (error ? reject(error) : resolve(out));
    if (encoding === 'br')
      brotliCompress(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }, done);
    else gzip(body, { level: 6 }, done);
  });
}

/** Responses worth finishing: pages (which also get a policy), feeds and sitemaps. */
const FINISHED_TYPES = /^(text\/html|application\/rss\+xml|application\/atom\+xml|application\/xml|text\/xml)\b/i;

/**
 * Whether an If-None-Match header names this ETag (weak comparison, as for GET).
 * @param {string | undefined} header @param {string} etag
 */
export function matchesEtag(header, etag) {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === bare;
  });
}

/**
 * Makes `res` hold back a page, feed or sitemap until it is complete, then
 * finishes it as described at the top of this file. Call before handing the
 * response to Next.js, and after the compression middleware (which then sees
 * responses already encoded here and leaves them alone).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{
 *   https: boolean,
 *   pages?: FinishedPages,
 *   outagePage?: () => string | null,
 *   shareForSeconds?: number,
 *   onFinished?: (response: { headers: import('node:http').OutgoingHttpHeaders, body: Buffer }) => void,
 *   transformPage?: { apply: (html: string) => string, id: string },
 *   notFoundPage?: () => string | null,
 * }} options `shareForSeconds`: let shared caches keep a successful page that
 *   long (for pages Next.js renders per request, such as search); `onFinished`:
 *   called with each successful response as sent (to keep it for a while);
 *   `transformPage`: rewrites an HTML page before its policy is worked out
 *   (lib/server/islands.mjs); its `id` names what the rewrite depends on
 *   besides the page (the islands script), and is part of the page's ETag, so
 *   the ETag is worked out before the rewrite, which then runs once per page;
 *   `notFoundPage`: the site's 404 page, sent in place of Next.js's empty error document.
 */
/** How Next.js's empty error document starts (its root layout never ran). */
const EMPTY_ERROR_DOCUMENT = '<html id="__next_error__">';

/**
 * What shared caches are told of pages from Next's page cache, in place of Next's own
 * `s-maxage=<revalidate>, stale-while-revalidate=<a year>`. The revalidate is the page cache's
 * safety timer (writes refresh pages by tag as they happen), and a shared cache hears of no write:
 * a CDN following Next's header could keep a page 5 minutes, then serve it stale once however old.
 * These are the micro-cache's terms (docs/nginx.conf): 1 s fresh, at most 4 s more while it is
 * fetched again, so a publish shows within 5 s; browsers revalidate every time (ETag, 304).
 */
export const SHARED_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=4';

export function finishResponse(req, res, options) {
  if (req.method !== 'GET') return;
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  /** @type {Array<Buffer | string> | null} null until the first body byte or header flush decides. */
  let held = null;
  let passThrough = false;

  const contentType = () => String(res.getHeader('content-type') ?? '');
  const restore = () => {
    passThrough = true;
    Object.assign(res, original);
  };
  const decide = () => {
    if (held || passThrough) return;
    // Whatever the response (page, feed, React payload, share image, 404, redirect): what Next
    // lets shared caches keep for the page cache's safety timer, they keep for the micro-cache's terms.
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    if (/\bs-maxage=/i.test(cacheControl) && !/private|no-store/i.test(cacheControl)) res.setHeader('Cache-Control', SHARED_PAGE_CACHE_CONTROL);
    if (FINISHED_TYPES.test(contentType()) && res.statusCode !== 304 && res.statusCode !== 204) held = [];
    else restore();
  };
  /**
   * Text stays text (a cached page arrives as one string): it is hashed as it is, and turned into
   * bytes only when the finished page is not already known.
   * @param {unknown} chunk @param {unknown} encoding @returns {Buffer | string}
   */
  const keep = (chunk, encoding) =>
    typeof chunk === 'string'
      ? typeof encoding === 'string' && !/^utf-?8$/i.test(encoding)
        ? Buffer.from(chunk, /** @type {BufferEncoding} */ (encoding))
        : chunk
      : Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(/** @type {Uint8Array} */ (chunk));

  // Headers passed to writeHead become ordinary headers, so the policy can still be added at the end.
  res.writeHead = /** @type {any} */ (function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    const headers = rest.find((value) => value && typeof value === 'object');
    const reason = rest.find((value) => typeof value === 'string');
    res.statusCode = statusCode;
    if (reason) res.statusMessage = reason;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    decide();
    if (passThrough) return original.writeHead.call(res, res.statusCode);
    return res;
  });
  res.flushHeaders = function () {
    decide();
    if (passThrough) original.flushHeaders.call(res);
  };
  res.write = /** @type {any} */ (function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    decide();
    if (passThrough) return original.write.call(res, chunk, encoding, callback);
    if (chunk != null && chunk.length !== 0) held?.push(keep(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  });
  res.end = /** @type {any} */ (function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    decide();
    if (passThrough) return original.end.call(res, chunk, encoding, callback);
    if (chunk != null && chunk.length !== 0) held?.push(keep(chunk, encoding));
    let parts = held ?? [];
    held = null;
    restore();
    /** @type {Buffer | null} */
    let bytes = null;
    const body = () => (bytes ??= Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part))));
    const isPage = /^text\/html/i.test(contentType());
    const outage = isPage && res.statusCode >= 500 ? options.outagePage?.() : null;
    if (outage) {
      // Not a bug in the page: it needed the database (not in the page cache, or expired by a write).
      res.statusCode = 503;
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      res.setHeader('Cache-Control', 'private, no-store');
      parts = [outage];
    }
    // Next.js answers notFound() in a page it renders on demand (our cached reader routes) with an
    // empty error document: no lang, no content, everything left to its client runtime (a blank page
    // without JavaScript; vercel/next.js#95613). The site's own not-found page takes its place.
    if (isPage && res.statusCode === 404 && options.notFoundPage) {
      const page = options.notFoundPage();
      if (page && body().subarray(0, 512).includes(EMPTY_ERROR_DOCUMENT)) {
        parts = [page];
        bytes = null;
      }
    }
    if (isPage && res.statusCode === 200 && options.shareForSeconds) {
      res.setHeader('Cache-Control', `public, max-age=0, s-maxage=${options.shareForSeconds}, stale-while-revalidate=${options.shareForSeconds}`);
    }
    const cacheable = res.statusCode === 200 && !/no-store/i.test(String(res.getHeader('cache-control') ?? ''));
    let etag = res.getHeader('etag');
    if (cacheable && typeof etag !== 'string') {
      const hash = createHash('sha1');
      for (const part of parts) hash.update(part);
      if (isPage && options.transformPage) hash.update(options.transformPage.id);
      etag = `"${hash.digest('base64url')}"`;
      res.setHeader('ETag', etag);
    }
    // Characters or bytes: either way a lower bound of the size in bytes, enough to decide.
    const size = parts.reduce((total, part) => total + part.length, 0);
    const negotiated = size >= MIN_COMPRESSED_BYTES && !res.hasHeader('content-encoding');
    if (negotiated) {
      const vary = String(res.getHeader('vary') ?? '');
      if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (cacheable && typeof etag === 'string' && matchesEtag(/** @type {string | undefined} */ (req.headers['if-none-match']), etag)) {
      res.statusCode = 304;
      for (const name of ['content-type', 'content-length', 'content-encoding']) res.removeHeader(name);
      original.end.call(res, undefined, undefined, callback);
      return res;
    }
    const contentEncoding = negotiated ? preferredEncoding(String(req.headers['accept-encoding'] ?? '')) : 'identity';
    const key = options.pages && cacheable && typeof etag === 'string' ? `${etag}|${contentEncoding}` : null;
    /** @param {{ policy: string | null, body: Buffer, encoding: string }} finished */
    const send = (finished) => {
      if (finished.policy) res.setHeader('Content-Security-Policy', finished.policy);
      if (finished.encoding !== 'identity') res.setHeader('Content-Encoding', finished.encoding);
      res.setHeader('Content-Length', finished.body.length);
      if (res.statusCode === 200) options.onFinished?.({ headers: res.getHeaders(), body: finished.body });
      original.end.call(res, finished.body, callback);
    };
    const known = key ? options.pages?.get(key) : undefined;
    if (known) return send(known), res;
    const rendered = parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : body().toString('utf8');
    const text = isPage && options.transformPage ? options.transformPage.apply(rendered) : rendered;
    const finalBody = text === rendered ? body() : Buffer.from(text, 'utf8');
    const policy = isPage ? contentSecurityPolicy({ scriptHashes: inlineScriptHashes(text), https: options.https }) : null;
    compress(finalBody, contentEncoding).then(
      (compressed) => {
        const finished = { policy, body: compressed, encoding: contentEncoding };
        if (key) options.pages?.set(key, finished);
        send(finished);
      },
      () => send({ policy, body: finalBody, encoding: 'identity' }),
    );
    return res;
  });
}
