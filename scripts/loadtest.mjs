#!/usr/bin/env node
/**
 * npm run loadtest: a mixed-traffic soak of the production server, checked
 * for correctness afterwards, not only timed.
 *
 * Why: npm run bench measures one route at a time. A newsroom's real load is
 * mixed — readers on pages and search while editors save and publish and
 * readers vote — and what matters under it is that nothing breaks (no 5xx),
 * that no save the server acknowledged is lost (optimistic concurrency,
 * revisions, waiting edits of published articles, cache invalidation) and that
 * every acknowledged vote is counted once. This script produces that load and
 * then checks the database against what the server acknowledged.
 *
 * What it does:
 * 1. builds into its own dist dir (NEXT_DIST_DIR, default .next-load, as the
 *    bench does; LOADTEST_SKIP_BUILD=1 reuses an existing build), creates a
 *    fresh SQLite database (or uses LOADTEST_DATABASE_URL, e.g. an empty
 *    PostgreSQL database), starts the server with `npm start` (whatever the
 *    start script runs) in its own process group on a free port (3170 up),
 *    and waits for GET /api/health; the server seeds the demo newsroom;
 * 2. for LOADTEST_SECONDS (60) runs at once: LOADTEST_READERS (20) reader
 *    loops (article pages, home page, search with varied Vietnamese words),
 *    LOADTEST_EDITORS (5) editors — accounts made through the users API by the
 *    demo admin, each signed in through next-auth's credentials flow in its
 *    own session — creating, saving (with the version they hold), publishing
 *    and re-editing articles and sharing one contended draft, and
 *    LOADTEST_RATERS (4) loops of votes from distinct readers (X-Forwarded-For,
 *    trusted with TRUSTED_PROXY_HOPS=1); see scripts/loadtest/traffic.mjs;
 * 3. checks every acknowledged save, publish and vote against the database
 *    and the public pages (scripts/loadtest/verify.mjs), prints requests,
 *    statuses and p50/p99 per class, the checks and the server's peak RSS;
 * 4. stops the server (SIGTERM to its process group), also on error or ^C.
 *
 * Exit status 1 on any 5xx, timeout or refused connection, lost save, rating
 * count mismatch, vote counted twice, waiting edit shown to readers, or
 * inconsistent acknowledgement; figures themselves never fail the run.
 *
 * Other options: LOADTEST_PORT, LOADTEST_DIST_DIR, LOADTEST_KEEP=1 (keep the
 * temporary directory with the SQLite file and the server log).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from './loadtest/client.mjs';
import { openDatabase } from './loadtest/db.mjs';
import { build, clearRenderCache, hasBuild, Server } from './loadtest/server.mjs';
import { Stats, table } from './loadtest/stats.mjs';
import { editorLoop, Ledger, raterLoop, readerLoop } from './loadtest/traffic.mjs';
import { ratingCounts, verifyPublicPages, verifyRatings, verifySaves } from './loadtest/verify.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 60);
const READERS = Number(process.env.LOADTEST_READERS ?? 20);
const EDITORS = Number(process.env.LOADTEST_EDITORS ?? 5);
const RATERS = Number(process.env.LOADTEST_RATERS ?? 4);
const DIST_DIR = process.env.LOADTEST_DIST_DIR ?? '.next-load';
const PASSWORD = 'demo-password';
const runId = randomBytes(3).toString('hex');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-loadtest-'));
const logFile = path.join(work, 'server.log');
const databaseUrl = process.env.LOADTEST_DATABASE_URL || `file:${path.join(work, 'load.db')}`;

let server = null;
let db = null;
let stopping = false;

async function shutdown() {
  if (stopping) return;
  stopping = true;
  if (server) await server.stop();
  if (db) await db.close().catch(() => {});
}
process.on('exit', () => server?.killNow());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    shutdown().finally(() => process.exit(130));
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

async function choosePort() {
  if (process.env.LOADTEST_PORT) {
    const port = Number(process.env.LOADTEST_PORT);
    if (!(await portFree(port))) throw new Error(`port ${port} (LOADTEST_PORT) is in use`);
    return port;
  }
  for (let port = 3170; port < 3200; port++) if (await portFree(port)) return port;
  throw new Error('no free port in 3170–3199');
}

const fmt = (ms) => (ms === null ? '-' : ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));
const mb = (kb) => `${Math.round(kb / 1024)} MB`;

async function main() {
  const port = await choosePort();
  const base = `http://127.0.0.1:${port}`;
  const limits = Object.fromEntries(['SIGN_IN', 'SEARCH', 'PREVIEW', 'RATING', 'UPLOAD'].map((n) => [`RATE_LIMIT_${n}`, '1000000']));
  const env = {
    ...process.env,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: 'loadtest-secret-not-for-production',
    NEXTAUTH_URL: base,
    SITE_URL: base,
    PORT: String(port),
    TRUSTED_PROXY_HOPS: '1',
    ...limits,
  };

  if (process.env.LOADTEST_SKIP_BUILD === '1' && hasBuild(root, DIST_DIR)) console.log(`== using the existing build in ${DIST_DIR}`);
  else {
    console.log(`== build (${DIST_DIR})`);
    build(root, { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' }, DIST_DIR);
  }
  clearRenderCache(root, DIST_DIR);

  const dialect = databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  console.log(`== starting the server: npm start on port ${port}, ${dialect} ${databaseUrl.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')}`);
  console.log(`   work dir ${work} (server log: ${logFile})`);
  server = new Server(root, env, logFile);
  const started = Date.now();
  server.start();
  const health = await server.waitHealthy(`${base}/api/health`);
  console.log(`   healthy after ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(health.database)}`);
  const tree = server.tree();
  console.log(`   process tree: ${tree.map((p) => `${p.pid} ${p.name.slice(0, 50)}`).join(' | ')}`);

  db = await openDatabase(databaseUrl, root);
  const stats = new Stats();
  const ledger = new Ledger();
  const published = await db.all(
    "select a.id, a.slug, s.slug as section_slug from articles a join sections s on s.id = a.section_id where a.status = 'published' order by a.id",
  );
  if (!published.length) throw new Error('the database has no published articles (is it empty? the demo content loads only into an empty database)');
  ledger.readerPaths.push(...published.map((r) => `/${r.section_slug}/${r.slug}`));
  ledger.rateable.push(...published.map((r) => Number(r.id)));
  const ratingsBefore = await ratingCounts(db);

  console.log(`== ${EDITORS} editor accounts`);
  const admin = new Client(base, stats, { xff: '172.31.255.1' });
  await admin.signIn('admin@example.com', PASSWORD);
  const editors = [];
  for (let e = 1; e <= EDITORS; e++) {
    const email = `load-editor-${e}-${runId}@example.com`;
    const made = await admin.request('admin: create user', 'POST', '/api/users', { json: { email, displayName: `Biên tập viên thử tải ${e}`, role: 'editor', password: PASSWORD } });
    if (made.status !== 201) throw new Error(`POST /api/users answered ${made.status}: ${made.text.slice(0, 200)}`);
    const client = new Client(base, stats, { xff: `172.30.0.${e}`, userAgent: `Mozilla/5.0 (loadtest editor ${e})` });
    await client.signIn(email, PASSWORD);
    editors.push(client);
  }
  const sections = (await admin.request('admin: sections', 'GET', '/api/sections')).data;
  if (!Array.isArray(sections) || !sections.length) throw new Error('GET /api/sections gave no sections');

  const ctx = { base, stats, ledger, runId, sections, shared: null, voterSeq: 0, running: () => false };
  const sharedDraft = await admin.request('admin: create draft', 'POST', '/api/articles', {
    json: { title: `Bản nháp chung của tòa soạn (${runId})`, lead: 'Mọi biên tập viên cùng sửa.', sectionId: sections[0].id, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bản đầu.' }] }] } },
  });
  if (sharedDraft.status !== 201) throw new Error(`creating the shared draft answered ${sharedDraft.status}`);
  ctx.shared = ledger.track(sharedDraft.data.id, null, true);

  console.log(`== ${SECONDS} s of mixed traffic: ${READERS} readers, ${EDITORS} editors, ${RATERS} raters (run ${runId})`);
  const trafficStats = new Stats();
  // Setup requests above are not part of the figures.
  for (const c of [...editors]) c.stats = trafficStats;
  ctx.stats = trafficStats;
  if (!server.alive) throw new Error(`the server is gone before the traffic started (${server.exitInfo})`);
  const deadline = Date.now() + SECONDS * 1000;
  // A server that died ends the traffic at once (reported below) rather than spinning on refused connections.
  ctx.running = () => Date.now() < deadline && !stopping && server.alive;
  let ticks = 0;
  const progress = setInterval(() => {
    // Every second on a terminal, every 10 s into a file.
    if (!process.stdout.isTTY && ++ticks % 10 !== 0) return;
    let total = 0;
    let bad = 0;
    for (const c of trafficStats.classes.values()) {
      total += c.count;
      for (const [status, n] of c.statuses) if (!/^[1-4]/.test(status)) bad += n;
    }
    const line = `   ${Math.max(0, Math.round((deadline - Date.now()) / 1000))} s left: ${total} requests, ${bad} 5xx/errors, ${ledger.articles.size} articles`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
    else console.log(line);
  }, 1000);
  const tStart = performance.now();
  const serverCpuStart = server.cpuSeconds();
  const ownCpuStart = process.cpuUsage();
  await Promise.all([
    ...Array.from({ length: READERS }, (_, i) => readerLoop(ctx, i)),
    ...editors.map((client, i) => editorLoop(ctx, i + 1, client)),
    ...Array.from({ length: RATERS }, (_, i) => raterLoop(ctx, i)),
  ]);
  const elapsed = (performance.now() - tStart) / 1000;
  const serverCpu = server.cpuSeconds() - serverCpuStart;
  const ownCpuUsage = process.cpuUsage(ownCpuStart);
  const ownCpu = (ownCpuUsage.user + ownCpuUsage.system) / 1e6;
  clearInterval(progress);
  if (process.stdout.isTTY) process.stdout.write('\n');
  if (stopping) return 130;
  server.sample();
  const serverAlive = server.alive;

  console.log('== checking against the database');
  const saves = await verifySaves(db, ledger);
  const ratings = await verifyRatings(db, ledger, ratingsBefore, base);
  const pages = await verifyPublicPages(ledger, base);

  // ---- report
  const rows = trafficStats.summary(elapsed);
  rows.sort((a, b) => a.name.localeCompare(b.name));
  const totals = rows.reduce((t, r) => ({ count: t.count + r.count, fivexx: t.fivexx + r.fivexx, errors: t.errors + r.errors }), { count: 0, fivexx: 0, errors: 0 });
  console.log(`\n== report: ${elapsed.toFixed(1)} s, ${dialect}, ${READERS} readers + ${EDITORS} editors + ${RATERS} raters, ${os.cpus().length} CPUs (load generator on the same machine)\n`);
  console.log(
    table(
      ['class', 'requests', 'req/s', '2xx', '5xx', 'timeout/net', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx by status'],
      [
        ...rows.map((r) => [r.name, r.count, r.rps.toFixed(1), r.ok, r.fivexx, r.errors, fmt(r.p50), fmt(r.p99), fmt(r.max), r.other]),
        ['all', totals.count, (totals.count / elapsed).toFixed(1), '', totals.fivexx, totals.errors, '', '', '', ''],
      ],
    ),
  );
  const sharedAcks = ctx.shared.acks.length;
  const checks = [
    ['5xx answers', totals.fivexx, true],
    ['timeouts / refused connections', totals.errors, true],
    [`lost saves (of ${saves.ackedSaves} acknowledged saves on ${saves.articles} articles, ${sharedAcks} on the shared draft)`, saves.lost.length, true],
    [`publishes not kept (of ${saves.publishedAcked} articles published)`, saves.unpublished.length, true],
    [`rating count mismatches (${ratings.acked} votes acknowledged on ${ratings.articles} articles, ${ratings.refused} repeat votes refused)`, ratings.mismatches.length, true],
    ['votes counted twice (one reader, one article)', ratings.doubleCounted, true],
    ['public rating count ≠ database', ratings.apiMismatches.length, true],
    ['waiting edits shown to readers', pages.leaked.length, true],
    ['inconsistent acknowledgements', ledger.anomalies.length, true],
    [`stale public pages (of ${pages.checked} published during the run)`, pages.stale.length, false],
    ['unexpected non-2xx to editors on their own articles', ledger.unexpected.length, false],
    ['first votes of new readers refused', ratings.refusedNewReaders, false],
    ['creates with unknown outcome', ledger.createIndeterminate, false],
  ];
  console.log('\n' + table(['check', 'count', 'verdict'], checks.map(([name, n, must]) => [name, n, n === 0 ? 'ok' : must ? 'FAIL' : 'WARN'])));
  console.log(
    `\nCPU during the traffic: server ${serverCpu.toFixed(1)} s (${Math.round((serverCpu / elapsed) * 100)} % of one core), load generator ${ownCpu.toFixed(1)} s (${Math.round((ownCpu / elapsed) * 100)} %), of ${os.cpus().length} cores; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(
    `server peak RSS: ${mb(server.peak.rssKb)} (pid ${server.peak.pid}: ${server.peak.name}); whole npm start tree ${mb(server.peak.treeKb)}${serverAlive ? '' : `; THE SERVER EXITED DURING THE RUN (${server.exitInfo})`}`,
  );

  const details = [
    ['lost saves', saves.lost],
    ['publishes not kept', saves.unpublished],
    ['rating mismatches', ratings.mismatches],
    ['public rating counts', ratings.apiMismatches],
    ['waiting edits shown to readers', pages.leaked],
    ['inconsistent acknowledgements', ledger.anomalies],
    ['stale public pages', pages.stale],
    ['unexpected answers to editors', ledger.unexpected],
  ];
  for (const [title, list] of details) {
    if (!list.length) continue;
    console.log(`\n${title} (${list.length}):`);
    for (const line of list.slice(0, 15)) console.log(`  - ${line}`);
    if (list.length > 15) console.log(`  … ${list.length - 15} more`);
  }
  if (trafficStats.failures.length) {
    console.log('\nunexpected answers (first samples per class, route and status):');
    for (const [key, n] of trafficStats.failureCounts) console.log(`  ${n}× ${key}`);
    for (const f of trafficStats.failures.slice(0, 20)) console.log(`  - ${f.at} ${f.cls}: ${f.method} ${f.path} → ${f.status} ${f.detail}`);
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n') : [];
  // Error messages of the server log, counted by their text (stack frames and severity lines left out).
  const errorLines = log.filter((l) => /error|⨯|unhandled|exception|fatal|^\s*detail: /i.test(l) && !/^\s*(at |severity:)/.test(l));
  if (errorLines.length) {
    const counts = new Map();
    for (const l of errorLines) counts.set(l.trim().slice(0, 240), (counts.get(l.trim().slice(0, 240)) ?? 0) + 1);
    console.log(`\nserver log: ${errorLines.length} error lines, ${counts.size} distinct (full log ${logFile}):`);
    for (const [l, n] of [...counts].slice(0, 25)) console.log(`  ${String(n).padStart(4)}× ${l}`);
  }

  const failed = checks.filter(([, n, must]) => must && n > 0).map(([name]) => name.replace(/ \(.*$/, ''));
  if (!serverAlive) failed.push('server exited');
  console.log(`\nRESULT: ${failed.length ? `FAIL (${failed.join('; ')})` : 'PASS'}`);
  return failed.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`\nloadtest error: ${error?.stack ?? error}`);
  if (fs.existsSync(logFile)) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    console.error(`--- last lines of ${logFile}:\n${tail}`);
  }
  code = 1;
} finally {
  await shutdown();
}
if (process.env.LOADTEST_KEEP === '1' || code !== 0) console.log(`(kept ${work})`);
else fs.rmSync(work, { recursive: true, force: true });
process.exit(code);
