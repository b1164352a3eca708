import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedInContext } from './session';

let reporter: APIRequestContext;
let article: { id: number; slug: string; section: { slug: string }; title: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  reporter = await signedInContext(baseURL!, 'reporter@example.com');
  const sections = await (await reporter.get('/api/sections')).json();
  const title = `Bản nháp xem trước ${Date.now()}`;
  const created = await reporter.post('/api/articles', {
    data: {
      title,
      lead: 'Sapo của bản nháp chỉ người trong tòa soạn được thấy.',
      sectionId: sections[1].id,
      tags: ['Xem trước'],
      coverMediaId: null,
      byline: 'Huyền Trang',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn văn bí mật của bản nháp.' }] }] },
    },
  });
  expect(created.status()).toBe(201);
  article = await created.json();
});

test.afterAll(async () => reporter?.dispose());

test('a signed-in reporter previews the draft as readers will see it', async ({ browser }) => {
  const context = await browser.newContext({ storageState: await reporter.storageState() });
  const page = await context.newPage();
  const response = await page.goto(`/xem-truoc/bai-viet/${article.id}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toContain('no-store');
  expect(response?.headers()['cache-control']).toContain('private');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('note', { name: 'Bản xem trước' })).toContainText('Bản nháp – chưa xuất bản');
  await expect(page.getByRole('note', { name: 'Bản xem trước' })).toContainText('Bản nháp');
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  await expect(page.getByText('Đoạn văn bí mật của bản nháp.')).toBeVisible();
  // Same components as the public page: the text size control, byline and print action are there.
  await expect(page.getByRole('group', { name: 'Cỡ chữ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In bài' })).toBeVisible();

  // Having opened a preview, the public address of the draft is still a 404.
  const publicResponse = await page.goto(`/${article.section.slug}/${article.slug}`);
  expect(publicResponse?.status()).toBe(404);
  await context.close();
});

test('someone without an account opens a share link, until it is revoked', async ({ browser, request }) => {
  const made = await reporter.post(`/api/articles/${article.id}/preview-links`, { data: { expiresInHours: 48 } });
  expect(made.status()).toBe(201);
  const link = await made.json();
  expect(link.token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url

  const stranger = await browser.newContext(); // no cookies at all
  const page = await stranger.newPage();
  const response = await page.goto(link.path);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toContain('no-store');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  // Nothing there sends the article's public address, which answers 404 until it is published.
  await expect(page.getByRole('link', { name: 'Email' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sao chép liên kết' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Cỡ chữ' })).toBeVisible();

  const [listed] = await (await reporter.get(`/api/articles/${article.id}/preview-links`)).json();
  expect(listed).toMatchObject({ id: link.id, active: true, openCount: 1 });

  expect((await reporter.delete(`/api/articles/${article.id}/preview-links/${link.id}`)).status()).toBe(204);
  const revoked = await page.goto(link.path);
  expect(revoked?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Liên kết xem trước không còn hiệu lực' })).toBeVisible();
  await expect(page.getByText('Đoạn văn bí mật của bản nháp.')).toHaveCount(0);

  const guessed = await request.get(`/xem-truoc/${'A'.repeat(43)}`);
  expect(guessed.status()).toBe(404);
  await stranger.close();
});

test('a draft shows on no public page', async ({ request }) => {
  for (const path of ['/', `/${article.section.slug}`, `/${article.section.slug}/${article.slug}`]) {
    const response = await request.get(path);
    const html = await response.text();
    expect(html, path).not.toContain(article.title);
  }
});

test('the dashboard previews at phone and desktop widths and manages share links', async ({ browser }) => {
  const context = await browser.newContext({ storageState: await reporter.storageState(), permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`/quan-tri/bai-viet/${article.id}/xem-truoc`);
  await expect(page.getByRole('heading', { level: 1, name: 'Xem trước bài viết' })).toBeVisible();

  const phone = page.frameLocator('iframe[title="Xem trước ở độ rộng 375 px"]');
  await expect(phone.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  await expect(phone.getByText('Bản nháp – chưa xuất bản')).toBeVisible();
  await page.getByRole('button', { name: 'Máy tính (1280 px)' }).click();
  await expect(page.getByRole('button', { name: 'Máy tính (1280 px)' })).toHaveAttribute('aria-pressed', 'true');
  const desktop = page.frameLocator('iframe[title="Xem trước ở độ rộng 1280 px"]');
  await expect(desktop.getByRole('heading', { level: 1, name: article.title })).toBeVisible();

  await page.getByLabel('Hết hạn sau').selectOption({ label: '1 ngày' });
  // A double tap makes one link.
  const linksBefore = (await (await reporter.get(`/api/articles/${article.id}/preview-links`)).json()).length;
  await page.getByRole('button', { name: 'Tạo liên kết' }).dblclick();
  const url = await page.getByLabel('Liên kết mới (chỉ hiện một lần)').inputValue();
  await expect.poll(async () => (await (await reporter.get(`/api/articles/${article.id}/preview-links`)).json()).length).toBe(linksBefore + 1);
  expect(url).toMatch(/\/xem-truoc\/[A-Za-z0-9_-]{43}$/);

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  expect((await strangerPage.goto(url))?.status()).toBe(200);
  await expect(strangerPage.getByRole('heading', { level: 1, name: article.title })).toBeVisible();

  await page.reload();
  const newest = page.getByRole('listitem').filter({ hasText: 'Mở lần cuối' }).first();
  await expect(newest).toContainText('(1 lần)');
  // The list shows the link revoked at once (optimistic); the link is dead once the server has answered.
  const revoked = page.waitForResponse((r) => r.request().method() === 'DELETE' && /\/preview-links\/\d+$/.test(r.url()));
  await newest.getByRole('button', { name: /Thu hồi/ }).click();
  await expect(page.getByText(/Đã thu hồi lúc/).first()).toBeVisible();
  expect((await revoked).ok()).toBe(true);
  expect((await strangerPage.goto(url))?.status()).toBe(404);
  await stranger.close();
  await context.close();
});
