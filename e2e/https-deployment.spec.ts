import { expect, test, request as playwrightRequest } from '@playwright/test';
import { OwnServer } from './own-server';

/**
 * The production set-up: TLS ends at nginx, which speaks HTTP to the site and says so in
 * X-Forwarded-Proto; SITE_URL and NEXTAUTH_URL are https://. Then every response carries HSTS,
 * the page policy upgrades stray http:// requests, and the session cookie is Secure.
 */

const own = new OwnServer('https', Number(process.env.E2E_HTTPS_PORT ?? 3192), {
  SITE_URL: 'https://tin.example',
  NEXTAUTH_URL: 'https://tin.example',
  TRUSTED_PROXY_HOPS: '1',
});

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);
test.beforeAll(() => own.start());
test.afterAll(() => own.stop());

const behindProxy = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'tin.example', 'X-Forwarded-For': '203.0.113.9' };

test('pages and API answers carry HSTS, and the page policy upgrades insecure requests', async () => {
  const api = await playwrightRequest.newContext({ baseURL: own.base, extraHTTPHeaders: behindProxy });
  for (const path of ['/', '/tin-trong-tinh', '/api/health', '/rss.xml']) {
    const response = await api.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
  }
  const home = await api.get('/');
  expect(home.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  await api.dispose();
});

test('the session cookie is Secure, HttpOnly and SameSite=Lax', async () => {
  const api = await playwrightRequest.newContext({ baseURL: own.base, extraHTTPHeaders: behindProxy });
  const csrf = await api.get('/api/auth/csrf');
  const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('csrf-token'));
  expect(csrfCookie?.value).toMatch(/^__Host-next-auth\.csrf-token=/);
  const { csrfToken } = await csrf.json();
  const signIn = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'editor@example.com', password: 'demo-password', json: 'true' },
    headers: { Cookie: csrfCookie!.value.split(';')[0]! },
    maxRedirects: 0,
  });
  const session = signIn.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session-token'));
  expect(session, await signIn.text()).toBeDefined();
  expect(session!.value).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session!.value).toMatch(/;\s*Secure/i);
  expect(session!.value).toMatch(/;\s*HttpOnly/i);
  expect(session!.value).toMatch(/;\s*SameSite=Lax/i);
  await api.dispose();
});
