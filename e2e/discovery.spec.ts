import { expect, test } from '@playwright/test';
import { seedArticlePath, seedArticleTitle } from './fixtures';

test.describe('search', () => {
  test('finds the same articles with and without diacritics, highlighted', async ({ page }) => {
    await page.goto('/');
    const header = page.getByRole('banner');
    await header.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('giáo dục');
    await header.getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(/\/tim-kiem\?q=/);
    const heading = page.getByRole('heading', { level: 2, name: /Tìm thấy \d+ bài viết/ });
    await expect(heading).toBeVisible();
    const withMarks = await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents();
    await expect(page.getByRole('main').locator('mark').first()).toBeVisible();

    await page.goto('/tim-kiem?q=giao+duc');
    const without = await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents();
    expect(without).toEqual(withMarks);
    expect(without.length).toBeGreaterThan(0);
    const marks = await page.getByRole('main').locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('giáo');

    // "đ" matches "d".
    await page.goto('/tim-kiem?q=doan+hung');
    await expect(page.getByRole('heading', { level: 2, name: /Tìm thấy/ })).toBeVisible();
    await expect(page.getByRole('main').locator('mark', { hasText: 'Đoan' }).first()).toBeVisible();
  });

  test('filters by section and paginates, and helps when nothing is found', async ({ page }) => {
    await page.goto('/tim-kiem');
    await page.getByRole('searchbox', { name: 'Từ khóa' }).fill('tỉnh');
    await page.getByRole('combobox', { name: 'Chuyên mục' }).selectOption({ label: 'Giáo dục' });
    await page.getByRole('main').getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(page).toHaveURL(/section=giao-duc/);
    const sections = await page.getByRole('main').getByRole('article').locator('p span.uppercase').allTextContents();
    expect(sections.length).toBeGreaterThan(0);
    expect(new Set(sections)).toEqual(new Set(['Giáo dục']));

    await page.goto('/tim-kiem?q=t%E1%BB%89nh');
    const next = page.getByRole('link', { name: 'Trang sau →' });
    await expect(next).toBeVisible();
    await next.click();
    await expect(page.getByText(/Trang 2\//)).toBeVisible();

    await page.goto('/tim-kiem?q=xyzkhongcogi');
    await expect(page.getByRole('heading', { name: /Không tìm thấy bài viết nào/ })).toBeVisible();
    await expect(page.getByText('Kiểm tra lỗi chính tả')).toBeVisible();
  });

  test('a wrong date is named and left out, the words are kept and searched, and a page past the end leads to the last', async ({ page }) => {
    await page.goto('/tim-kiem?q=t%E1%BB%89nh&from=2026-13-45');
    await expect(page.getByRole('alert')).toHaveText('Ngày không hợp lệ.');
    await expect(page.getByRole('searchbox', { name: 'Từ khóa' })).toHaveValue('tỉnh');
    await expect(page.getByRole('heading', { level: 2, name: /Tìm thấy \d+ bài viết cho “tỉnh”/ })).toBeVisible();

    const long = 'bưởi '.repeat(50);
    await page.goto(`/tim-kiem?q=${encodeURIComponent(long)}`);
    await expect(page.getByRole('alert')).toHaveText('Từ khóa tìm kiếm tối đa 200 ký tự.');
    await expect(page.getByRole('searchbox', { name: 'Từ khóa' })).toHaveValue(long);

    await page.goto('/tim-kiem?q=t%E1%BB%89nh&page=999');
    await expect(page).toHaveURL(/page=\d+/);
    const [, current, last] = /Trang (\d+)\/(\d+)/.exec((await page.getByText(/Trang \d+\/\d+/).textContent()) ?? '') ?? [];
    expect(Number(current)).toBeGreaterThan(1);
    expect(current).toBe(last);
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  });
});

test('search results are rendered beside the page server, inside the site page with its header, menu and footer', async ({ page }) => {
  const response = await page.goto(`/tim-kiem?q=giao+duc&lan=${Date.now()}`);
  // The search workers say how long the search and its rendering took (lib/server/search-pages.mjs).
  expect(response?.headers()['server-timing']).toMatch(/^search-worker;dur=\d+(\.\d+)?$/);
  await expect(page).toHaveTitle(/^Tìm kiếm/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Giáo dục' }).first()).toBeAttached();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Tìm thấy \d+ bài viết cho “giao duc”/ })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Từ khóa' })).toHaveValue('giao duc');
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  // The page's interactive parts start as on every reader page.
  const contrast = page.getByRole('button', { name: 'Tương phản cao' });
  await contrast.click();
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await contrast.click();
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');
});

test('the byline leads to the author page, and tags to tag pages', async ({ page }) => {
  await page.goto(seedArticlePath);
  await page.getByRole('article').getByRole('link', { name: 'Huyền Trang' }).click();
  await expect(page).toHaveURL('/tac-gia/huyen-trang');
  await expect(page.getByRole('heading', { level: 1, name: 'Huyền Trang' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: seedArticleTitle })).toBeVisible();

  await page.goto(seedArticlePath);
  await page.getByRole('list', { name: 'Từ khóa' }).getByRole('link', { name: 'Giáo dục' }).click();
  await expect(page).toHaveURL('/the/giao-duc');
  await expect(page.getByRole('heading', { level: 1, name: 'Giáo dục' })).toBeVisible();
  expect(await page.getByRole('main').getByRole('article').count()).toBeGreaterThan(1);
  expect((await page.request.get('/the/khong-co-the-nay')).status()).toBe(404);
  expect((await page.request.get('/tac-gia/khong-ai-ca')).status()).toBe(404);
});

test('an article offers related reading and counts the reading with a beacon', async ({ page }) => {
  const beacon = page.waitForRequest((r) => /\/api\/articles\/\d+\/view$/.test(r.url()) && r.method() === 'POST');
  await page.goto(seedArticlePath);
  expect((await beacon).url()).toMatch(/\/view$/);
  const related = page.getByRole('region', { name: 'Tin liên quan' });
  await expect(related).toBeVisible();
  expect(await related.getByRole('article').count()).toBeGreaterThan(0);
});

test.describe('share', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the link with a confirmation; Facebook is a plain link; no third-party script', async ({ page }) => {
    const outside: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname)) outside.push(r.url());
    });
    await page.goto(seedArticlePath);
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await expect(page.getByText('Đã sao chép liên kết bài viết.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(seedArticlePath);
    const facebook = page.getByRole('link', { name: /Facebook/ });
    expect(await facebook.getAttribute('href')).toContain(encodeURIComponent(seedArticlePath));
    expect(outside).toEqual([]);
  });
});

test('high-contrast reading mode is remembered', async ({ page }) => {
  await page.goto(seedArticlePath);
  const toggle = page.getByRole('button', { name: 'Tương phản cao' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await page.goto('/kinh-te');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(page.getByRole('button', { name: 'Tương phản cao' })).toHaveAttribute('aria-pressed', 'true');
});
