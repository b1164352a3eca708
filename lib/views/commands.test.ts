import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { insertArticle, insertSection } from '../articles/test-fixtures';
import { listMostRead } from '../articles/queries';
import { isBot, recordView, vietnamDay } from './commands';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe('most read', () => {
  it('counts views per Vietnamese day, exactly under concurrency, and ranks by them', async () => {
    const section = await insertSection(t.db);
    const a = await insertArticle(t.db, section.id);
    const b = await insertArticle(t.db, section.id);
    const draft = await insertArticle(t.db, section.id, { status: 'draft', publishedAt: null });
    await Promise.all(Array.from({ length: 25 }, () => recordView(t.db, b.id)));
    await recordView(t.db, a.id);
    expect(await recordView(t.db, draft.id)).toBe(false);
    const rows = await t.db.selectFrom('article_views').selectAll().where('article_id', '=', b.id).execute();
    expect(rows).toEqual([{ article_id: b.id, day: vietnamDay(new Date().toISOString()), views: 25 }]);
    expect((await listMostRead(t.db)).map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it('covers the last seven Vietnamese days, today included, and no earlier day', async () => {
    const section = await insertSection(t.db);
    const old = { publishedAt: '2026-11-01T00:00:00.000Z' };
    const [inside, outside] = [await insertArticle(t.db, section.id, old), await insertArticle(t.db, section.id, old)];
    // 00:30 in Vietnam on 26 November: the seven days are 20–26 November.
    const now = '2026-11-25T17:30:00.000Z';
    await t.db.insertInto('article_views').values([{ article_id: inside.id, day: '2026-11-20', views: 5 }, { article_id: outside.id, day: '2026-11-19', views: 50 }]).execute();
    const ids = (await listMostRead(t.db, 7, 50, now)).map((c) => c.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it('uses Vietnam’s calendar day', () => {
    expect(vietnamDay('2026-11-25T17:30:00.000Z')).toBe('2026-11-26');
    expect(vietnamDay('2026-11-25T16:59:00.000Z')).toBe('2026-11-25');
  });

  it('does not count bots', () => {
    expect(isBot('Mozilla/5.0 (compatible; Googlebot/2.1)')).toBe(true);
    expect(isBot('facebookexternalhit/1.1')).toBe(true);
    expect(isBot(null)).toBe(true);
    expect(isBot('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148')).toBe(false);
  });
});
