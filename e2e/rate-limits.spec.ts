import { expect, test, type APIResponse } from '@playwright/test';
import sharp from 'sharp';
import { signedInContext } from './session';

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

/**
 * Sends `send()` `perBatch` at a time until one is refused (429) or `most` were answered; every
 * answer before that must have the status `expected`. Returns how many were answered, and the refusal.
 */
async function sendUntilRefused(send: () => Promise<APIResponse>, perBatch: number, expected: number, most: number) {
  let answered = 0;
  let refused: APIResponse | undefined;
  while (!refused && answered < most) {
    for (const response of await Promise.all(Array.from({ length: perBatch }, send))) {
      if (response.status() === 429) refused ??= response;
      else {
        expect(response.status()).toBe(expected);
        answered++;
      }
    }
  }
  return { answered, refused };
}

/** A client address of its own for each test run (the server trusts one proxy hop). */
const ownAddress = (prefix: string) => `${prefix}.${Math.floor(Math.random() * 200) + 20}`;

test('search from one address is cut off with 429 and Retry-After (limit 600/min in the test server)', async ({ request }) => {
  const headers = { 'X-Forwarded-For': ownAddress('198.51.100'), Accept: 'text/html' };
  // Eight at a time; the empty search form is the cheapest page behind the limit.
  const { answered, refused } = await sendUntilRefused(() => request.get('/tim-kiem', { headers }), 8, 200, 1300);
  expect(refused, 'no 429 after 1,300 searches').toBeDefined();
  expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await refused!.text()).toContain('Vui lòng thử lại sau');
  // A minute boundary during the run may open one more window.
  expect(answered).toBeGreaterThanOrEqual(600);
  expect(answered).toBeLessThanOrEqual(1200);
  expect((await request.get('/tim-kiem', { headers: { 'X-Forwarded-For': '192.0.2.78' } })).status()).toBe(200);
});

test('searches with words are counted against the same limit (they are answered by the search workers)', async ({ request }) => {
  // A range of its own: an address drawn in the test above has used up its searches for the minute.
  const headers = { 'X-Forwarded-For': ownAddress('198.18.0'), Accept: 'text/html' };
  let n = 0;
  // A new query each time: a query asked again within 15 s is answered from memory, without counting.
  const { answered, refused } = await sendUntilRefused(() => request.get(`/tim-kiem?q=le+hoi&lan=${Date.now()}-${n++}`, { headers }), 8, 200, 1300);
  expect(refused, 'no 429 after 1,300 searches').toBeDefined();
  expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(0);
  expect(refused!.headers()['cache-control']).toBe('private, no-store');
  expect(refused!.headers()['x-content-type-options']).toBe('nosniff');
  expect(await refused!.text()).toContain('Vui lòng thử lại sau');
  expect(answered).toBeGreaterThanOrEqual(600);
  expect(answered).toBeLessThanOrEqual(1200);
});

test('votes from one address are cut off with 429 and Retry-After (limit 300/min in the test server)', async ({ request }) => {
  const headers = { 'X-Forwarded-For': ownAddress('203.0.113'), 'Content-Type': 'application/json' };
  const home = await (await request.get('/')).text();
  const articlePath = home.match(/href="(\/tin-trong-tinh\/[a-z0-9-]+)"/)![1]!;
  const articleId = (await (await request.get(articlePath)).text()).match(/\/api\/articles\/(\d+)\/rating/)![1];
  // Invalid votes (0 stars) count against the limit like valid ones, and leave the article's rating alone.
  const vote = () => request.post(`/api/articles/${articleId}/rating`, { headers, data: { stars: 0 } });
  const { answered, refused } = await sendUntilRefused(vote, 10, 422, 650);
  expect(refused, 'no 429 after 650 votes').toBeDefined();
  expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refused!.json()).error).toContain('Vui lòng thử lại sau');
  expect(answered).toBeGreaterThanOrEqual(300);
  expect(answered).toBeLessThanOrEqual(600);
});

test('uploads are limited per account: the 61st image in ten minutes is refused with 429', async ({ baseURL }) => {
  const admin = await signedInContext(baseURL!, 'admin@example.com');
  const email = `anh-${Date.now()}@example.com`;
  expect((await admin.post('/api/users', { data: { email, displayName: 'Phóng viên ảnh', role: 'reporter', password: 'mat-khau-anh-1' } })).status()).toBe(201);
  const reporter = await signedInContext(baseURL!, email, 'mat-khau-anh-1');
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a33' } }).png().toBuffer();
  const upload = (i: number) => reporter.post('/api/media', { multipart: { file: { name: `anh-${i}.png`, mimeType: 'image/png', buffer: png }, alt: `Ảnh số ${i}` } });
  for (let i = 0; i < 60; i++) expect((await upload(i)).status(), `upload ${i + 1}`).toBe(201);
  const refused = await upload(60);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refused.json()).error).toContain('Vui lòng thử lại sau');
  // Another account is not affected.
  expect((await admin.post('/api/media', { multipart: { file: { name: 'khac.png', mimeType: 'image/png', buffer: png }, alt: 'Ảnh khác' } })).status()).toBe(201);
  await reporter.dispose();
  await admin.dispose();
});

test('five wrong passwords lock the account for every address, even with the right password next', async ({ baseURL, request }) => {
  const admin = await signedInContext(baseURL!, 'admin@example.com');
  const email = `khoa-mat-khau-${Date.now()}@example.com`;
  expect((await admin.post('/api/users', { data: { email, displayName: 'Tài khoản bị dò', role: 'reporter', password: 'mat-khau-dung-1' } })).status()).toBe(201);
  await admin.dispose();
  const attempt = async (password: string, address: string) => {
    const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
    const response = await request.post('/api/auth/callback/credentials', {
      headers: { 'X-Forwarded-For': address },
      form: { csrfToken, email, password, json: 'true' },
      maxRedirects: 0,
    });
    return (await response.text()).includes('error=');
  };
  // From five different addresses, so only the account's own counter can add up.
  for (let i = 0; i < 5; i++) expect(await attempt('sai-mat-khau', `192.0.2.${100 + i}`)).toBe(true);
  expect(await attempt('mat-khau-dung-1', '192.0.2.120')).toBe(true);
  await expect(signedInContext(baseURL!, email, 'mat-khau-dung-1')).rejects.toThrow();
});
