import { expect, test } from '@playwright/test';

test('the home page leads with the newest story, then the latest and a block per section', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('region', { name: 'Tin nổi bật' }).getByRole('heading', { level: 3 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tin mới nhất' })).toBeVisible();
  for (const name of ['Tin trong tỉnh', 'Kinh tế', 'Văn hóa - Xã hội', 'Giáo dục', 'Thể thao', 'Du lịch']) {
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await page.getByRole('region', { name: 'Tin nổi bật' }).getByRole('heading').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Cỡ chữ' })).toBeVisible();
});

test('section pages paginate with ?page= and answer 404 past the end', async ({ page, request }) => {
  await page.goto('/tin-trong-tinh');
  await expect(page.getByRole('heading', { level: 1, name: 'Tin trong tỉnh' })).toBeVisible();
  const firstPageTitles = await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents();
  expect(firstPageTitles.length).toBe(6);
  const pageCount = Number((await page.getByText(/^Trang 1\/\d+$/).textContent())!.split('/')[1]);
  expect(pageCount).toBeGreaterThanOrEqual(2);
  await page.getByRole('link', { name: 'Trang sau →' }).click();
  await expect(page).toHaveURL(/\/tin-trong-tinh\?page=2$/);
  await expect(page.getByText(`Trang 2/${pageCount}`)).toBeVisible();
  const secondPageTitles = await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents();
  expect(secondPageTitles.length).toBeGreaterThan(0);
  expect(secondPageTitles.some((t) => firstPageTitles.includes(t))).toBe(false);
  await page.getByRole('link', { name: '← Trang trước' }).click();
  await expect(page).toHaveURL(/\/tin-trong-tinh$/);

  // The seed article from 2019 is the oldest in its section: last on the last page.
  await page.goto(`/tin-trong-tinh?page=${pageCount}`);
  const lastTitles = await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents();
  expect(lastTitles.at(-1)).toContain('Đẩy mạnh truyền thông');
  await expect(page.getByRole('link', { name: 'Trang sau →' })).toHaveCount(0);

  expect((await request.get(`/tin-trong-tinh?page=${pageCount + 1}`)).status()).toBe(404);
  expect((await request.get('/tin-trong-tinh?page=0')).status()).toBe(404);
});

test('unknown addresses answer 404 with a Vietnamese page, readable without JavaScript', async ({ browser, request }) => {
  const paths = ['/khong-co-chuyen-muc-nay', '/tin-trong-tinh/khong-co-bai-nay', '/the/khong-co-the-nay', '/tac-gia/khong-co-ai', '/a/b/c/d'];
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    // The HTML itself holds the page (not only Next.js's payload for its client runtime).
    expect(await response?.text(), path).toContain('<html lang="vi"');
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Về trang chủ' })).toBeVisible();
    await expect(page).toHaveTitle(/Không tìm thấy trang/);
  }
  // The reader can search from there.
  await page.getByRole('searchbox', { name: 'Tìm bài viết' }).fill('giáo dục');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=gi%C3%A1o\+d%E1%BB%A5c/);
  await expect(page.getByRole('heading', { name: /Tìm thấy \d+ bài viết/ })).toBeVisible();
  await context.close();
  expect((await request.get('/media/999999/khong-co.jpg')).status()).toBe(404);
});

test('health reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.database.status).toBe('up');
  expect(['sqlite', 'postgres']).toContain(body.database.dialect);
  expect(body.database.articles).toBeGreaterThanOrEqual(31);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('pages fit the screen and sections are in a menu', async ({ page }) => {
    for (const path of ['/', '/kinh-te', '/tin-trong-tinh']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Chuyên mục chính' })).toBeHidden();
    // The menu closes as menus do: Escape (back on its button), or a tap elsewhere.
    const menu = page.getByRole('navigation', { name: 'Chuyên mục', exact: true });
    await page.getByText('Chuyên mục', { exact: true }).click();
    await expect(menu).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await page.getByText('Chuyên mục', { exact: true }).click();
    await expect(menu).toBeVisible();
    await page.getByRole('main').tap({ position: { x: 20, y: 400 } });
    await expect(menu).toBeHidden();
    await page.getByText('Chuyên mục', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Chuyên mục', exact: true }).getByRole('link', { name: 'Du lịch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Du lịch' })).toBeVisible();
    await page.getByRole('main').getByRole('article').first().getByRole('heading').getByRole('link').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
