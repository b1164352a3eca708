import { expect, test } from '@playwright/test';
import { seedArticlePath } from './fixtures';
import { draftThroughApi, workflow } from './articles';
import { setLeadBehindTheSite } from './database';
import { signedInContext } from './session';

/**
 * What a caching proxy in front (docs/nginx.conf) and browsers are told:
 * public pages may be shared and revalidated (s-maxage, stale-while-revalidate,
 * an ETag answered 304), anything carrying private data may not be stored.
 */

const PUBLIC = ['/', '/tin-trong-tinh', '/tin-trong-tinh?page=2', seedArticlePath, '/rss.xml', '/tin-trong-tinh/rss.xml', '/sitemap.xml', '/sitemaps/1.xml', '/sitemap-news.xml'];

for (const path of PUBLIC) {
  test(`${path} may be shared by a proxy, and answers 304 when unchanged`, async ({ request }) => {
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    const cacheControl = first.headers()['cache-control'] ?? '';
    expect(cacheControl).toMatch(/s-maxage=\d+/);
    expect(cacheControl).toMatch(/stale-while-revalidate=\d+/);
    expect(cacheControl).not.toMatch(/private|no-store/);
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^"[^"]+"$/);

    const unchanged = await request.get(path, { headers: { 'If-None-Match': etag! } });
    expect(unchanged.status()).toBe(304);
    expect(await unchanged.body()).toHaveLength(0);
    const other = await request.get(path, { headers: { 'If-None-Match': '"not-this-one"' } });
    expect(other.status()).toBe(200);
  });
}

test('tag and author pages are shared and revalidated too', async ({ request }) => {
  const article = await (await request.get(seedArticlePath)).text();
  const links = [...article.matchAll(/href="(\/(?:the|tac-gia)\/[a-z0-9-]+)"/g)].map((m) => m[1]!);
  expect(links.some((l) => l.startsWith('/tac-gia/'))).toBe(true);
  for (const path of new Set(links)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toMatch(/s-maxage=\d+.*stale-while-revalidate|stale-while-revalidate.*s-maxage/);
    expect(response.headers()['etag'], path).toBeTruthy();
  }
});

test('a publish changes the ETag, so a revalidating proxy gets the new page', async ({ request, baseURL }) => {
  const before = await request.get('/');
  const etag = before.headers()['etag']!;
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  const article = await draftThroughApi(editor, { title: `Tin mới cho bộ nhớ đệm ${Date.now()}` });
  try {
    await workflow(editor, article.id, 'publish');
    const after = await request.get('/', { headers: { 'If-None-Match': etag } });
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain(article.title);
    expect(after.headers()['etag']).not.toBe(etag);
  } finally {
    await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'unpublish' } });
    await editor.dispose();
  }
});

test('a publish refreshes the pages it made stale and leaves the cached pages of unrelated articles alone', async ({ request, baseURL }) => {
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  const seedPage = await (await request.get(seedArticlePath)).text();
  const seedId = Number(seedPage.match(/\/api\/articles\/(\d+)\/rating/)![1]);
  const seed = (await (await editor.get(`/api/articles/${seedId}`)).json()) as { lead: string };
  const sections = (await (await editor.get('/api/sections')).json()) as Array<{ id: number; slug: string }>;
  const elsewhere = sections.find((s) => s.slug !== 'tin-trong-tinh')!;
  const title = `Tin ở chuyên mục khác ${Date.now()}`;
  const article = await draftThroughApi(editor, { title, sectionSlug: elsewhere.slug, tags: [`Riêng ${Date.now()}`] });
  try {
    // The seed article's page is served from the page cache: a change behind the site's back does not show.
    await setLeadBehindTheSite(seedId, 'Sapo đổi ngầm, không qua tòa soạn.');
    expect(await (await request.get(seedArticlePath)).text()).not.toContain('Sapo đổi ngầm');

    await workflow(editor, article.id, 'publish');
    // The pages it made stale show it at once...
    expect(await (await request.get('/')).text()).toContain(title);
    expect(await (await request.get(`/${elsewhere.slug}`)).text()).toContain(title);
    // ...and an article page elsewhere, which cannot show it, was not refreshed: still the cached page.
    expect(await (await request.get(seedArticlePath)).text()).not.toContain('Sapo đổi ngầm');
  } finally {
    await setLeadBehindTheSite(seedId, seed.lead);
    await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'unpublish' } });
    await editor.dispose();
  }
});

test('the dashboard, previews and the API are never stored', async ({ baseURL, request }) => {
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  for (const path of ['/quan-tri', '/api/articles', '/api/me']) {
    const response = await editor.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toContain('no-store');
    expect(response.headers()['cache-control'], path).toContain('private');
    expect(response.headers()['etag'], path).toBeUndefined();
  }
  const signIn = await request.get('/quan-tri', { maxRedirects: 0 });
  expect(signIn.headers()['cache-control']).toContain('no-store');
  await editor.dispose();
});

test('search results are kept 15 s per query, may be shared as long, and answer 304 when unchanged', async ({ request }) => {
  const path = `/tim-kiem?q=l%E1%BB%85+h%E1%BB%99i&lan=${Date.now()}`;
  const first = await request.get(path);
  expect(first.status()).toBe(200);
  expect(first.headers()['cache-control']).toBe('public, max-age=0, s-maxage=15, stale-while-revalidate=15');
  expect(first.headers()['age']).toBeUndefined();
  const etag = first.headers()['etag']!;
  expect(etag).toBeTruthy();
  const again = await request.get(path);
  expect(again.headers()['age'], 'the second answer comes from memory').toBeDefined();
  expect(again.headers()['etag']).toBe(etag);
  expect(await again.text()).toBe(await first.text());
  expect((await request.get(path, { headers: { 'If-None-Match': etag } })).status()).toBe(304);
  // Another query is its own page.
  const other = await request.get(`/tim-kiem?q=giao+duc&lan=${Date.now()}`);
  expect(other.headers()['etag']).not.toBe(etag);
});

test('a publish shows in search at once, even for a query asked just before', async ({ request, baseURL }) => {
  const word = `tukhoa${Date.now().toString(36)}`;
  const path = `/tim-kiem?q=${word}`;
  const title = `Bài kiểm tra tìm kiếm ${word}`;
  // Found results link to the article, whose address ends with the word (the title itself is split by highlighting).
  const link = `-${word}"`;
  expect(await (await request.get(path)).text()).not.toContain(link);
  expect((await request.get(path)).headers()['age'], 'the query is now kept').toBeDefined();
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  const sections = (await (await editor.get('/api/sections')).json()) as Array<{ id: number }>;
  const article = await (
    await editor.post('/api/articles', {
      data: { title, lead: 'Sapo.', sectionId: sections[0]!.id, tags: [], coverMediaId: null, byline: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] } },
    })
  ).json();
  try {
    expect((await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'publish' } })).status()).toBe(200);
    const after = await request.get(path);
    expect(after.headers()['age']).toBeUndefined();
    expect(await after.text()).toContain(link);
  } finally {
    await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'unpublish' } });
    await editor.dispose();
  }
});
