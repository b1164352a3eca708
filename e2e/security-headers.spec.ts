import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { seedArticlePath } from './fixtures';
import { signedInContext } from './session';

/**
 * Response headers, and the Content-Security-Policy doing its job in Chromium:
 * every page names the hashes of its own inline scripts (server.mjs), so the
 * page works while a script someone manages to inject does not run.
 */

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

function scriptSources(policy: string): string[] {
  const directive = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

/** What the browser would run inline: scripts without src and without a data type. */
function executableInlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes!) && !/type="application\/(ld\+)?json"/.test(attributes!))
    .map(([, , body]) => body!);
}

/** Violations reported by the browser, collected from before any page script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe('headers on every page', () => {
  for (const path of ['/', seedArticlePath, '/tin-trong-tinh', '/tim-kiem?q=l%E1%BB%85+h%E1%BB%99i', '/dang-nhap', '/khong-co-trang-nay']) {
    test(`${path} names each of its inline scripts and allows no other inline script`, async ({ request }) => {
      const response = await request.get(path);
      const policy = response.headers()['content-security-policy'] ?? '';
      const allowed = scriptSources(policy);
      expect(allowed[0]).toBe("'self'");
      expect(allowed).not.toContain("'unsafe-inline'");
      expect(allowed).not.toContain("'unsafe-eval'");
      expect(policy).toContain("script-src-attr 'none'");
      expect(policy).toContain("frame-ancestors 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      const scripts = executableInlineScripts(await response.text());
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(allowed).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);

      const headers = response.headers();
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      // Served over plain HTTP here: HSTS is sent only when SITE_URL is https://.
      expect(headers['strict-transport-security']).toBeUndefined();
    });
  }

  test('the session cookie is HttpOnly and SameSite, never readable by page script', async ({ baseURL }) => {
    const editor = await signedInContext(baseURL!, 'editor@example.com');
    const session = (await editor.storageState()).cookies.find((cookie) => cookie.name.includes('session-token'));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    await editor.dispose();
  });
});

test.describe('the policy in the browser', () => {
  test('the article page works with no violation, and an injected script or handler does not run', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(seedArticlePath);
    // Hydrated: the text-size control responds (it is client code started by Next's inline scripts).
    const larger = page.getByRole('button', { name: 'Chữ lớn', exact: true });
    await larger.click();
    await expect(larger).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(/ĐÁNH GIÁ BÀI VIẾT/i)).toBeVisible();
    expect(violations).toEqual([]);

    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean; __handler?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__handler = true');
      document.body.append(button);
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { script: w.__injected === true, handler: w.__handler === true };
    });
    expect(ran).toEqual({ script: false, handler: false });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  });

  test('the dashboard editor works under the policy', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/dang-nhap');
    await page.getByLabel('Email').fill('editor@example.com');
    await page.getByLabel('Mật khẩu').fill('demo-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/quan-tri/);
    await page.goto('/quan-tri/bai-viet/moi');
    await expect(page.getByRole('textbox', { name: 'Tiêu đề', exact: true })).toBeVisible();
    await expect(page.locator('.ProseMirror')).toBeVisible();
    expect(violations).toEqual([]);
  });
});
