#!/usr/bin/env node
/**
 * npm run bench: builds, starts the production server on a generated database
 * of 10,000 articles, and measures it with autocannon. With nginx installed it
 * also measures the documented micro-cache (docs/nginx.conf) and nginx serving
 * the article as a static file, and prints the proxy/static ratio.
 * Options: --no-build, --articles N, --duration S.
 */
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { findNginx, startNginx } from './nginx-front.mjs';
import { percentile } from './loadtest/stats.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ARTICLES = Number(flag('articles', 10_000));
const DURATION = Number(flag('duration', 15));
const PORT = 3500;
const NGINX_PORT = 3510;
const STATIC_PORT = 3520;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const distDir = '.next-bench';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-bench-'));
const dbFile = path.join(work, 'bench.db');
const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${dbFile}`, NEXTAUTH_SECRET: 'bench', NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, SITE_URL: `http://127.0.0.1:${PORT}`, PORT: String(PORT), RATE_LIMIT_RATING: '1000000', RATE_LIMIT_SEARCH: '1000000' };
const children = [];

function run(cmd, cmdArgs, opts = {}) {
  execSync([cmd, ...cmdArgs].join(' '), { cwd: root, env, stdio: 'inherit', ...opts });
}
async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}
function cannon(opts) {
  const options = { connections: 50, ...(opts.amount ? {} : { duration: DURATION }), ...opts };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let lastResponse = started;
    // Every answer's time, for the percentiles autocannon does not report (p95).
    const times = [];
    const run = autocannon(options, (err, res) => {
      if (err) return reject(err);
      // A run of a fixed number of requests ends at autocannon's next one-second tick after the
      // last answer (5,000 votes answered in 9.3 s report a duration of 10.02 s): its own time is
      // until that last answer.
      resolve({ ...res, ...(opts.amount ? { duration: (lastResponse - started) / 1000 } : {}), p95: Math.round(percentile(Float64Array.from(times).sort(), 0.95) ?? 0) });
    });
    run.on('response', (_client, _status, _bytes, responseTime) => {
      lastResponse = performance.now();
      times.push(responseTime);
    });
  });
}
const rows = [];
function record(name, r) {
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  // Requests over the run's own duration: autocannon's average of whole one-second buckets
  // misreads a fixed number of requests (5,000 votes in 10.4 s would read as 455/s), and so does
  // its duration of such a run (see cannon).
  const rps = Math.round(r.requests.total / r.duration);
  rows.push({ name, rps, p50: r.latency.p50, p95: r.p95, p99: r.latency.p99, errors, total: r.requests.total });
  console.log(`  ${name}: ${rps} req/s, p50 ${r.latency.p50} ms, p95 ${r.p95} ms, p99 ${r.latency.p99} ms, errors ${errors}`);
}
function cleanup() {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {}
  }
}
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

if (!args.includes('--no-build')) {
  console.log('== build');
  run('npm', ['run', 'build']);
}
// Pages rendered from an earlier database must not be served: Next keeps them in cache/ and server/route-cache/.
fs.rmSync(path.join(root, distDir, 'cache'), { recursive: true, force: true });
fs.rmSync(path.join(root, distDir, 'server', 'route-cache'), { recursive: true, force: true });

console.log(`== generating ${ARTICLES} articles`);
run('npx', ['tsx', 'scripts/bench-data.ts', String(ARTICLES)]);

console.log('== starting the server');
// Started with node directly, so server.pid is the server process itself (for its memory).
// The same node flags as `npm start` (package.json), without npm in between.
const startArgs = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start.split(/\s+/).slice(1);
const server = spawn(process.execPath, startArgs, { cwd: root, env, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
children.push(server);
await waitFor(`http://127.0.0.1:${PORT}/api/health`);

const home = await (await fetch(`http://127.0.0.1:${PORT}/`)).text();
const articlePath = home.match(/href="(\/[a-z0-9-]+\/[a-z0-9-]+)"/)[1];
const sectionPath = `/${articlePath.split('/')[1]}`;
const articleId = Number((await (await fetch(`http://127.0.0.1:${PORT}${articlePath}`)).text()).match(/\/api\/articles\/(\d+)\/rating/)[1]);
const targets = [
  ['article', articlePath],
  ['home', '/'],
  ['section', sectionPath],
  ['RSS', '/rss.xml'],
];
// Steady state is what is measured: first, 2 s of the same load on each route, not recorded (the
// JIT compiles the server's hot paths, the page cache fills, the search workers start).
const WARM_UP_SECONDS = 2;
const QUERIES = ['giao+duc', 'le+hoi', 'nong+thon+moi', 'du+lich', 'bong+da', 'y+te', 'hoc+sinh', 'giao+thong', 'van+hoa', 'buoi+doan+hung'];
let searchCount = 0;
const newSearch = (request) => ({ ...request, path: `/tim-kiem?q=${QUERIES[searchCount % QUERIES.length]}&lan=${searchCount++}` });
/** A vote from a new reader each time (no cookie, its own user agent). */
const newReader = (request) => ({ ...request, headers: { ...request.headers, 'user-agent': `bench-${randomUUID()}` } });
const voteOn = (id) => ({ url: `http://127.0.0.1:${PORT}/api/articles/${id}/rating`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stars: 4 }), requests: [{ setupRequest: newReader }] });
console.log(`== warming up (${WARM_UP_SECONDS} s a route, not recorded)`);
for (const [, p] of targets) await cannon({ url: `http://127.0.0.1:${PORT}${p}`, headers: { 'accept-encoding': 'gzip' }, duration: WARM_UP_SECONDS });
await cannon({ url: `http://127.0.0.1:${PORT}/tim-kiem`, connections: 10, headers: { 'accept-encoding': 'gzip' }, duration: WARM_UP_SECONDS, requests: [{ setupRequest: newSearch }] });
// Votes on another article: the measured article's count must move by exactly the measured votes.
const otherArticlePath = [...home.matchAll(/href="(\/[a-z0-9-]+\/[a-z0-9-]+)"/g)].map((m) => m[1]).find((p) => p !== articlePath);
const otherArticleId = Number((await (await fetch(`http://127.0.0.1:${PORT}${otherArticlePath}`)).text()).match(/\/api\/articles\/(\d+)\/rating/)[1]);
await cannon({ ...voteOn(otherArticleId), duration: WARM_UP_SECONDS });

