import { expect, test } from '@playwright/test';

// The e2e server trusts one proxy hop, so X-Forwarded-For names this test's own client address.
test('guessing preview links is cut off with 429 and Retry-After', async ({ request }) => {
  const headers = { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 200) + 20}`, Accept: 'text/html' };
  // Windows are fixed minutes: a run that crosses a minute boundary gets a fresh window once.
  const statuses: number[] = [];
  for (let i = 0; i < 125 && !statuses.includes(429); i++) {
    const response = await request.get(`/xem-truoc/${'x'.repeat(40)}${String(i).padStart(3, '0')}`, { headers });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      expect(await response.text()).toContain('Vui lòng thử lại sau');
    }
  }
  const first429 = statuses.indexOf(429);
  expect(first429).toBeGreaterThanOrEqual(60);
  expect(first429).toBeLessThanOrEqual(120);
  expect(statuses.slice(0, first429).every((s) => s === 404)).toBe(true);
  // Another reader is not affected.
  const other = await request.get(`/xem-truoc/${'y'.repeat(43)}`, { headers: { 'X-Forwarded-For': '192.0.2.77' } });
  expect(other.status()).toBe(404);
});

test('sign-in attempts from one address are cut off with 429 (limit 200/min in the test server)', async ({ request }) => {
  const headers = { 'X-Forwarded-For': `203.0.113.${Math.floor(Math.random() * 200) + 20}` };
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  let first429 = -1;
  for (let i = 0; i < 405 && first429 < 0; i++) {
    const response = await request.post('/api/auth/callback/credentials', {
      headers,
      form: { csrfToken, email: `doan-mo-${i}@example.com`, password: 'sai', json: 'true' },
      maxRedirects: 0,
    });
    if (response.status() === 429) {
      first429 = i;
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      expect((await response.json()).error).toContain('Vui lòng thử lại sau');
    }
  }
  // 200 a minute: the 201st attempt in one window is refused (a minute boundary may open one more window).
  expect(first429).toBeGreaterThanOrEqual(200);
  expect(first429).toBeLessThanOrEqual(400);
});
