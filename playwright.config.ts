import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Set here when run alone, so the tests (worker processes inherit it) know the server's database.
process.env.E2E_DATABASE_URL ??= `file:/tmp/news-e2e-${Date.now()}.db`;

/**
 * End-to-end tests against the production build (`next build` first), in
 * Debian's Chromium. The server gets a fresh database from scripts/test-all.sh
 * (E2E_DATABASE_URL), or a new SQLite file when run alone.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production server, as `npm start` runs it (server.mjs: Next.js plus the hashed
    // Content-Security-Policy, compression and graceful shutdown).
    command: 'npm start',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-not-for-production',
      NEXTAUTH_URL: baseURL,
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      // The suite acts as one proxy hop, so a test can speak for a client address with
      // X-Forwarded-For (the rate-limit tests); without the header every test shares one address.
      TRUSTED_PROXY_HOPS: '1',
      RATE_LIMIT_SIGN_IN: '200',
      RATE_LIMIT_SEARCH: '600',
      RATE_LIMIT_RATING: '300',
      // Scheduled articles are checked often so the end-to-end test of scheduling stays short.
      SCHEDULER_INTERVAL_MS: '2000',
      // The server must show Vietnam time whatever zone it runs in.
      TZ: 'America/New_York',
    },
  },
});
