import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { DatabaseAvailability } from '../db/availability';
import { documentFromParagraphs } from '../articles/body';
import { createArticle, runWorkflow } from '../articles/commands';
import { insertSection } from '../articles/test-fixtures';
import type { Actor } from '../articles/policy';
import { answerSearchRequest, type SearchWorkerAnswer } from './search-worker-answer';
import { countSearchRequest } from './search-limit';

let t: TestDatabase;
const up = () => new DatabaseAvailability(async () => undefined, { log: () => undefined });
const ask = (search: string, availability = up()) => answerSearchRequest(t.db, availability, { search });
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

  it('declines while the database is unreachable, so the server answers as for any page then', async () => {
    const down = new DatabaseAvailability(async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })), { log: () => undefined });
    expect(await ask('?q=le+hoi', down)).toMatchObject({ kind: 'declined', databaseDown: true });
  });
});

describe(`the search limit the server counts before a worker answers (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('counts each address, as the proxy does, and refuses in Vietnamese past the limit', async () => {
    process.env.RATE_LIMIT_SEARCH = '2';
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    expect(await countSearchRequest(t.db, address, true)).toBeNull();
    expect(await countSearchRequest(t.db, `203.0.113.9, ${address}`, true), 'the socket address is the last one').toBeNull();
    const refused = await countSearchRequest(t.db, address, true);
    expect(refused).toMatchObject({ status: 429, headers: { 'retry-after': expect.stringMatching(/^\d+$/), 'cache-control': 'private, no-store' } });
    expect(refused?.body).toContain('Vui lòng thử lại sau');
    expect(JSON.parse((await countSearchRequest(t.db, address, false))!.body).error).toContain('Vui lòng thử lại sau');
    expect(await countSearchRequest(t.db, '192.0.2.99', true), 'another reader').toBeNull();
  });
});
