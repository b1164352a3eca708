import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { createArticle, runWorkflow } from '../articles/commands';
import { documentFromParagraphs } from '../articles/body';
import { insertSection, insertUser } from '../articles/test-fixtures';
import { getPublishedArticleBySlug, listSectionArticles } from '../articles/queries';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { Actor } from '../articles/policy';
import { createPreviewLink, hashToken, listPreviewLinks, openPreviewLink, revokePreviewLink } from './links';
import { getArticlePreview } from './queries';

let t: TestDatabase;
let reporter: Actor, other: Actor;
let articleId: number, sectionId: number, slug: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date().toISOString();
  const add = async (email: string): Promise<Actor> => ({
    id: (await t.db.insertInto('users').values({ email, display_name: email, role: 'reporter', password_hash: null, active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id,
    role: 'reporter',
  });
  reporter = await add('a@example.com');
  other = await add('b@example.com');
  sectionId = (await insertSection(t.db)).id;
  const article = await createArticle(t.db, reporter, { title: 'Bản nháp bí mật cần xem trước', lead: 'Sapo nháp', body: documentFromParagraphs(['Nội dung nháp.']), sectionId, tags: [], coverMediaId: null, byline: 'PV', seoTitle: null, seoDescription: null });
  articleId = article.id;
  slug = article.slug;
});
afterAll(async () => t?.cleanup());

describe('preview share links', () => {
  it('open the draft with an unguessable token that is stored only as a hash', async () => {
    const link = await createPreviewLink(t.db, reporter, articleId, { expiresInHours: 48 });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const stored = await t.db.selectFrom('preview_links').select('token_hash').where('id', '=', link.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(link.token));
    expect(stored.token_hash).not.toContain(link.token);
    expect(await openPreviewLink(t.db, link.token)).toBe(articleId);
    const [listed] = await listPreviewLinks(t.db, reporter, articleId);
    expect(listed).toMatchObject({ id: link.id, openCount: 1, active: true, createdBy: 'a@example.com' });
    expect(listed!.lastOpenedAt).not.toBeNull();
    const preview = await getArticlePreview(t.db, articleId);
    expect(preview?.article.title).toBe('Bản nháp bí mật cần xem trước');
    expect(preview?.status).toBe('draft');
  });

  it('stop working when they expire (48 hours by default)', async () => {
    const made = new Date('2026-11-26T00:00:00Z');
    const link = await createPreviewLink(t.db, reporter, articleId, { expiresInHours: 48 }, made);
    expect(link.expiresAt).toBe('2026-11-28T00:00:00.000Z');
    expect(await openPreviewLink(t.db, link.token, '2026-11-27T23:59:59.000Z')).toBe(articleId);
    expect(await openPreviewLink(t.db, link.token, '2026-11-28T00:00:00.000Z')).toBeNull();
  });

  it('stop working when revoked, and only their article’s people may revoke them', async () => {
    const link = await createPreviewLink(t.db, reporter, articleId, { expiresInHours: 2 });
    await expect(revokePreviewLink(t.db, other, articleId, link.id)).rejects.toBeInstanceOf(NotFoundError);
    await revokePreviewLink(t.db, reporter, articleId, link.id);
    expect(await openPreviewLink(t.db, link.token)).toBeNull();
    expect((await listPreviewLinks(t.db, reporter, articleId)).find((l) => l.id === link.id)?.active).toBe(false);
  });

  it('refuse guessed and malformed tokens', async () => {
    expect(await openPreviewLink(t.db, 'A'.repeat(43))).toBeNull();
    expect(await openPreviewLink(t.db, "' or 1=1 --")).toBeNull();
  });

  it('never make the draft public', async () => {
    expect(await getPublishedArticleBySlug(t.db, slug)).toBeNull();
    expect((await listSectionArticles(t.db, sectionId, 1, 50)).items).toEqual([]);
  });

  it('stop working when the article is taken down, and a reporter cannot share it again', async () => {
    const editor = await insertUser(t.db, 'editor');
    const article = await createArticle(t.db, reporter, { title: 'Bài sẽ bị gỡ', lead: 'Sapo', body: documentFromParagraphs(['Nội dung.']), sectionId, tags: [], coverMediaId: null, byline: 'PV', seoTitle: null, seoDescription: null });
    const link = await createPreviewLink(t.db, reporter, article.id, { expiresInHours: 48 });
    await runWorkflow(t.db, editor, article.id, { action: 'publish' });
    expect(await openPreviewLink(t.db, link.token)).toBe(article.id);
    await runWorkflow(t.db, editor, article.id, { action: 'unpublish' });
    expect(await openPreviewLink(t.db, link.token)).toBeNull();
    await expect(createPreviewLink(t.db, reporter, article.id, { expiresInHours: 48 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await openPreviewLink(t.db, (await createPreviewLink(t.db, editor, article.id, { expiresInHours: 1 })).token)).toBe(article.id);
  });
});
