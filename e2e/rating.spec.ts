import { expect, test } from '@playwright/test';

// A user agent of its own, so this run's votes never collide with an earlier run's hashed address.
test.use({ userAgent: `Mozilla/5.0 e2e-rating-${Date.now()}` });

test('a reader rates an article once; the count is live', async ({ page }) => {
  await page.goto('/the-thao');
  await page.getByRole('main').getByRole('article').first().getByRole('heading').getByRole('link').click();
  const rating = page.getByRole('region', { name: /Đánh giá bài viết/ });
  const heading = rating.getByRole('heading');
  await expect(heading).toHaveText(/\(\d+\)/);
  const before = Number((await heading.textContent())!.match(/\((\d+)\)/)![1]);

  await rating.getByRole('button', { name: 'Đánh giá 4 sao' }).click();
  await expect(rating.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá 4 sao.');
  await expect(heading).toHaveText(`Đánh giá bài viết (${before + 1})`);
  // The stars given show at once, and only the fourth is "pressed" for screen readers.
  const pressed = () => rating.getByRole('button', { pressed: true });
  await expect(pressed()).toHaveAccessibleName('Đánh giá 4 sao');

  // The page itself is cached; the count still shows the vote after a reload.
  await page.reload();
  await expect(heading).toHaveText(`Đánh giá bài viết (${before + 1})`);
  await expect(pressed()).toHaveAccessibleName('Đánh giá 4 sao');
  await rating.getByRole('button', { name: 'Đánh giá 2 sao' }).click();
  await expect(rating.getByRole('status')).toHaveText(/Bạn đã đánh giá bài viết này rồi/);
  await expect(heading).toHaveText(`Đánh giá bài viết (${before + 1})`);
  // A second try does not wipe out the stars given.
  await expect(pressed()).toHaveAccessibleName('Đánh giá 4 sao');
});

test('the rating API refuses bad input with 422 and a Vietnamese message', async ({ request }) => {
  for (const body of [{ stars: 9 }, { stars: 'năm' }, {}]) {
    const response = await request.post('/api/articles/1/rating', { data: body });
    expect(response.status()).toBe(422);
    const json = await response.json();
    expect(json.fieldErrors.stars[0]).toMatch(/sao/);
  }
  const notJson = await request.post('/api/articles/1/rating', { data: 'không phải json', headers: { 'content-type': 'application/json' } });
  expect(notJson.status()).toBe(422);
  const badId = await request.post('/api/articles/abc/rating', { data: { stars: 3 } });
  expect(badId.status()).toBe(422);
  const missing = await request.post('/api/articles/999999/rating', { data: { stars: 3 } });
  expect(missing.status()).toBe(404);
  // Answered by the server itself (lib/server/votes.mjs), with the headers of every API answer.
  for (const response of [missing, badId]) {
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['x-robots-tag']).toBe('noindex');
  }
  const huge = await request.post('/api/articles/1/rating', { data: { stars: 3, padding: 'x'.repeat(20_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toBe('Nội dung gửi lên quá lớn.');
});

test('concurrent votes from different readers are all counted exactly once', async ({ playwright, baseURL }) => {
  const id = 2;
  const read = async () => (await (await fetch(`${baseURL}/api/articles/${id}/rating`)).json()).count as number;
  const before = await read();
  const stamp = Date.now();
  const results = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const ctx = await playwright.request.newContext({ baseURL, userAgent: `reader-${stamp}-${i}` });
      // Each reader double-clicks: two requests at once.
      const answers = await Promise.all([ctx.post(`/api/articles/${id}/rating`, { data: { stars: 5 } }), ctx.post(`/api/articles/${id}/rating`, { data: { stars: 5 } })]);
      const statuses = answers.map((a) => a.status());
      await ctx.dispose();
      return statuses;
    }),
  );
  expect(results.flat().filter((s) => s === 201)).toHaveLength(20);
  expect(results.flat().every((s) => s === 201 || s === 409)).toBe(true);
  expect(await read()).toBe(before + 20);
});
