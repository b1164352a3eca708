// @ts-check
/**
 * Search pages in the production server (server.mjs), rendered beside Next.js.
 *
 * Every search is a new page: a query the server has not seen must be ranked over
 * every matching article (milliseconds: SQLite's driver blocks the thread it runs
 * on) and rendered. Through Next.js, on the one thread that serves every page,
 * that is about 10 ms a page; ten readers searching at once wait 100 ms. So:
 *
 * - the page around the results (header, footer, head, styles) is the search
 *   page as Next.js renders it without a query, the "shell", fetched from this
 *   same server and kept SHELL_SECONDS (and no longer than a publish: the
 *   content generation of lib/cache/refresh.ts is part of its key);
 * - the body (form, results, pagination: components/site/search-page-body.tsx)
 *   is rendered by search workers, threads with their own database connection
 *   (lib/search/search-worker.ts), which count the rate limit as proxy.ts does
 *   and run the same search as the page;
 * - the body takes the place of the shell's (`data-search-body`), and the page
 *   is finished like any other (lib/server/finish-response.mjs: islands, CSP,
 *   ETag, compression, the 15 s memory of lib/server/micro-cache.mjs).
 *
 * The rest goes to Next.js as before: React payload requests, and any request
 * while the database is known to be down, or that a worker declines or cannot
 * answer. The page in app/(site)/tim-kiem renders the same component, so both
 * paths give the same page.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Where a build keeps the bundled search worker (scripts/build-search-worker.mjs). @param {string} distDir */
export function searchWorkerFile(distDir) {
  return path.join(distDir, 'search-worker', 'search-worker.mjs');
}

const BODY_MARK = '<div data-search-body=""';
const DIV_TAG = /<div\b|<\/div>/g;

/**
 * The search page with `body` in place of the shell's own body: the element marked
 * `data-search-body`. Its end is found by counting <div> and </div> from its start, which
 * React's markup allows (it escapes "<" in text and attributes). Null when the shell is not
 * such a page.
 * @param {string} shell @param {string} body
 * @returns {string | null}
 */
export function spliceSearchBody(shell, body) {
  const start = shell.indexOf(BODY_MARK);
  if (start < 0 || shell.indexOf(BODY_MARK, start + 1) >= 0 || !body.startsWith(BODY_MARK)) return null;
  DIV_TAG.lastIndex = start;
  let depth = 0;
  for (let tag = DIV_TAG.exec(shell); tag; tag = DIV_TAG.exec(shell)) {
    depth += tag[0] === '</div>' ? -1 : 1;
    if (depth === 0) return shell.slice(0, start) + body + shell.slice(DIV_TAG.lastIndex);
  }
  return null;
}

/** Headers of the shell that belong to that one response, not to a page made from it. */
const RESPONSE_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'etag', 'cache-control', 'date', 'connection', 'keep-alive', 'set-cookie', 'age']);
const isNextHeader = (/** @type {string} */ name) => name.startsWith('x-nextjs-');

/**
 * The headers of the shell that every search page carries too (next.config.ts's security headers, Vary…).
 * @param {http.IncomingHttpHeaders} headers
 * @returns {Record<string, string | string[]>}
 */
