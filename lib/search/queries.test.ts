import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { documentFromParagraphs } from '../articles/body';
import { createArticle, deleteArticle, runWorkflow, updateArticle } from '../articles/commands';
import { insertSection } from '../articles/test-fixtures';
import type { Actor } from '../articles/policy';
import { searchArticles, searchQuerySchema } from './queries';

let t: TestDatabase;
let editor: Actor;
let sectionA: { id: number; slug: string };
let sectionB: { id: number; slug: string };
const ids: Record<string, number> = {};

async function publish(key: string, title: string, lead: string, text: string, sectionId: number, publishedLocal: string) {
  const a = await createArticle(t.db, editor, { title, lead, body: documentFromParagraphs([text]), sectionId, tags: [], coverMediaId: null, byline: 'PV', seoTitle: null, seoDescription: null });
  await runWorkflow(t.db, editor, a.id, { action: 'publish' });
  await t.db.updateTable('articles').set({ published_at: new Date(publishedLocal).toISOString() }).where('id', '=', a.id).execute();
  ids[key] = a.id;
}

const search = (q: string, extra: Record<string, string> = {}) => searchArticles(t.db, searchQuerySchema.parse({ q, ...extra }));

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date().toISOString();
  editor = { id: (await t.db.insertInto('users').values({ email: 'e@x.vn', display_name: 'E', role: 'editor', password_hash: null, active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id, role: 'editor' };
  sectionA = await insertSection(t.db, 'giao-duc', 'Giáo dục');
  sectionB = await insertSection(t.db, 'kinh-te', 'Kinh tế');
  await publish('title', 'Giáo dục vùng cao khởi sắc', 'Sapo về trường lớp.', 'Nội dung bài.', sectionA.id, '2026-10-01T08:00:00+07:00');
  await publish('lead', 'Hội nghị tổng kết năm học', 'Ngành giáo dục tỉnh tổng kết.', 'Nội dung khác.', sectionA.id, '2026-10-05T08:00:00+07:00');
  await publish('body', 'Bưởi Đoan Hùng vào mùa', 'Nông dân phấn khởi.', 'Con em nông dân được quan tâm giáo dục chu đáo.', sectionB.id, '2026-10-10T08:00:00+07:00');
  await publish('dd', 'Đường Đồng Đậu được nâng cấp', 'Dự án giao thông.', 'Đoạn đường dài 5 km.', sectionB.id, '2026-10-12T08:00:00+07:00');
  const draft = await createArticle(t.db, editor, { title: 'Giáo dục bản nháp chưa đăng', lead: '', body: documentFromParagraphs(['giáo dục']), sectionId: sectionA.id, tags: [], coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });
  ids.draft = draft.id;
});
afterAll(async () => t?.cleanup());

describe(`search (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('finds the same articles with or without diacritics, title first, then lead, then body', async () => {
    const withMarks = await search('giáo dục');
    const without = await search('giao duc');
    expect(withMarks.hits.map((h) => h.id)).toEqual(without.hits.map((h) => h.id));
    expect(withMarks.hits.map((h) => h.id)).toEqual([ids.title, ids.lead, ids.body]);
    expect(withMarks.total).toBe(3);
  });

  it('matches đ with d, and word prefixes', async () => {
    expect((await search('duong dong dau')).hits.map((h) => h.id)).toEqual([ids.dd]);
    expect((await search('Đường')).hits.map((h) => h.id)).toEqual([ids.dd]);
    expect((await search('buoi doan')).hits.map((h) => h.id)).toEqual([ids.body]);
  });

  it('never finds drafts, and forgets deleted text', async () => {
    expect((await search('ban nhap')).hits).toEqual([]);
    await deleteArticle(t.db, editor, ids.draft!);
    expect((await search('ban nhap')).total).toBe(0);
  });

  it('filters by section and by Vietnamese calendar dates', async () => {
    expect((await search('giao duc', { section: 'kinh-te' })).hits.map((h) => h.id)).toEqual([ids.body]);
    expect((await search('giao duc', { from: '2026-10-05', to: '2026-10-05' })).hits.map((h) => h.id)).toEqual([ids.lead]);
  });

  it('ranks equally relevant articles newest first', async () => {
    await publish('newer', 'Giáo dục vùng cao khởi sắc', 'Sapo về trường lớp.', 'Nội dung bài.', sectionA.id, '2026-11-01T08:00:00+07:00');
    const hits = (await search('khoi sac')).hits.map((h) => h.id);
    expect(hits.indexOf(ids.newer!)).toBeLessThan(hits.indexOf(ids.title!));
  });

  it('follows edits, and survives hostile input', async () => {
    const current = await t.db.selectFrom('articles').select('version').where('id', '=', ids.dd!).executeTakeFirstOrThrow();
    const staged = await updateArticle(t.db, editor, ids.dd!, { version: current.version, title: 'Cầu Phong Châu thông xe' });
    // A published article's edit is found once it is put live, not before.
    expect((await search('phong chau')).total).toBe(0);
    await runWorkflow(t.db, editor, ids.dd!, { action: 'publishPending', version: staged.version });
    expect((await search('phong chau')).hits.map((h) => h.id)).toEqual([ids.dd]);
    expect((await search('dong dau')).total).toBe(0);
    for (const q of ['"', "'); drop table articles; --", 'AND OR NOT', '*', 'NEAR(', '<script>']) {
      await expect(search(q)).resolves.toBeDefined();
    }
    expect((await search('')).total).toBe(0);
  });

  it('paginates', async () => {
    const first = await searchArticles(t.db, { ...searchQuerySchema.parse({ q: 'giao duc' }), pageSize: 2 });
    const second = await searchArticles(t.db, { ...searchQuerySchema.parse({ q: 'giao duc', page: '2' }), pageSize: 2 });
    expect(first.pageCount).toBe(2);
    expect([...first.hits, ...second.hits].length).toBe(first.total);
  });
});

describe('search form input', () => {
  it('takes only real calendar days as dates, with a Vietnamese message otherwise', () => {
    for (const day of ['2026-13-45', '2026-02-30', 'hôm qua']) {
      const parsed = searchQuerySchema.safeParse({ q: 'giao', from: day });
      expect(parsed.success, day).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Ngày không hợp lệ.');
    }
    expect(searchQuerySchema.parse({ q: 'giao', from: '2024-02-29', to: '' })).toMatchObject({ from: '2024-02-29', to: undefined });
  });
});
