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
import { shared, sharedValue } from './shared-state.mjs';
import { ownUrl } from './own-url.mjs';

/**
 * Whether `req` asks for a search results page as a browser loads it (a client-side navigation's
 * React payload, RSC header or ?_rsc=, always goes to Next.js).
 * @param {http.IncomingMessage} req
 */
export function isSearchPageRequest(req) {
  return req.method === 'GET' && !!req.url?.startsWith('/tim-kiem?') && !req.headers.rsc && !req.url.includes('_rsc=');
}

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
 * A pool of search workers. Each request goes to the worker with the fewest in hand (in turn
 * when they are level); past `maxInFlight` each, or while the pool is paused, a request is
 * declined at once. A worker that dies is replaced on the next request, and what it had in hand
 * is declined; one that does not answer in `timeoutMs` is ended (a hung worker must not keep
 * receiving requests). Workers that keep failing before their first answer (a broken build)
 * pause the pool for `pauseMs`, logged once: search pages then come from Next.js.
 */
export class SearchWorkers {
  /** @param {{ file: string, threads: number, timeoutMs?: number, maxInFlight?: number, pauseMs?: number, now?: () => number }} options */
  // maxInFlight: beyond it a search goes to Next.js on the main thread, where one render holds up
  // every other page; waiting in a worker's queue (a few ms a search) is the shorter wait up to here.
  constructor({ file, threads, timeoutMs = 10_000, maxInFlight = 64, pauseMs = 60_000, now = Date.now }) {
    this.file = file;
    this.threads = Math.max(1, threads);
    this.timeoutMs = timeoutMs;
    this.maxInFlight = maxInFlight;
    this.pauseMs = pauseMs;
    this.now = now;
    /** @type {Array<{ worker: Worker, pending: Map<number, (answer: any) => void>, slot: number } | undefined>} */
    this.pool = [];
    this.nextId = 0;
    this.turn = 0;
    this.failuresInARow = 0;
    this.pausedUntil = 0;
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
    const entry = { worker, pending, slot };
    let answered = false;
    worker.on('message', (/** @type {{ id: number, answer: any }} */ { id, answer }) => {
      answered = true;
      this.failuresInARow = 0;
      pending.get(id)?.(answer);
      pending.delete(id);
    });
    let ended = false;
    const lost = (/** @type {string} */ reason) => {
      if (ended) return;
      ended = true;
      for (const settle of pending.values()) settle({ kind: 'declined', reason });
      pending.clear();
      if (this.pool[slot] === entry) this.pool[slot] = undefined;
      if (!answered && ++this.failuresInARow >= 3 && this.pausedUntil <= this.now()) {
        this.pausedUntil = this.now() + this.pauseMs;
        console.error(`[search] workers fail before answering (${reason}): search pages come from Next.js for ${this.pauseMs / 1000} s`);
      }
    };
    worker.on('error', (error) => lost(`worker failed: ${error.message}`));
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
    if (this.pausedUntil > this.now()) return Promise.resolve({ kind: 'declined', reason: 'search workers paused after failing' });
    /** @type {{ worker: Worker, pending: Map<number, (answer: any) => void>, slot: number } | undefined} */
    let chosen;
    this.turn = (this.turn + 1) % this.threads;
    for (let i = 0; i < this.threads; i++) {
      const slot = (this.turn + i) % this.threads;
      const entry = this.pool[slot] ?? this.start(slot);
      if (!chosen || entry.pending.size < chosen.pending.size) chosen = entry;
    }
    const entry = /** @type {NonNullable<typeof chosen>} */ (chosen);
    const { worker, pending } = entry;
    if (pending.size >= this.maxInFlight) return Promise.resolve({ kind: 'declined', reason: `every search worker has ${this.maxInFlight} requests in hand` });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ kind: 'declined', reason: `no answer within ${this.timeoutMs} ms` });
        // Whatever it is stuck on, it would be stuck on the next requests too: the next ones go to
        // a new worker, and this one's other requests are declined as it ends.
        if (this.pool[entry.slot] === entry) this.pool[entry.slot] = undefined;
        void worker.terminate();
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
 * generation; callers at the same moment share one fetch. When a fetch fails, the last page
 * fetched serves on (at most a few seconds behind, like the search results themselves) and the
 * fetch is tried again after `retryMs`.
 */
