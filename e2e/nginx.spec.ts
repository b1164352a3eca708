import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findNginx, startNginx } from '../scripts/nginx-front.mjs';
import { draftThroughApi, workflow } from './articles';
import { signedInContext } from './session';

/**
 * The documented production front (docs/nginx.conf) in front of the suite's
 * server: a publish, or an unpublish, shows through the micro-cache within 5 s,
 * on a page being read and on one nobody read since it was cached.
 */
const nginx = findNginx();
test.skip(!nginx, 'nginx is not installed (apt-get install nginx)');
test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

const listenPort = Number(process.env.E2E_NGINX_PORT ?? 3196);
const front = `http://127.0.0.1:${listenPort}`;
let runDir = '';
let stopNginx = () => {};
let stopHomeReaders = async () => {};

test.beforeAll(async ({ baseURL }) => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-nginx-'));
  fs.chmodSync(runDir, 0o755);
  fs.mkdirSync(path.join(runDir, 'static'), { mode: 0o755 });
  const proc = startNginx({ nginx: nginx!, runDir, upstreamPort: Number(new URL(baseURL!).port), listenPort, staticPort: listenPort + 1 });
  stopNginx = () => {
    try {
      process.kill(-proc.pid!, 'SIGTERM');
    } catch {}
  };
  await expect.poll(async () => fetch(`${front}/api/health`).then((r) => r.status, () => 0), { timeout: 15_000 }).toBe(200);
  // A site with readers: nginx's cache manager, asleep for 10 s while the cache was empty (see
  // docs/nginx.conf), has woken up and keeps to the 3 s `inactive` from then on.
  stopHomeReaders = readersOn('/');
  await new Promise((r) => setTimeout(r, 11_000));
});
test.afterAll(async () => {
  await stopHomeReaders();
  stopNginx();
  fs.rmSync(runDir, { recursive: true, force: true });
});

const throughProxy = (pathname: string) => fetch(`${front}${pathname}`, { headers: { 'accept-encoding': 'gzip' } });

/** Readers on a page until stopped (a site has readers: see docs/nginx.conf on a cache left idle). */
function readersOn(pathname: string): () => Promise<void> {
  let reading = true;
  const loop = (async () => {
    while (reading) {
      await throughProxy(pathname).then((r) => r.arrayBuffer());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    reading = false;
    await loop;
  };
}

test('an article unpublished while nobody reads its page is not served from an old copy 5 s later', async ({ baseURL }) => {
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  try {
    const article = await draftThroughApi(editor, { title: `Tin qua nginx ${Date.now()}` });
    await workflow(editor, article.id, 'publish');
    const pathname = `/tin-trong-tinh/${article.slug}`;
    expect((await throughProxy(pathname)).status).toBe(200);
    const second = await throughProxy(pathname);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-cache-status')).toBe('HIT');

    await workflow(editor, article.id, 'unpublish');
    await new Promise((r) => setTimeout(r, 5_000));
    const after = await throughProxy(pathname);
    expect(after.status, `nginx answered from its cache (${after.headers.get('x-cache-status')})`).toBe(404);
  } finally {
    await editor.dispose();
  }
});

test('a publish shows on a section page being read through the proxy within 5 s', async ({ baseURL }) => {
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  // Readers on the section page all along: its copy never goes idle.
  const stopReaders = readersOn('/tin-trong-tinh');
  try {
    const title = `Tin mới qua nginx ${Date.now()}`;
    const article = await draftThroughApi(editor, { title });
    await new Promise((r) => setTimeout(r, 1_500));
    const started = Date.now();
    await workflow(editor, article.id, 'publish');
    await expect.poll(async () => (await (await throughProxy('/tin-trong-tinh')).text()).includes(title), { timeout: 5_000, intervals: [100] }).toBe(true);
    console.log(`[nginx] a publish showed through the micro-cache after ${Date.now() - started} ms`);
    await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'unpublish' } });
  } finally {
    await stopReaders();
    await editor.dispose();
  }
});
