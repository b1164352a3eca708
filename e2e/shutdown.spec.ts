import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { copyBuildWithoutPageCache, ROOT } from './build-copy';

/**
 * SIGTERM (a deploy, a container stop): the server stops taking connections but
 * every request already in flight gets its full answer, then the process exits
 * on its own. Runs its own server (`npm start`'s server.mjs) on its own database.
 */

const PORT = Number(process.env.E2E_SHUTDOWN_PORT ?? 3191);
const base = `http://127.0.0.1:${PORT}`;
const dbFile = path.join(tmpdir(), `news-shutdown-${process.pid}-${Date.now()}.db`);
const distDir = '.next-shutdown';
let server: ChildProcess | undefined;
let output = '';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  // Its own copy of the build, without the suite's page cache: the pages below really render.
  copyBuildWithoutPageCache(distDir);
  server = spawn(process.execPath, ['server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      PORT: String(PORT),
      DATABASE_URL: `file:${dbFile}`,
      NEXTAUTH_URL: base,
      SITE_URL: base,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-not-for-production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    const healthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not start:\n${output}`);
});

test.afterAll(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}-wal`, { force: true });
  rmSync(`${dbFile}-shm`, { force: true });
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
});

/** GET on a connection of its own (no pooling), so each request is its own client. */
function get(pathname: string): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${pathname}`, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(new Error(`${pathname}: ${error.message}`)));
    req.end();
  });
}

test('SIGTERM lets requests in flight finish, refuses new ones, and exits cleanly', async () => {
  const sitemap = await (await fetch(`${base}/sitemaps/1.xml`)).text();
  const articles = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[a-z0-9-]+\/[a-z0-9-]+)<\/loc>/g)].map((m) => m[1]!).slice(0, 30);
  expect(articles.length).toBeGreaterThanOrEqual(30);

  // Pages never rendered before: each needs the database and a render, so they are still running when the signal comes.
  const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
  const inFlight = articles.map((p) => get(p));
  // Long enough for every request to reach the server, far shorter than rendering thirty pages.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const signalledAt = Date.now();
  server!.kill('SIGTERM');

  const settled = await Promise.allSettled(inFlight);
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String(s.reason));
  expect(failures, `requests cut off:\n${output}`).toEqual([]);
  const answers = settled.map((s) => (s as PromiseFulfilledResult<{ status: number; body: string; at: number }>).value);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('</html>');
  }
  // Proof the signal came while work was still running.
  expect(answers.filter((answer) => answer.at > signalledAt).length).toBeGreaterThan(0);
  expect(await exited).toBe(0);
  expect(output).toContain('SIGTERM');
  await expect(fetch(`${base}/api/health`)).rejects.toThrow();
});
