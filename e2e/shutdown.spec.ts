import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { OwnServer } from './own-server';

/**
 * SIGTERM (a deploy, a container stop): the server stops taking connections but
 * every request already in flight gets its full answer, then the process exits
 * on its own. Runs its own server (`npm start`'s server.mjs) on its own database.
 */

const own = new OwnServer('shutdown', Number(process.env.E2E_SHUTDOWN_PORT ?? 3191));
const base = own.base;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(() => own.start());
test.afterAll(() => own.stop());

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
  const exited = new Promise<number | null>((resolve) => own.child.once('exit', (code) => resolve(code)));
  const inFlight = articles.map((p) => get(p));
  // Long enough for every request to reach the server, far shorter than rendering thirty pages.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const signalledAt = Date.now();
  own.child.kill('SIGTERM');

  const settled = await Promise.allSettled(inFlight);
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String(s.reason));
  expect(failures, `requests cut off:\n${own.output}`).toEqual([]);
  const answers = settled.map((s) => (s as PromiseFulfilledResult<{ status: number; body: string; at: number }>).value);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('</html>');
  }
  // Proof the signal came while work was still running.
  expect(answers.filter((answer) => answer.at > signalledAt).length).toBeGreaterThan(0);
  expect(await exited).toBe(0);
  expect(own.output).toContain('SIGTERM');
  await expect(fetch(`${base}/api/health`)).rejects.toThrow();
});
