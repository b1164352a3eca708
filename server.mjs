// @ts-check
/**
 * The production server (`npm start`): Next.js behind a thin Node HTTP layer
 * that does what `next start` cannot for cached pages.
 *
 * - Every HTML page gets a Content-Security-Policy naming the hashes of its own
 *   inline scripts (lib/security/csp.mjs), so pages stay cached and shared
 *   while no injected script runs.
 * - Pages, feeds and sitemaps get an ETag and 304 answers, and are compressed
 *   (brotli or gzip) after the hashes are taken: next.config.ts turns Next's
 *   own compression and ETags off. A cached page is the same bytes for
 *   everyone, so its finished form is kept by ETag (FINISHED_PAGES_MB,
 *   default 32) and reused (lib/server/finish-response.mjs).
 * - Reader pages are sent without Next.js's client runtime, with one script
 *   that hydrates their interactive parts (lib/server/islands.mjs).
 * - Search pages are rendered by search workers, threads beside this one, into the search page
 *   as Next.js renders it without a query (lib/server/search-pages.mjs); each result is kept
 *   SEARCH_CACHE_SECONDS (15) per query (lib/server/micro-cache.mjs).
 * - A missing article, section, tag or author gets the site's not-found page, not the empty
 *   document Next.js sends for notFound() in pages it renders on demand.
 * - X-Forwarded-For always ends with the socket's own address (see below).
 * - Article requests run Next's proxy (proxy.ts) only for former slugs (lib/server/former-slugs.mjs).
 * - Votes are answered here with the rating route's own code (lib/server/votes.mjs).
 * - HSTS when SITE_URL is https:// (read at start, unlike next.config's headers).
 * - SIGTERM/SIGINT: after SHUTDOWN_DRAIN_MS (1 s) of taking in what is already
 *   on its way, stop accepting connections, let requests in flight finish, then
 *   exit; a second signal, or SHUTDOWN_GRACE_MS (25 s), ends it at once.
 *
 * PORT (default 3000) and HOST (default: every interface) choose where it listens.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Server } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import next from 'next';
import { unavailablePage } from './lib/http/unavailable-page.mjs';
import { FinishedPages, finishResponse, preferredEncoding } from './lib/server/finish-response.mjs';
import { buildDir } from './lib/server/build-dir.mjs';
import { readIslandsScript, toIslandsPage } from './lib/server/islands.mjs';
import { MicroCache } from './lib/server/micro-cache.mjs';
import { createSearchPages, isSearchPageRequest, SHELL_HEADER } from './lib/server/search-pages.mjs';
import { setShared, shared, sharedValue } from './lib/server/shared-state.mjs';
import { ownUrl } from './lib/server/own-url.mjs';
import { markFormerSlugRequest } from './lib/server/former-slugs.mjs';
import { answerVoteRequest } from './lib/server/votes.mjs';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const https = (process.env.SITE_URL ?? '').startsWith('https://');
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
const SHUTDOWN_DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 1_000);
const SEARCH_CACHE_SECONDS = Number(process.env.SEARCH_CACHE_SECONDS ?? 15);

process.env.NODE_ENV = 'production';
const app = next({ dev: false, dir: import.meta.dirname, port, hostname: host ?? 'localhost' });
const handle = app.getRequestHandler();
// Pages, feeds and sitemaps are compressed in finishResponse (and remembered by ETag); the rest here.
const compress = compression({ threshold: 1024 });
const finishedPages = new FinishedPages(Number(process.env.FINISHED_PAGES_MB ?? 32) * 1024 * 1024);

/**
 * Search results are rendered per query; the same query asked again within SEARCH_CACHE_SECONDS
 * is answered from memory (and shared caches may keep it as long), unless published content has
 * changed since. Such answers skip the proxy, so they neither reach the database nor count
 * against the search rate limit.
 */
const searchResults = new MicroCache({ ttlMs: SEARCH_CACHE_SECONDS * 1000 });
/**
 * The key of a search results page as a browser loads it: the whole URL, per encoding.
 * @param {import('node:http').IncomingMessage} req
 */
function searchPageKey(req) {
  if (SEARCH_CACHE_SECONDS <= 0 || !isSearchPageRequest(req)) return null;
  // Results kept from before the content generation changed are never served after it.
  return `${contentGeneration()}|${preferredEncoding(String(req.headers['accept-encoding'] ?? ''))}|${req.url}`;
}

/**
 * The content generation (lib/cache/refresh.ts): changes with every publish, edit or unpublish
 * seen by this process. Kept on globalThis by Next's bundles of this same process.
 * @returns {number}
 */
const contentGeneration = () => sharedValue(shared.contentGeneration) ?? 0;

/**
 * The database monitor (lib/db/availability.ts) lives in Next's bundles of this same process and
 * keeps itself on globalThis; while it knows the database is down, a page that failed to render
 * answers the Vietnamese 503 page instead of an error.
 */
const outagePage = () => (/** @type {any} */ (globalThis).__newsDbAvailability?.knownUp === false ? unavailablePage() : null);
/** Whether the monitor knows the database is down (then Next.js answers search pages: the 503 page). */
const databaseKnownDown = () => /** @type {any} */ (globalThis).__newsDbAvailability?.knownUp === false;

