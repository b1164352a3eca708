// @ts-check
/**
 * Content-Security-Policy with script hashes for pages that are cached.
 *
 * Next.js writes its page data into inline <script> tags (self.__next_f.push…),
 * different on every page, and a nonce would force every page to be rendered
 * per request (no cache). So the server (server.mjs) lets each HTML response
 * finish, hashes its inline scripts and sends a policy that allows exactly
 * those: an injected <script> or onclick= has no matching hash and does not run.
 * Plain JavaScript so the custom server can load it without a build step.
 */
import { createHash } from 'node:crypto';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /\ssrc\s*=/i;
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/** Types the browser executes; data blocks such as application/ld+json are never run, so need no hash. */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript', 'application/ecmascript']);

/**
 * 'sha256-…' sources for every executable inline script in a document, in order, without repeats.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? '';
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    const typeMatch = TYPE_ATTRIBUTE.exec(attributes);
    const type = (typeMatch ? (typeMatch[1] ?? typeMatch[2] ?? typeMatch[3] ?? '') : '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy sent with every HTML page. Scripts: the site's own files and the
 * listed inline scripts only (no 'unsafe-inline', no eval). Styles may be inline
 * (style attributes from next/image and React), which cannot run code.
 * @param {{ scriptHashes: string[], https: boolean }} options
 */
export function contentSecurityPolicy({ scriptHashes, https }) {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.length ? ' ' + scriptHashes.join(' ') : ''}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    // The dashboard frames its own previews at phone and desktop widths; nobody else may frame us.
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "form-action 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * Finished HTML responses by ETag and encoding: a cached page is the same bytes
 * for every reader, so its policy and its compressed form are worked out once.
 * Bounded by total size; the oldest entries go first. Derived data only: losing
 * it costs one recomputation.
 */
export class FinishedPages {
  /** @param {number} maxBytes */
  constructor(maxBytes = 32 * 1024 * 1024) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { policy: string, body: Buffer, encoding: string }>} */
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
  /** @param {string} key @param {{ policy: string, body: Buffer, encoding: string }} entry */
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

/**
 * Makes `res` hold back an HTML body until it is complete, then sends it with
 * a Content-Security-Policy naming its inline scripts, compressed here (and
 * remembered in `pages` by ETag, so a cached page is hashed and compressed
 * once). Other responses pass through untouched, to the compression middleware
 * this must be installed after.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ https: boolean, pages?: FinishedPages }} options
 */
export function hashInlineScriptsOf(req, res, options) {
  if (req.method === 'HEAD') return;
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  /** @type {Buffer[] | null} null until the first body byte or header flush decides. */
  let held = null;
  let passThrough = false;

  const isHtml = () => String(res.getHeader('content-type') ?? '').toLowerCase().startsWith('text/html') && res.statusCode !== 304 && res.statusCode !== 204;
  const restore = () => {
    passThrough = true;
    Object.assign(res, original);
  };
  const decide = () => {
    if (held || passThrough) return;
    if (isHtml()) held = [];
    else restore();
  };
  /** @param {unknown} chunk @param {unknown} encoding */
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8')) : Buffer.from(/** @type {Uint8Array} */ (chunk));

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
    if (chunk != null && chunk.length !== 0) held?.push(toBuffer(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  });
  res.end = /** @type {any} */ (function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    decide();
    if (passThrough) return original.end.call(res, chunk, encoding, callback);
    if (chunk != null && chunk.length !== 0) held?.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(held ?? []);
    held = null;
    restore();
    const negotiated = body.length >= MIN_COMPRESSED_BYTES && !res.hasHeader('content-encoding');
    const contentEncoding = negotiated ? preferredEncoding(String(req.headers['accept-encoding'] ?? '')) : 'identity';
    const etag = res.getHeader('etag');
    const key = options.pages && typeof etag === 'string' && res.statusCode === 200 ? `${etag}|${body.length}|${contentEncoding}` : null;
    /** @param {{ policy: string, body: Buffer, encoding: string }} page */
    const send = (page) => {
      res.setHeader('Content-Security-Policy', page.policy);
      if (page.encoding !== 'identity') res.setHeader('Content-Encoding', page.encoding);
      const vary = String(res.getHeader('vary') ?? '');
      if (negotiated && !/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      res.setHeader('Content-Length', page.body.length);
      original.end.call(res, page.body, callback);
    };
    const known = key ? options.pages?.get(key) : undefined;
    if (known) return send(known), res;
    const policy = contentSecurityPolicy({ scriptHashes: inlineScriptHashes(body.toString('utf8')), https: options.https });
    compress(body, contentEncoding).then(
      (compressed) => {
        const page = { policy, body: compressed, encoding: contentEncoding };
        if (key) options.pages?.set(key, page);
        send(page);
      },
      () => send({ policy, body, encoding: 'identity' }),
    );
    return res;
  });
}
