#!/usr/bin/env node
/**
 * npm run lighthouse: Lighthouse 12.2.3 (mobile) on the seed article with
 * Debian's Chromium, against the production build (run `npm run build` first).
 *
 * Two measures, each printing the four scores, CLS, LCP and TBT:
 * 1. the command-line audit of a first visit, as anyone would run it;
 * 2. a Lighthouse user flow in the same Chromium: a first visit, the reader
 *    choosing "Chữ lớn" (a timespan: any layout shift after the click counts),
 *    and a return visit with that size saved (applied before the first paint).
 *
 * package.json runs it under `npx -p lighthouse@12.2.3`, so Lighthouse (and
 * the puppeteer-core it drives flows with) is fetched once into npm's cache
 * instead of weighing on every `npm ci`.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PORT = 3600;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lh-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: `file:${path.join(work, 'lh.db')}`, NEXTAUTH_SECRET: 'lh', NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, SITE_URL: `http://127.0.0.1:${PORT}`, PORT: String(PORT) };

/** The node_modules npx put on PATH for lighthouse@12.2.3 (see the header). */
function lighthouseModules() {
  const binDir = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir.endsWith(path.join('node_modules', '.bin')) && fs.existsSync(path.join(dir, 'lighthouse')));
  if (!binDir) {
    console.error('Run this through `npm run lighthouse` (it provides Lighthouse 12.2.3 with npx).');
    process.exit(1);
  }
  const requireThere = createRequire(path.join(binDir, '..', 'index.js'));
  return { binDir, resolve: (name) => pathToFileURL(requireThere.resolve(name)).href };
}
const modules = lighthouseModules();

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

function summary(label, lhr) {
  const score = (k) => (lhr.categories[k] ? Math.round(lhr.categories[k].score * 100) : null);
  const audit = (k) => lhr.audits[k]?.numericValue;
  const parts = [];
  if (score('performance') !== null) parts.push(`performance ${score('performance')}`);
  if (score('accessibility') !== null) parts.push(`accessibility ${score('accessibility')}`);
  if (score('best-practices') !== null) parts.push(`best practices ${score('best-practices')}`);
  if (score('seo') !== null) parts.push(`SEO ${score('seo')}`);
  parts.push(`CLS ${(audit('cumulative-layout-shift') ?? 0).toFixed(3)}`);
  if (audit('largest-contentful-paint') !== undefined) parts.push(`LCP ${(audit('largest-contentful-paint') / 1000).toFixed(2)} s`);
  if (audit('total-blocking-time') !== undefined) parts.push(`TBT ${Math.round(audit('total-blocking-time'))} ms`);
  console.log(`${label}: ${parts.join(', ')}`);
}

// 1. The command-line audit.
const cliReport = path.join(work, 'cli.json');
execFileSync(path.join(modules.binDir, 'lighthouse'), [url, '--quiet', `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`, '--output=json', `--output-path=${cliReport}`, '--form-factor=mobile'], {
  cwd: root,
  env: { ...env, CHROME_PATH: CHROMIUM },
  stdio: ['ignore', 'ignore', 'inherit'],
});
summary('article, first visit (lighthouse CLI, mobile)', JSON.parse(fs.readFileSync(cliReport, 'utf8')));

// 2. The user flow: first visit, a text-size change, a return visit with the size saved.
const { startFlow } = await import(modules.resolve('lighthouse'));
const { default: puppeteer } = await import(modules.resolve('puppeteer-core'));
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS.filter((f) => !f.startsWith('--headless')) });
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, { name: 'Cỡ chữ' });
  await flow.navigate(url, { name: 'first visit' });
  await flow.startTimespan({ name: 'choosing Chữ lớn' });
  // The click comes 1 s into the timespan. Lighthouse counts every shift of a timespan's first
  // 500 ms, even one the reader caused (its way round a Chromium bug with emulated screens: see
  // its cumulative-layout-shift.js); the text growing at the click would then count (0.0014 here,
  // the article's end moving down), though CLS leaves out shifts that follow input by 500 ms.
  await new Promise((r) => setTimeout(r, 1000));
  await page.locator('button[aria-label="Chữ lớn"]').click();
  // Long enough for anything the change might move late (fonts, images, islands).
  await new Promise((r) => setTimeout(r, 2000));
  const chosen = await page.evaluate(() => document.documentElement.getAttribute('data-text-size'));
  await flow.endTimespan();
  await flow.navigate(url, { name: 'return visit, Chữ lớn saved' });
  const kept = await page.evaluate(() => document.documentElement.getAttribute('data-text-size'));
  const flowResult = await flow.createFlowResult();
  const { steps } = flowResult;
  fs.writeFileSync(path.join(work, 'flow.json'), JSON.stringify(flowResult));
  console.log(`flow report: ${path.join(work, 'flow.json')}`);
  for (const step of steps) {
    summary(`flow: ${step.name}`, step.lhr);
    // What moved, when anything did (Lighthouse's own list of the shifts and their elements).
    for (const item of step.lhr.audits['layout-shifts']?.details?.items ?? []) {
      console.log(`  shift ${item.score.toFixed(4)}: ${item.node?.selector ?? item.node?.nodeLabel ?? '?'} (${item.node?.snippet?.slice(0, 120) ?? ''})`);
    }
  }
  console.log(`text size after the click: ${chosen}; on the return visit: ${kept}`);
  if (chosen !== 'lon' || kept !== 'lon') {
    console.error('The text size was not applied or not kept: the flow did not measure what it should.');
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
process.exit(process.exitCode ?? 0);
