import { expect, test } from '@playwright/test';
import { OwnServer } from './own-server';
import { draftThroughApi, workflow } from './articles';
import { setLeadBehindTheSite } from './database';
import { signedInContext } from './session';

/**
 * Several instances on one PostgreSQL (the deployment that outgrows one
 * machine): a write through one instance refreshes the pages another one has
 * cached, as the write commits. The second instance's timer is set to a
 * minute, so only the PostgreSQL notification can bring the change in time.
 */
const databaseUrl = process.env.E2E_DATABASE_URL ?? '';
test.skip(!databaseUrl.startsWith('postgres'), 'several instances share PostgreSQL; SQLite is one file of one server');
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const second = new OwnServer('instance-b', Number(process.env.E2E_INSTANCE_PORT ?? 3194), { DATABASE_URL: databaseUrl, SEED_DEMO: 'false', CACHE_POLL_INTERVAL_MS: '60000' });
test.beforeAll(() => second.start());
test.afterAll(() => second.stop());

test('an article unpublished through one instance is gone from the pages another instance had cached, within seconds', async ({ baseURL }) => {
  const editor = await signedInContext(baseURL!, 'editor@example.com');
  const title = `Tin hai máy chủ ${Date.now()}`;
  const article = await draftThroughApi(editor, { title, lead: 'Sapo ban đầu.' });
  try {
    await workflow(editor, article.id, 'publish');
    const articleUrl = `${second.base}/tin-trong-tinh/${article.slug}`;
    // The second instance renders and keeps the article page and the section.
    await expect.poll(async () => (await fetch(articleUrl)).status, { timeout: 10_000 }).toBe(200);
    await expect.poll(async () => (await (await fetch(`${second.base}/tin-trong-tinh`)).text()).includes(title), { timeout: 10_000 }).toBe(true);
    // Proof that it serves them from its cache: a change made behind the site's back (no write
    // command, so no page is refreshed) does not show.
    await setLeadBehindTheSite(article.id, 'Sapo sửa thẳng trong cơ sở dữ liệu.');
    expect(await (await fetch(articleUrl)).text()).toContain('Sapo ban đầu.');

    const started = Date.now();
    await workflow(editor, article.id, 'unpublish');
    await expect.poll(async () => (await fetch(articleUrl)).status, { timeout: 5_000, intervals: [100] }).toBe(404);
    const articleGoneMs = Date.now() - started;
    await expect.poll(async () => (await (await fetch(`${second.base}/tin-trong-tinh`)).text()).includes(title), { timeout: 5_000, intervals: [100] }).toBe(false);
    console.log(`[instances] unpublished through one instance: gone from the other's article page after ${articleGoneMs} ms, from its section page after ${Date.now() - started} ms`);
    // Its timer reads every minute: only the notification can have been this quick.
    expect(Date.now() - started).toBeLessThan(5_000);
    // Nor did it, at its start, take its own server not listening yet for a database outage.
    expect(second.output).not.toMatch(/invalidation poll failed|second expiry failed|database unreachable|pages not expired yet/);
  } finally {
    await editor.dispose();
  }
});