await app.prepare();

// Reader pages load one islands script instead of Next.js's client runtime (lib/server/islands.mjs).
const islandsScript = readIslandsScript(path.resolve(import.meta.dirname, buildDir));
if (!islandsScript) console.warn(`> no islands script in ${buildDir} (build with \`npm run build\`): reader pages load Next.js's client runtime`);
// The site's not-found page, prerendered by the build from app/not-found.tsx (it reads no database).
const notFoundFile = path.resolve(import.meta.dirname, buildDir, 'server/app/_not-found.html');
const notFoundHtml = existsSync(notFoundFile) ? readFileSync(notFoundFile, 'utf8') : null;
const islandsPages = islandsScript ? { id: islandsScript, apply: (/** @type {string} */ html) => toIslandsPage(html, islandsScript) } : undefined;

const server = createServer((req, res) => {
  // This server asking itself for the search page to put results in (lib/server/search-pages.mjs).
  if (searchPages?.isShellRequest(req)) return void handle(req, res).catch(() => res.end());
  // Anyone else's claim to be that request is dropped (proxy.ts skips such requests).
  delete req.headers[SHELL_HEADER];
  // While stopping, each answer closes its connection so clients move to another instance.
  if (stopping) res.setHeader('Connection', 'close');
  // Served over HTTPS (TLS ending at the proxy in front): browsers must never come back over HTTP.
  if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  // Append the address this socket comes from, as a proxy would. clientAddress()
  // (lib/ratings/identity.ts) counts TRUSTED_PROXY_HOPS from the right of this
  // list, so a client talking to us directly cannot pick its own address by
  // sending the header (Next.js alone would keep a client's header as it is).
  const forwarded = req.headers['x-forwarded-for'];
  const remote = req.socket.remoteAddress ?? 'unknown';
  req.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${remote}` : remote;
  // Only requests for former article slugs go through the proxy (proxy.ts answers them 301).
  markFormerSlugRequest(req);
  // Votes are answered here, with the route handler's code (lib/server/votes.mjs).
  if (!stopping && answerVoteRequest(req, res)) return;
  const searchKey = stopping ? null : searchPageKey(req);
  if (searchKey && searchResults.answer(searchKey, req, res)) return;
  compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
    finishResponse(req, res, {
      https,
      pages: finishedPages,
      outagePage,
      // Not for previews: their own message ("the link is no longer valid") matters more there, and
      // the people opening share links run JavaScript, which renders it.
      notFoundPage: () => (req.url?.startsWith('/xem-truoc/') ? null : notFoundHtml),
      transformPage: islandsPages,
      ...(searchKey ? { shareForSeconds: SEARCH_CACHE_SECONDS, onFinished: (response) => searchResults.set(searchKey, response) } : {}),
    });
    const next = () =>
      handle(req, res).catch((error) => {
        console.error('[server] request failed:', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    if (!stopping && searchPages?.handles(req)) {
      searchPages.respond(req, res).then(
        (answered) => answered || next(),
        (error) => {
          console.error('[search] page failed, Next.js renders it:', error);
          next();
        },
      );
    } else next();
  });
});
// Only for pages without Next.js's client runtime: a React payload of the page without a query would
// replace the results it carried (lib/server/islands.mjs takes it out of reader pages).
const searchPages = islandsScript ? createSearchPages({ distDir: path.resolve(import.meta.dirname, buildDir), server, generation: contentGeneration, databaseKnownDown }) : null;
// Longer than a proxy's upstream keep-alive (nginx: 60 s) so it never reuses a socket we just closed.
server.keepAliveTimeout = 65_000;

server.listen(port, host, () => {
  setShared(shared.ownUrl, ownUrl(server.address()));
  console.log(`> Tin Đất Tổ: http://${host ?? 'localhost'}:${port} (pid ${process.pid})`);
  // Started now, so the first search does not wait for them.
  searchPages?.start();
});

/** @type {boolean} */
let stopping = false;
/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`> ${signal}: finishing requests in flight; no new connections after ${SHUTDOWN_DRAIN_MS} ms`);
  // For a moment the server still accepts, answering with `Connection: close`: connections already
  // on their way (the kernel's queue is drained only when this busy process gets to it, which can
  // take hundreds of milliseconds while pages render) are taken instead of being reset when the
  // listening socket closes, and a proxy has the time to stop sending here.
  setTimeout(() => {
    // net.Server's close: stop listening, call back once every connection has ended (http.Server's
    // own close() would also drop at once connections whose request is not read yet).
    Server.prototype.close.call(server, () => {
      console.log('> stopped');
      process.exit(0);
    });
    // Connections with no request in progress are closed now and every half second after, so
    // keep-alive connections end once their last answer is sent. Each sweep waits for the event
    // loop to have read what already arrived (a check-phase callback runs after the poll phase).
    const sweep = () => setImmediate(() => server.closeIdleConnections());
    sweep();
    setInterval(sweep, 500).unref();
  }, SHUTDOWN_DRAIN_MS);
  setTimeout(() => {
    console.warn(`> requests still running after ${SHUTDOWN_GRACE_MS} ms: exiting`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
