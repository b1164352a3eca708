import { expect, test } from '@playwright/test';
import { measureLayoutShift, seedArticleFormerPath, seedArticlePath, seedArticleTitle } from './fixtures';
import { signedInContext } from './session';

test.describe('the seed article', () => {
  test('shows every part of the portal page', async ({ page }) => {
    const response = await page.goto(seedArticlePath);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page).toHaveTitle(new RegExp('Đẩy mạnh truyền thông'));

    const article = page.getByRole('article');
    await expect(article.getByRole('link', { name: 'Tin trong tỉnh' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: seedArticleTitle })).toBeVisible();
    // Vietnam time, although the server runs in New York and the browser in London.
    await expect(article.locator('time').first()).toHaveText('09/10/2019 15:34');

    const sizes = page.getByRole('group', { name: 'Cỡ chữ' });
    await expect(sizes.getByRole('button', { name: 'Chữ vừa' })).toHaveAttribute('aria-pressed', 'true');
    await expect(sizes.getByRole('button', { name: 'Chữ lớn' })).toHaveAttribute('aria-pressed', 'false');

    const email = page.getByRole('link', { name: 'Email' });
    const href = decodeURIComponent((await email.getAttribute('href')) ?? '');
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    expect(href).toContain(seedArticleTitle);
    expect(href).toContain(seedArticlePath);
    await expect(page.getByRole('button', { name: 'In bài' })).toBeVisible();

    await expect(article.getByText(/^PhuthoPortal - Đó là nội dung quan trọng/)).toBeVisible();
    await expect(article.locator('figcaption', { hasText: 'Đại biểu tham gia thảo luận tại hội nghị' })).toBeVisible();
    await expect(article.locator('figcaption', { hasText: 'Quang cảnh hội nghị' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Đại biểu tham gia thảo luận tại hội nghị' })).toBeVisible();
    await expect(article.getByText(/^Dự hội nghị có đại diện lãnh đạo Sở Thông tin/)).toBeVisible();
    await expect(article.getByText('Huyền Trang', { exact: true })).toBeVisible();

    const rating = page.getByRole('region', { name: /Đánh giá bài viết/ });
    await expect(rating.getByRole('heading', { name: /Đánh giá bài viết \(\d+\)/ })).toBeVisible();
    for (const stars of [1, 2, 3, 4, 5]) await expect(rating.getByRole('button', { name: `Đánh giá ${stars} sao` })).toBeVisible();
  });

  test('images load through the image optimizer', async ({ page }) => {
    await page.goto(seedArticlePath);
    const image = page.getByRole('img', { name: 'Quang cảnh hội nghị' });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  });

  test('an older address answers a permanent redirect to the current one', async ({ page, request }) => {
    const response = await request.get(seedArticleFormerPath, { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    // Next.js may repeat the header on a cache miss; every copy must name the current URL.
    const locations = response.headersArray().filter((h) => h.name.toLowerCase() === 'location');
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) expect(new URL(location.value, 'http://x').pathname).toBe(seedArticlePath);
    const wrongSection = await request.get(seedArticlePath.replace('tin-trong-tinh', 'kinh-te'), { maxRedirects: 0 });
    expect([301, 308]).toContain(wrongSection.status());
    await page.goto(seedArticleFormerPath);
    await expect(page).toHaveURL(seedArticlePath);
    // A client cannot skip the check by claiming the server already made it.
    const forged = await request.get(seedArticleFormerPath, { maxRedirects: 0, headers: { 'x-news-server': '1' } });
    expect(forged.status()).toBe(301);
  });

  test('an article renamed after publication answers 301 at its old address within seconds', async ({ request, baseURL }) => {
    const editor = await signedInContext(baseURL!, 'editor@example.com');
    const sections = (await (await editor.get('/api/sections')).json()) as Array<{ id: number; slug: string }>;
    const word = Date.now().toString(36);
    const created = await (
      await editor.post('/api/articles', {
        data: { title: `Bài sẽ đổi tên ${word}`, lead: 'Sapo.', sectionId: sections[0]!.id, tags: [], coverMediaId: null, byline: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] } },
      })
    ).json();
    const live = await (await editor.post(`/api/articles/${created.id}/workflow`, { data: { action: 'publish' } })).json();
    const oldPath = `/${sections[0]!.slug}/${live.slug}`;
    expect((await request.get(oldPath)).status()).toBe(200);
    const staged = await (await editor.patch(`/api/articles/${created.id}`, { data: { version: live.version, slug: `bai-da-doi-ten-${word}` } })).json();
    const renamed = await (await editor.post(`/api/articles/${created.id}/workflow`, { data: { action: 'publishPending', version: staged.version } })).json();
    expect(renamed.slug, JSON.stringify({ staged, renamed })).toBe(`bai-da-doi-ten-${word}`);
    // The server learns of former slugs every 5 s (lib/jobs.ts); until then the old address is not found.
    await expect.poll(async () => (await request.get(oldPath, { maxRedirects: 0 })).status(), { timeout: 10_000 }).toBe(301);
    const moved = await request.get(oldPath, { maxRedirects: 0 });
    expect(new URL(moved.headers()['location']!, 'http://x').pathname).toBe(`/${sections[0]!.slug}/bai-da-doi-ten-${word}`);
    await editor.dispose();
  });
});

test.describe('text size', () => {
  test('changes, survives a reload and another article, without layout shift', async ({ page }) => {
    await page.goto(seedArticlePath);
    const body = page.getByText(/^Dự hội nghị có đại diện/);
    const before = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

    await page.getByRole('button', { name: 'Chữ lớn' }).click();
    await expect(page.getByRole('button', { name: 'Chữ lớn' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Chữ vừa' })).toHaveAttribute('aria-pressed', 'false');
    const larger = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(larger).toBeGreaterThan(before);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Chữ lớn' })).toHaveAttribute('aria-pressed', 'true');
    expect(await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(larger);
    expect(await page.evaluate(measureLayoutShift)).toBe(0);

    // Another article, reached from the section page.
    await page.goto('/kinh-te');
    await page.getByRole('main').getByRole('article').first().getByRole('heading').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Chữ lớn' })).toHaveAttribute('aria-pressed', 'true');
    const paragraph = page.getByRole('article').locator('.article-text p').first();
    expect(await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(larger);
    expect(await page.evaluate(measureLayoutShift)).toBe(0);

    await page.getByRole('button', { name: 'Chữ nhỏ' }).click();
    expect(await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeLessThan(before);
  });

  test('the size is applied before the first paint', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('text-size', 'rat-lon'));
    // Record the attribute as soon as the body exists, before any React code runs.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { sizeAtParse: string | null }).sizeAtParse = document.documentElement.getAttribute('data-text-size');
      });
    });
    await page.goto(seedArticlePath);
    expect(await page.evaluate(() => (window as unknown as { sizeAtParse: string | null }).sizeAtParse)).toBe('rat-lon');
    expect(await page.evaluate(measureLayoutShift)).toBe(0);
  });
});

test.describe('email and print', () => {
  test('the print button opens the print dialog', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.goto(seedArticlePath);
    await page.getByRole('button', { name: 'In bài' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  test('print layout keeps the article and drops navigation and controls', async ({ page }) => {
    await page.goto(seedArticlePath);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1, name: seedArticleTitle })).toBeVisible();
    await expect(page.getByText('09/10/2019 15:34')).toBeVisible();
    await expect(page.getByText('Quang cảnh hội nghị', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('Huyền Trang', { exact: true })).toBeVisible();
    await expect(page.getByText(/Địa chỉ bài viết: http/)).toBeVisible();
    await expect(page.getByText(/Địa chỉ bài viết: http/)).toContainText(seedArticlePath);

    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Đường dẫn' })).toBeHidden();
    await expect(page.getByRole('group', { name: 'Cỡ chữ' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'In bài' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Email' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Đánh giá 5 sao' })).toBeHidden();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows no control that cannot work, and rating still posts', async ({ page }) => {
    await page.goto(seedArticlePath);
    await expect(page.getByRole('heading', { level: 1, name: seedArticleTitle })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Cỡ chữ' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'In bài' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Email' })).toBeVisible();
    await page.getByRole('button', { name: 'Đánh giá 5 sao' }).click();
    await expect(page.getByText(/Cảm ơn bạn đã đánh giá|Bạn đã đánh giá bài viết này rồi/)).toBeVisible();
    await page.getByRole('link', { name: 'Quay lại bài viết' }).click();
    await expect(page).toHaveURL(seedArticlePath);
  });
});