export class SearchShell {
  /**
   * @param {{ fetch: () => Promise<{ html: string, headers: Record<string, string | string[]> } | null>, ttlMs: number, generation: () => number, retryMs?: number, now?: () => number }} options
   */
  constructor({ fetch, ttlMs, generation, retryMs = 1000, now = Date.now }) {
    this.fetch = fetch;
    this.ttlMs = ttlMs;
    this.retryMs = retryMs;
    this.generation = generation;
    this.now = now;
    /** @type {{ key: number, until: number, shell: Promise<{ html: string, headers: Record<string, string | string[]> } | null> } | null} */
    this.kept = null;
    /** @type {{ html: string, headers: Record<string, string | string[]> } | null} */
    this.lastGood = null;
  }

  get() {
    const key = this.generation();
    if (this.kept && this.kept.key === key && this.kept.until > this.now()) return this.kept.shell;
    const kept = { key, until: this.now() + this.ttlMs, shell: Promise.resolve(/** @type {any} */ (null)) };
    kept.shell = this.fetch()
      .catch((error) => {
        console.warn('[search] no page to put results in:', error instanceof Error ? error.message : error);
        return null;
      })
      .then((fetched) => {
        if (fetched) return (this.lastGood = fetched);
        kept.until = this.now() + this.retryMs;
        return this.lastGood;
      });
    this.kept = kept;
    return kept.shell;
  }
}

/**
 * Fetches a page from this same server (over loopback) as Next.js renders it, before the server
 * finishes it: the request carries `header: token`, a secret of this process.
 * @param {{ address: () => import('node:net').AddressInfo | string | null, path: string, header: string, token: string }} options
 * @returns {Promise<{ html: string, headers: Record<string, string | string[]> } | null>}
 */
function fetchOwnPage({ address, path: pagePath, header, token }) {
  const base = ownUrl(address());
  if (!base) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(pagePath, base), { headers: { [header]: token, accept: 'text/html', 'accept-encoding': 'identity' }, timeout: 10_000 }, (response) => {
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

/** Marks the server's own request for the shell (with a secret of the process); proxy.ts skips it. */
export const SHELL_HEADER = 'x-search-shell';

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
    handles: isSearchPageRequest,

    /**
     * Answers a search page request, or returns false for Next.js to answer it.
     * @param {http.IncomingMessage} req @param {http.ServerResponse} res
     * @returns {Promise<boolean>}
     */
    async respond(req, res) {
      if (databaseKnownDown()) return false;
      const page = await shell.get();
      if (!page) return false;
      // Counted here, on the main thread's connection: the workers only read. Not lent yet, or
      // failing: Next.js takes the request (and its proxy counts it, or answers 503).
      const countSearch = sharedValue(shared.countSearch);
      if (typeof countSearch !== 'function') return false;
      /** @type {{ status: number, headers: Record<string, string>, body: string } | null} */
      let refusal;
      try {
        refusal = await countSearch(String(req.headers['x-forwarded-for'] ?? ''), String(req.headers.accept ?? '').includes('text/html'));
      } catch {
        return false;
      }
      const { 'content-type': _type, ...headers } = page.headers;
      // A redirect or a refusal has no page to preload for, nor a variant by encoding.
      const { link: _link, vary: _vary, ...bare } = headers;
      if (refusal) {
        res.writeHead(refusal.status, { ...bare, ...refusal.headers });
        res.end(refusal.body);
        return true;
      }
      const url = String(req.url);
      const answer = await workers.ask({ search: url.slice(url.indexOf('?')) });
      // Every answer carries the headers the page would (next.config.ts's security headers among them).
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
          res.writeHead(307, { ...bare, location: answer.location, 'cache-control': 'private, no-store' });
          res.end();
          return true;
        default:
          // Counted already: Next.js's proxy counts it again (rare: an outage starting, a failure).
          // An outage is reported by the server's own monitor (lib/db/availability.ts); anything else is a bug.
          if (!answer.databaseDown) console.warn('[search] worker declined, Next.js renders the page:', answer.reason);
          return false;
      }
    },

    start: () => workers.startAll(),
  };
}
