import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { DatabaseAvailability } from '../db/availability';
import { documentFromParagraphs } from '../articles/body';
import { createArticle, runWorkflow } from '../articles/commands';
import { insertSection } from '../articles/test-fixtures';
import type { Actor } from '../articles/policy';
import { answerSearchRequest, type SearchWorkerAnswer } from './search-worker-answer';

let t: TestDatabase;
const up = () => new DatabaseAvailability(async () => undefined, { log: () => undefined });
const ask = (search: string, forwardedFor = '192.0.2.10', availability = up()) => answerSearchRequest(t.db, availability, { search, forwardedFor, wantsHtml: true });
const bodyOf = (answer: SearchWorkerAnswer) => {
  if (answer.kind !== 'body') throw new Error(`expected a page body, got ${JSON.stringify(answer)}`);
  // Without the marks React leaves between adjacent texts.
  return answer.html.replaceAll('<!-- -->', '');
};

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date().toISOString();
  const editor: Actor = { id: (await t.db.insertInto('users').values({ email: 'e@x.vn', display_name: 'E', role: 'editor', password_hash: null, active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id, role: 'editor' };
  const education = await insertSection(t.db, 'giao-duc', 'Giáo dục');
  await insertSection(t.db, 'kinh-te', 'Kinh tế');
  for (let i = 1; i <= 12; i++) {
    const article = await createArticle(t.db, editor, { title: `Lễ hội đền Hùng số ${i}`, lead: 'Du khách về dự lễ hội.', body: documentFromParagraphs(['Nội dung.']), sectionId: education.id, tags: [], coverMediaId: null, byline: 'PV', seoTitle: null, seoDescription: null });
    await runWorkflow(t.db, editor, article.id, { action: 'publish' });
  }
});
afterAll(async () => t?.cleanup());
afterEach(() => {
  delete process.env.RATE_LIMIT_SEARCH;
});

describe(`a search worker's answer (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('is the search page body: the form keeps the query, results are counted, highlighted and linked', async () => {
    const html = bodyOf(await ask('?q=le+hoi&section=giao-duc'));
    expect(html.startsWith('<div data-search-body=""')).toBe(true);
    expect(html).toContain('Tìm thấy 12 bài viết cho “le hoi”');
    expect(html).toContain('value="le hoi"');
    expect(html).toMatch(/<option value="giao-duc" selected="">Giáo dục<\/option>/);
    expect(html).toContain('<mark class="rounded-sm bg-yellow-200 px-0.5 text-inherit">Lễ</mark>');
    expect(html).toMatch(/href="\/giao-duc\/le-hoi-den-hung-so-\d+"/);
    expect(html).toContain('Trang 1/2');
    expect(html).toContain('href="/tim-kiem?q=le+hoi&amp;section=giao-duc&amp;page=2"');
  });

  it('reports a bad date in Vietnamese and still searches the rest', async () => {
    const html = bodyOf(await ask('?q=le+hoi&from=2026-02-30'));
    expect(html).toContain('Ngày không hợp lệ.');
    expect(html).toContain('value="2026-02-30"');
    expect(html).toContain('Tìm thấy 12 bài viết');
  });

  it('says when nothing is found, and sends a page past the last to the last page', async () => {
    expect(bodyOf(await ask('?q=khongcogi'))).toContain('Không tìm thấy bài viết nào cho “khongcogi”');
    expect(await ask('?q=le+hoi&page=9')).toEqual({ kind: 'redirect', location: '/tim-kiem?q=le+hoi&page=2' });
  });

  it('counts each address against the search limit, as the proxy does, and refuses in Vietnamese past it', async () => {
    process.env.RATE_LIMIT_SEARCH = '2';
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    expect((await ask('?q=le', address)).kind).toBe('body');
    expect((await ask('?q=hoi', address)).kind).toBe('body');
    const refused = await ask('?q=den', address);
    expect(refused).toMatchObject({ kind: 'response', status: 429, headers: { 'retry-after': expect.stringMatching(/^\d+$/), 'cache-control': 'private, no-store' } });
    expect(refused.kind === 'response' && refused.body).toContain('Vui lòng thử lại sau');
    expect((await ask('?q=den', '192.0.2.99')).kind, 'another reader').toBe('body');
  });

  it('declines while the database is unreachable, so the server answers as for any page then', async () => {
    const down = new DatabaseAvailability(async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })), { log: () => undefined });
    expect(await ask('?q=le+hoi', '192.0.2.10', down)).toMatchObject({ kind: 'declined', databaseDown: true });
  });
});
