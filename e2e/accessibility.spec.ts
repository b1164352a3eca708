import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seedArticlePath } from './fixtures';
import { signedInContext } from './session';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, path).toEqual([]);
}

const readerPages = ['/', '/tin-trong-tinh', '/tin-trong-tinh?page=2', seedArticlePath, '/tim-kiem?q=giao+duc', '/tim-kiem?q=khongcoketqua', '/the/giao-duc', '/tac-gia/huyen-trang', '/dang-nhap'];

for (const path of readerPages) {
  test(`no WCAG 2.1 A/AA violations on ${path}`, async ({ page }) => {
    await expectNoViolations(page, path);
  });
}

test('no WCAG 2.1 A/AA violations on the 404 pages', async ({ page }) => {
  await expectNoViolations(page, '/khong-co-trang-nay', 404);
  await expectNoViolations(page, '/tin-trong-tinh/khong-co-bai-nay', 404);
});

test('no WCAG 2.1 A/AA violations in high-contrast mode and at the largest text size', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('contrast', 'high');
    localStorage.setItem('text-size', 'rat-lon');
  });
  await expectNoViolations(page, seedArticlePath);
});

test('a keyboard reaches the skip link first, then the content', async ({ page }) => {
  await page.goto(seedArticlePath);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#noi-dung$/);
});

test.describe('dashboard pages', () => {
  const dashboardPages = ['/quan-tri', '/quan-tri/bai-viet/moi', '/quan-tri/bai-viet/1', '/quan-tri/bai-viet/1/xem-truoc', '/quan-tri/thu-vien-anh', '/quan-tri/chuyen-muc', '/quan-tri/tu-khoa', '/quan-tri/nguoi-dung', '/quan-tri/nhat-ky'];
  for (const path of dashboardPages) {
    test(`no WCAG 2.1 A/AA violations on ${path}`, async ({ browser, baseURL }) => {
      const api = await signedInContext(baseURL!, 'admin@example.com');
      const context = await browser.newContext({ storageState: await api.storageState() });
      const page = await context.newPage();
      await expectNoViolations(page, path);
      await context.close();
      await api.dispose();
    });
  }
});