console.log(`== origin (npm start: server.mjs), 50 connections, ${DURATION} s each, gzip`);
for (const [name, p] of targets) {
  const r = await cannon({ url: `http://127.0.0.1:${PORT}${p}`, headers: { 'accept-encoding': 'gzip' } });
  record(`origin ${name}`, r);
}
// Search twice: one popular query asked over and over (after the first, answered from the
// server's 15 s memory of search results), then a query the server has not seen on every request
// (the unused `lan` parameter makes each URL new): a search worker ranks the matches and renders them.
const search = await cannon({ url: `http://127.0.0.1:${PORT}/tim-kiem?q=giao+duc`, connections: 10, headers: { 'accept-encoding': 'gzip' } });
record('origin search, one popular query (10 connections)', search);
const searchNew = await cannon({ url: `http://127.0.0.1:${PORT}/tim-kiem`, connections: 10, headers: { 'accept-encoding': 'gzip' }, requests: [{ setupRequest: newSearch }] });
record('origin search, a new query every time (10 connections)', searchNew);
// And at the 50 connections of the other routes (the target is for 10).
const searchNew50 = await cannon({ url: `http://127.0.0.1:${PORT}/tim-kiem`, headers: { 'accept-encoding': 'gzip' }, requests: [{ setupRequest: newSearch }] });
record('origin search, a new query every time (50 connections)', searchNew50);

const before = (await (await fetch(`http://127.0.0.1:${PORT}/api/articles/${articleId}/rating`)).json()).count;
// A fixed number of votes (not a duration), so no vote is still in flight when the count is read:
// as many as the other routes' runs take at 1,000 a second. Every request is a different reader.
const ratingRun = await cannon({ amount: DURATION * 1000, ...voteOn(articleId) });
record('origin rating POST', ratingRun);
const after = (await (await fetch(`http://127.0.0.1:${PORT}/api/articles/${articleId}/rating`)).json()).count;
const accepted = ratingRun['2xx'];
console.log(`  rating count: ${before} → ${after}, accepted ${accepted}: ${after - before === accepted ? 'exact' : 'MISMATCH'}`);

const rssKb = Number(execSync(`ps -o rss= -p ${server.pid}`).toString().trim()) / 1024;
console.log(`  server RSS after load: ${rssKb.toFixed(0)} MB`);

const nginx = findNginx();
let ratio = null;
if (nginx) {
  const runDir = path.join(work, 'nginx');
  fs.mkdirSync(path.join(runDir, 'static'), { recursive: true });
  // nginx's workers drop to an unprivileged user: they must be able to read the files.
  fs.chmodSync(work, 0o755);
  fs.chmodSync(runDir, 0o755);
  fs.chmodSync(path.join(runDir, 'static'), 0o755);
  const html = await (await fetch(`http://127.0.0.1:${PORT}${articlePath}`)).text();
  fs.writeFileSync(path.join(runDir, 'static', 'article.html'), html);
  fs.writeFileSync(path.join(runDir, 'static', 'article.html.gz'), zlib.gzipSync(html, { level: 9 }));
  for (const f of ['article.html', 'article.html.gz']) fs.chmodSync(path.join(runDir, 'static', f), 0o644);
  children.push(startNginx({ nginx, runDir, upstreamPort: PORT, listenPort: NGINX_PORT, staticPort: STATIC_PORT }));
  await waitFor(`http://127.0.0.1:${NGINX_PORT}/api/health`);
  await waitFor(`http://127.0.0.1:${STATIC_PORT}/article.html`);
  console.log('== through nginx (docs/nginx.conf) and nginx static file');
  // A phone photo must reach the site (which answers 401 here: no session), not stop at nginx (413).
  const upload = await fetch(`http://127.0.0.1:${NGINX_PORT}/api/media`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(4 * 1024 * 1024) });
  console.log(`  a 4 MB upload through nginx: ${upload.status === 413 ? 'refused by nginx (413): raise client_max_body_size' : `passed to the site (${upload.status})`}`);
  const proxied = await cannon({ url: `http://127.0.0.1:${NGINX_PORT}${articlePath}`, headers: { 'accept-encoding': 'gzip' } });
  record('nginx micro-cache article', proxied);
  const stat = await cannon({ url: `http://127.0.0.1:${STATIC_PORT}/article.html`, headers: { 'accept-encoding': 'gzip' } });
  record('nginx static file article', stat);
  ratio = rows.at(-2).rps / rows.at(-1).rps;
} else {
  console.log('(nginx not installed: apt-get install nginx to measure the proxy)');
}

console.log(`\n| what | req/s | p50 ms | p95 ms | p99 ms | errors |`);
console.log(`|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`);
console.log(`\nserver RSS after load: ${rssKb.toFixed(0)} MB; articles: ${ARTICLES}; rating counts ${after - before === accepted ? 'exact' : 'NOT exact'} (${accepted} accepted)`);
if (ratio !== null) console.log(`proxy / static file: ${(ratio * 100).toFixed(0)} %`);
cleanup();
process.exit(0);
