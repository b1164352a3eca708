#!/usr/bin/env node
/**
 * npm run lighthouse: Lighthouse 12.2.3 (mobile) on the seed article with
 * Debian's Chromium, against the production build (run `npm run build` first).
 * Prints the four scores, CLS, LCP and TBT.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PORT = 3600;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lh-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: `file:${path.join(work, 'lh.db')}`, NEXTAUTH_SECRET: 'lh', NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, SITE_URL: `http://127.0.0.1:${PORT}`, PORT: String(PORT) };
const server = spawn(process.execPath, ['server.mjs'], { cwd: root, env, detached: true, stdio: 'ignore' });
process.on('exit', () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
});
for (let i = 0; i < 200; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 300));
}
const section = await (await fetch(`http://127.0.0.1:${PORT}/tin-trong-tinh?page=2`)).text();
const articlePath = section.match(/href="(\/tin-trong-tinh\/day-manh[^"]*)"/)[1];
const url = `http://127.0.0.1:${PORT}${articlePath}`;
for (let i = 0; i < 3; i++) await fetch(url);

const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage';
function audit(label, extra = []) {
  const out = path.join(work, `${label}.json`);
  execFileSync('npx', ['-y', 'lighthouse@12.2.3', url, '--quiet', `--chrome-flags=${flags}`, '--output=json', `--output-path=${out}`, '--form-factor=mobile', ...extra], {
    cwd: root,
    env: { ...env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const score = (k) => Math.round(report.categories[k].score * 100);
  console.log(
    `${label}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}, CLS ${report.audits['cumulative-layout-shift'].numericValue.toFixed(3)}, LCP ${(report.audits['largest-contentful-paint'].numericValue / 1000).toFixed(2)} s, TBT ${Math.round(report.audits['total-blocking-time'].numericValue)} ms`,
  );
}
audit('article (mobile)');
// CLS after a saved text-size change is measured in e2e/article.spec.ts (Lighthouse cannot set localStorage before load).
process.exit(0);
