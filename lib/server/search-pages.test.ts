import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageHeaders, SearchShell, SearchWorkers, spliceSearchBody } from './search-pages.mjs';

describe('spliceSearchBody', () => {
  // As Next.js renders the search page without a query: React's Suspense marks follow the body in main.
  const shell =
    '<html><body><header><div class="menu"><div>Tin trong tỉnh</div></div></header><main id="noi-dung">' +
    '<div data-search-body="" class="mx-auto"><h1>Tìm kiếm</h1><form><div><input name="q" value=""/></div></form><p>Nhập từ khóa</p></div>' +
    '<!--$--><!--/$--></main><footer><div>Tòa soạn</div></footer></body></html>';

  it('puts the results in place of the empty body, keeping everything around it', () => {
    const body = '<div data-search-body="" class="mx-auto"><h1>Tìm kiếm</h1><div><div>Tìm thấy 2 bài viết</div></div></div>';
    const page = spliceSearchBody(shell, body);
    expect(page).toBe(
      '<html><body><header><div class="menu"><div>Tin trong tỉnh</div></div></header><main id="noi-dung">' +
        body +
        '<!--$--><!--/$--></main><footer><div>Tòa soạn</div></footer></body></html>',
    );
    expect(page).not.toContain('Nhập từ khóa');
  });

  it('refuses a shell that is not the search page, or a body that is not one', () => {
    const body = '<div data-search-body="" class="mx-auto">Kết quả</div>';
    expect(spliceSearchBody('<html><main><div>Trang chủ</div></main></html>', body)).toBeNull();
    expect(spliceSearchBody(shell.replace('</main>', body + '</main>'), body), 'two bodies').toBeNull();
    expect(spliceSearchBody(shell.slice(0, shell.indexOf('</div><!--$-->')), body), 'cut off before its end').toBeNull();
    expect(spliceSearchBody(shell, '<div class="loi">Lỗi</div>')).toBeNull();
  });
});

describe('pageHeaders', () => {
  it('keeps what every search page carries, not what belonged to the one response', () => {
    expect(
      pageHeaders({
        'x-content-type-options': 'nosniff',
        vary: 'rsc, Accept-Encoding',
        link: '</font.woff2>; rel=preload',
        'content-length': '1234',
        'cache-control': 'private, no-store',
        etag: '"a"',
        'set-cookie': ['next-auth.csrf-token=1'],
        'x-nextjs-cache': 'MISS',
        date: 'Thu, 26 Nov 2026 08:00:00 GMT',
      }),
    ).toEqual({ 'x-content-type-options': 'nosniff', vary: 'rsc, Accept-Encoding', link: '</font.woff2>; rel=preload' });
  });
});

describe('SearchShell', () => {
  const page = (html: string) => ({ html, headers: {} });

  it('fetches once for callers at the same moment, and again after its time or a publish', async () => {
    let now = 0;
    let generation = 1;
    let fetches = 0;
    const shell = new SearchShell({ fetch: async () => page(`lần ${++fetches}`), ttlMs: 15_000, generation: () => generation, now: () => now });
    const [a, b] = await Promise.all([shell.get(), shell.get()]);
    expect([a?.html, b?.html]).toEqual(['lần 1', 'lần 1']);
    now = 14_999;
    expect((await shell.get())?.html).toBe('lần 1');
    now = 15_000;
    expect((await shell.get())?.html).toBe('lần 2');
    generation = 2;
    expect((await shell.get())?.html).toBe('lần 3');
  });

  it('after a failed fetch serves the last page fetched, and tries again a second later', async () => {
    let now = 0;
    let fails = true;
    let fetches = 0;
    const shell = new SearchShell({ fetch: async () => (fetches++, fails ? null : page(`lần ${fetches}`)), ttlMs: 15_000, generation: () => 0, now: () => now });
    expect(await shell.get(), 'nothing fetched yet').toBeNull();
    now = 1_000;
    fails = false;
    expect((await shell.get())?.html).toBe('lần 2');
    now = 16_000;
    fails = true;
    expect((await shell.get())?.html, 'the last good page').toBe('lần 2');
    now = 16_500;
    expect((await shell.get())?.html).toBe('lần 2');
    expect(fetches, 'not fetched again within the second').toBe(3);
    now = 17_000;
    fails = false;
    expect((await shell.get())?.html).toBe('lần 4');
  });
});

describe('SearchWorkers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-workers-'));
  // A stand-in worker: answers with its thread id after `delay` ms; "thoát" ends the thread, "im" never answers.
  const file = path.join(dir, 'worker.mjs');
  fs.writeFileSync(
    file,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, request }) => {
  if (request.search === '?q=thoat') process.exit(3);
  if (request.search === '?q=im') return;
  setTimeout(() => parentPort.postMessage({ id, answer: { kind: 'body', html: request.search + '@' + threadId, ms: 1 } }), 20);
});`,
  );
  const request = (q: string) => ({ search: `?q=${q}` });
  let workers: SearchWorkers | undefined;
  afterEach(async () => workers?.close());

  it('shares requests between its threads, the least busy first', async () => {
    workers = new SearchWorkers({ file, threads: 2 });
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((q) => workers!.ask(request(q))));
    const threads = answers.map((answer) => (answer.kind === 'body' ? answer.html.split('@')[1] : 'none'));
    expect(answers.map((answer) => (answer.kind === 'body' ? answer.html.split('@')[0] : answer.kind))).toEqual(['?q=a', '?q=b', '?q=c', '?q=d']);
    expect(new Set(threads).size).toBe(2);
    expect(threads[0]).toBe(threads[2]);
  });

  it('declines what a thread had in hand when it dies, and starts another', async () => {
    workers = new SearchWorkers({ file, threads: 1 });
    expect(await workers.ask(request('thoat'))).toMatchObject({ kind: 'declined', reason: expect.stringContaining('exited') });
    expect(await workers.ask(request('tiep'))).toMatchObject({ kind: 'body', html: expect.stringContaining('?q=tiep@') });
  });

  it('declines a request not answered in time, and replaces the worker stuck on it', async () => {
    workers = new SearchWorkers({ file, threads: 2, timeoutMs: 200 });
    const stuck = workers.ask(request('im'));
    for (const q of ['a', 'b', 'c']) expect((await workers.ask(request(q))).kind, 'the others go to the free worker').toBe('body');
    expect(await stuck).toMatchObject({ kind: 'declined', reason: 'no answer within 200 ms' });
    const after = await Promise.all(['d', 'e', 'f', 'g'].map((q) => workers!.ask(request(q))));
    expect(after.map((answer) => answer.kind)).toEqual(['body', 'body', 'body', 'body']);
  });

  it('declines at once when every worker has its fill', async () => {
    workers = new SearchWorkers({ file, threads: 1, maxInFlight: 2 });
    const answers = await Promise.all(['a', 'b', 'c'].map((q) => workers!.ask(request(q))));
    expect(answers.map((answer) => answer.kind)).toEqual(['body', 'body', 'declined']);
  });

  it('pauses after workers keep failing before their first answer, so search falls back without a storm of restarts', async () => {
    const broken = path.join(dir, 'broken.mjs');
    fs.writeFileSync(broken, "throw new Error('bundle broken');");
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      workers = new SearchWorkers({ file: broken, threads: 1, pauseMs: 60_000 });
      for (let i = 0; i < 3; i++) expect((await workers.ask(request('a'))).kind).toBe('declined');
      expect(await workers.ask(request('a'))).toEqual({ kind: 'declined', reason: 'search workers paused after failing' });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
