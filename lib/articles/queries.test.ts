import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { findPublishedArticleByOldSlug, getHomePage, getPublishedArticleBySlug, listSectionArticles } from './queries';
import { insertArticle, insertSection } from './test-fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe(`public article reads (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('shows published articles and hides drafts, reviews and future publications', async () => {
    const section = await insertSection(t.db);
    const published = await insertArticle(t.db, section.id);
    const draft = await insertArticle(t.db, section.id, { status: 'draft', publishedAt: null });
    const inReview = await insertArticle(t.db, section.id, { status: 'in_review', publishedAt: null });
    const future = await insertArticle(t.db, section.id, { status: 'scheduled', publishedAt: new Date(Date.now() + 3600_000).toISOString() });
    const futurePublished = await insertArticle(t.db, section.id, { publishedAt: new Date(Date.now() + 3600_000).toISOString() });

    expect((await getPublishedArticleBySlug(t.db, published.slug))?.id).toBe(published.id);
    for (const hidden of [draft, inReview, future, futurePublished]) {
      expect(await getPublishedArticleBySlug(t.db, hidden.slug)).toBeNull();
    }
    const page = await listSectionArticles(t.db, section.id, 1, 10);
    expect(page.items.map((a) => a.id)).toEqual([published.id]);
    expect(page.total).toBe(1);
  });

  it('paginates a section newest first', async () => {
    const section = await insertSection(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await insertArticle(t.db, section.id, { publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() })).id);
    }
    const first = await listSectionArticles(t.db, section.id, 1, 2);
    const last = await listSectionArticles(t.db, section.id, 3, 2);
    expect(first.pageCount).toBe(3);
    expect(first.items.map((a) => a.id)).toEqual([ids[4], ids[3]]);
    expect(last.items.map((a) => a.id)).toEqual([ids[0]]);
    expect((await listSectionArticles(t.db, section.id, 4, 2)).items).toEqual([]);
  });

  it('finds where an old slug lives now', async () => {
    const section = await insertSection(t.db, 'kinh-te-cu', 'Kinh tế');
    const article = await insertArticle(t.db, section.id, { slug: 'ten-moi' });
    await t.db.insertInto('article_slug_history').values({ slug: 'ten-cu', article_id: article.id, created_at: new Date().toISOString() }).execute();
    expect(await findPublishedArticleByOldSlug(t.db, 'ten-cu')).toEqual({ slug: 'ten-moi', sectionSlug: 'kinh-te-cu' });
    expect(await findPublishedArticleByOldSlug(t.db, 'khong-co')).toBeNull();
  });

  it('builds the front page from published articles only', async () => {
    const home = await getHomePage(t.db);
    expect(home.lead).not.toBeNull();
    const all = [home.lead!, ...home.latest, ...home.sections.flatMap((s) => s.articles)];
    expect(all.every((a) => a.publishedAt <= new Date().toISOString())).toBe(true);
    expect(home.sections.every((s) => s.articles.length > 0 && s.articles.length <= 4)).toBe(true);
  });
});