export function pageHeaders(headers) {
  /** @type {Record<string, string | string[]>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !RESPONSE_HEADERS.has(name) && !isNextHeader(name)) kept[name] = value;
  return kept;
}

/**
 * A pool of search workers, started on first use. Each request goes to the worker with the
 * fewest in hand; a worker that dies is replaced, and what it had in hand is declined.
 */
export class SearchWorkers {
  /** @param {{ file: string, threads: number, timeoutMs?: number }} options */
  constructor({ file, threads, timeoutMs = 10_000 }) {
    this.file = file;
    this.threads = Math.max(1, threads);
    this.timeoutMs = timeoutMs;
    /** @type {Array<{ worker: Worker, pending: Map<number, (answer: any) => void> }>} */
    this.pool = [];
    this.nextId = 0;
  }

  /** Starts every worker not running yet. */
  startAll() {
    for (let slot = 0; slot < this.threads; slot++) if (!this.pool[slot]) this.start(slot);
  }

  /** @param {number} slot */
  start(slot) {
    // A worker holds one page of results at a time: small heaps keep two of them at about 30 MB
    // each (without limits V8 sizes them for the machine: 110 MB more after a minute of searches).
    // Running out ends the worker; what it had in hand goes to Next.js and another one starts.
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
    /** @type {Map<number, (answer: any) => void>} */
    const pending = new Map();
    const entry = { worker, pending };
    worker.on('message', (/** @type {{ id: number, answer: any }} */ { id, answer }) => {
      pending.get(id)?.(answer);
      pending.delete(id);
    });
    const lost = (/** @type {string} */ reason) => {
      for (const settle of pending.values()) settle({ kind: 'declined', reason });
      pending.clear();
      if (this.pool[slot] === entry) this.pool[slot] = undefined;
    };
    worker.on('error', (error) => {
      console.error('[search] worker failed:', error);
      lost(`worker failed: ${error.message}`);
    });
    worker.on('exit', (code) => lost(`worker exited (${code})`));
    // The server may stop while a worker is idle.
    worker.unref();
    this.pool[slot] = entry;
    return entry;
  }

  /**
   * @param {import('../search/search-worker-answer').SearchWorkerRequest} request
   * @returns {Promise<import('../search/search-worker-answer').SearchWorkerAnswer>}
   */
  ask(request) {
    let chosen;
    for (let slot = 0; slot < this.threads; slot++) {
      const entry = this.pool[slot] ?? this.start(slot);
      if (!chosen || entry.pending.size < chosen.pending.size) chosen = entry;
    }
    const { worker, pending } = /** @type {NonNullable<typeof chosen>} */ (chosen);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ kind: 'declined', reason: `no answer within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
      pending.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      worker.postMessage({ id, request });
    });
  }

  async close() {
    await Promise.all(this.pool.map((entry) => entry?.worker.terminate()));
    this.pool = [];
  }
}

/**
 * The search page without a query, as Next.js renders it, kept for `ttlMs` per content
 * generation; callers at the same moment share one fetch.
 */
export class SearchShell {
  /**
   * @param {{ fetch: () => Promise<{ html: string, headers: Record<string, string | string[]> } | null>, ttlMs: number, generation: () => number, now?: () => number }} options
   */
  constructor({ fetch, ttlMs, generation, now = Date.now }) {
    this.fetch = fetch;
    this.ttlMs = ttlMs;
    this.generation = generation;
    this.now = now;
    /** @type {{ key: number, until: number, shell: Promise<{ html: string, headers: Record<string, string | string[]> } | null> } | null} */
    this.kept = null;
  }

  get() {
    const key = this.generation();
    if (this.kept && this.kept.key === key && this.kept.until > this.now()) return this.kept.shell;
    const shell = this.fetch().catch((error) => {
      console.warn('[search] no page to put results in:', error instanceof Error ? error.message : error);
      return null;
    });
    const kept = { key, until: this.now() + this.ttlMs, shell };
    this.kept = kept;
    // A failed fetch is not kept: the next request tries again.
    shell.then((value) => {
      if (!value && this.kept === kept) this.kept = null;
    });
    return shell;
  }
}

/**
 * Fetches a page from this same server (over loopback) as Next.js renders it, before the server
 * finishes it: the request carries `header: token`, a secret of this process.
 * @param {{ address: () => import('node:net').AddressInfo | string | null, path: string, header: string, token: string }} options
 * @returns {Promise<{ html: string, headers: Record<string, string | string[]> } | null>}
 */
function fetchOwnPage({ address, path: pagePath, header, token }) {
  const info = address();
  if (!info || typeof info === 'string') return Promise.resolve(null);
  const host = info.address === '::' || info.address === '0.0.0.0' ? '127.0.0.1' : info.address;
  return new Promise((resolve, reject) => {
    const request = http.get({ host, port: info.port, path: pagePath, headers: { [header]: token, accept: 'text/html', 'accept-encoding': 'identity' }, timeout: 10_000 }, (response) => {
      /** @type {Buffer[]} */
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) return resolve(null);
        resolve({ html: Buffer.concat(chunks).toString('utf8'), headers: pageHeaders(response.headers) });
      });
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
  });
}

const SHELL_HEADER = 'x-search-shell';

/**
 * Search pages for server.mjs, or null when the build has no search worker (`next build` run
 * without scripts/build-search-worker.mjs) or SEARCH_WORKERS=0: Next.js then renders them.
 * @param {{ distDir: string, server: http.Server, generation: () => number, databaseKnownDown: () => boolean }} options
 */
export function createSearchPages({ distDir, server, generation, databaseKnownDown }) {
  const file = searchWorkerFile(distDir);
  const threads = Number(process.env.SEARCH_WORKERS ?? Math.min(2, availableParallelism()));
  if (!existsSync(file) || !(threads > 0)) return null;
  const workers = new SearchWorkers({ file, threads });
  const token = randomBytes(18).toString('base64url');
  const shell = new SearchShell({
    fetch: () => fetchOwnPage({ address: () => server.address(), path: '/tim-kiem', header: SHELL_HEADER, token }),
    ttlMs: Number(process.env.SEARCH_SHELL_SECONDS ?? 15) * 1000,
    generation,
  });

  return {
    /** Whether `req` is this server asking for the shell: Next.js answers it, unfinished. @param {http.IncomingMessage} req */
    isShellRequest: (req) => req.headers[SHELL_HEADER] === token,

    /** Whether `req` is a search page request for the workers. @param {http.IncomingMessage} req */
    handles: (req) => req.method === 'GET' && !!req.url?.startsWith('/tim-kiem?') && !req.headers.rsc && !req.url.includes('_rsc='),

    /**
     * Answers a search page request, or returns false for Next.js to answer it.
     * @param {http.IncomingMessage} req @param {http.ServerResponse} res
     * @returns {Promise<boolean>}
     */
    async respond(req, res) {
      if (databaseKnownDown()) return false;
      const page = await shell.get();
      if (!page) return false;
      const url = String(req.url);
      const answer = await workers.ask({
        search: url.slice(url.indexOf('?')),
        forwardedFor: String(req.headers['x-forwarded-for'] ?? ''),
        wantsHtml: String(req.headers.accept ?? '').includes('text/html'),
      });
      // Every answer carries the headers the page would (next.config.ts's security headers among them).
      const { 'content-type': _type, ...headers } = page.headers;
      switch (answer.kind) {
        case 'body': {
          const html = spliceSearchBody(page.html, answer.html);
          if (html === null) return false;
          // How long the worker took (search and rendering), for whoever looks at the page in devtools.
          res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'server-timing': `search-worker;dur=${answer.ms.toFixed(1)}` });
          res.end(html);
          return true;
        }
        case 'redirect':
          res.writeHead(307, { ...headers, location: answer.location, 'cache-control': 'private, no-store' });
          res.end();
          return true;
        case 'response':
          res.writeHead(answer.status, { ...headers, ...answer.headers });
          res.end(answer.body);
          return true;
        default:
          // An outage is reported by the server's own monitor (lib/db/availability.ts); anything else is a bug.
          if (!answer.databaseDown) console.warn('[search] worker declined, Next.js renders the page:', answer.reason);
          return false;
      }
    },

    start: () => workers.startAll(),
    close: () => workers.close(),
  };
}
