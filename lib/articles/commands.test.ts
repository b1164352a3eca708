import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { uploadImage } from '../media/commands';
import { documentFromParagraphs } from './body';
import { getArticleForActor, listArticlesForActor } from './admin-queries';
import { createArticle, deleteArticle, publishDueArticles, runWorkflow, updateArticle } from './commands';
import { getPublishedArticleBySlug, findPublishedArticleByOldSlug } from './queries';
import { redirectForFormerSlug, refreshFormerSlugs } from './slug-redirects';
import { getRevision, listRevisions, restoreRevision } from './revisions';
import { getArticlePreview } from '../previews/queries';
import { insertSection } from './test-fixtures';
import type { Actor } from './policy';

let t: TestDatabase;
let reporter: Actor, otherReporter: Actor, editor: Actor;
let sectionId: number;

async function makeUser(role: Actor['role'], email: string): Promise<Actor> {
  const now = new Date().toISOString();
  const row = await t.db
    .insertInto('users')
    .values({ email, display_name: email.split('@')[0]!, role, password_hash: null, active: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, role };
}

const body = (text: string) => documentFromParagraphs([text]);
const draftInput = (title: string) => ({ title, lead: 'Sapo', body: body('Nội dung bài.'), sectionId, tags: ['Thử'], coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });

beforeAll(async () => {
  t = await createTestDatabase();
  reporter = await makeUser('reporter', 'pv1@example.com');
  otherReporter = await makeUser('reporter', 'pv2@example.com');
  editor = await makeUser('editor', 'btv@example.com');
  sectionId = (await insertSection(t.db, 'thoi-su', 'Thời sự')).id;
});
afterAll(async () => t?.cleanup());

describe('writing and publishing', () => {
  it('a reporter drafts and submits; an editor publishes and stamps who and when', async () => {
    const draft = await createArticle(t.db, reporter, { ...draftInput('Đẩy mạnh truyền thông giáo dục'), slug: '' });
    expect(draft.slug).toBe('day-manh-truyen-thong-giao-duc');
    expect(draft.status).toBe('draft');
    expect(draft.byline).toBe('pv1');

    await expect(runWorkflow(t.db, reporter, draft.id, { action: 'publish' })).rejects.toBeInstanceOf(ForbiddenError);
    const submitted = await runWorkflow(t.db, reporter, draft.id, { action: 'submit' });
    expect(submitted.status).toBe('in_review');
    await expect(updateArticle(t.db, reporter, draft.id, { version: submitted.version, title: 'Sửa sau khi gửi' })).rejects.toBeInstanceOf(ForbiddenError);

    const published = await runWorkflow(t.db, editor, draft.id, { action: 'publish' });
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const row = await t.db.selectFrom('articles').select('published_by').where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row.published_by).toBe(editor.id);
    expect(await getPublishedArticleBySlug(t.db, published.slug)).not.toBeNull();

    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', draft.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.submit', 'article.publish']);
  });

  it('keeps other reporters out of a draft: 404, not 403, so ids reveal nothing', async () => {
    const draft = await createArticle(t.db, reporter, draftInput('Bài riêng của phóng viên một'));
    await expect(getArticleForActor(t.db, otherReporter, draft.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateArticle(t.db, otherReporter, draft.id, { version: 1, title: 'Chen ngang' })).rejects.toBeInstanceOf(NotFoundError);
    const list = await listArticlesForActor(t.db, otherReporter, { page: 1, pageSize: 50, sort: 'updated_desc' });
    expect(list.items.some((a) => a.id === draft.id)).toBe(false);
    const editorList = await listArticlesForActor(t.db, editor, { page: 1, pageSize: 50, sort: 'updated_desc', q: 'phóng viên một' });
    expect(editorList.items.map((a) => a.id)).toContain(draft.id);
  });

  it('refuses a stale save with 409 and the current version', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Hai người cùng sửa một bài'));
    const first = await updateArticle(t.db, editor, draft.id, { version: draft.version, lead: 'Bản của biên tập viên A' });
    const error = await updateArticle(t.db, editor, draft.id, { version: draft.version, lead: 'Bản của biên tập viên B' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toMatchObject({ lead: 'Bản của biên tập viên A', version: first.version });
  });

  it('keeps every save as a revision that can be compared and restored', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Bài có nhiều phiên bản'));
    const v2 = await updateArticle(t.db, editor, draft.id, { version: 1, body: body('Đoạn văn đã sửa lần hai.') });
    const v3 = await updateArticle(t.db, editor, draft.id, { version: v2.version, title: 'Bài có nhiều phiên bản (sửa)' });
    const revisions = await listRevisions(t.db, editor, draft.id);
    expect(revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    const first = await getRevision(t.db, editor, draft.id, revisions.at(-1)!.id);
    expect(first.text).toBe('Nội dung bài.');
    const restored = await restoreRevision(t.db, editor, draft.id, first.id, v3.version);
    expect(restored.title).toBe('Bài có nhiều phiên bản');
    expect(restored.version).toBe(4);
    expect((await listRevisions(t.db, editor, draft.id)).length).toBe(4);
  });

  it('keeps a published article reachable at its old address after a slug change', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Tên cũ của bài'));
    const live = await runWorkflow(t.db, editor, draft.id, { action: 'publish' });
    const staged = await updateArticle(t.db, editor, draft.id, { version: live.version, slug: 'ten-moi-cua-bai' });
    const renamed = await runWorkflow(t.db, editor, draft.id, { action: 'publishPending', version: staged.version });
    expect(renamed.slug).toBe('ten-moi-cua-bai');
    expect(await findPublishedArticleByOldSlug(t.db, 'ten-cu-cua-bai')).toEqual({ slug: 'ten-moi-cua-bai', sectionSlug: 'thoi-su' });
    // The set by which the server sends only former slugs through the proxy, and the proxy's answer.
    expect(await refreshFormerSlugs(t.db)).toBeGreaterThanOrEqual(1);
    expect((globalThis as unknown as Record<symbol, Set<string>>)[Symbol.for('tin-dat-to.formerSlugs')]?.has('ten-cu-cua-bai')).toBe(true);
    expect(await redirectForFormerSlug(t.db, 'ten-cu-cua-bai')).toBe('/thoi-su/ten-moi-cua-bai');
    expect(await redirectForFormerSlug(t.db, 'ten-moi-cua-bai')).toBeNull();
    const other = await createArticle(t.db, editor, draftInput('Bài khác'));
    await expect(updateArticle(t.db, editor, other.id, { version: 1, slug: 'ten-cu-cua-bai' })).rejects.toBeInstanceOf(ConflictError);
    await expect(updateArticle(t.db, editor, other.id, { version: 1, slug: 'ten-moi-cua-bai' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('publishes scheduled articles when their time comes, once', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Bài hẹn giờ'));
    const at = new Date(Date.now() + 60_000).toISOString();
    const scheduled = await runWorkflow(t.db, editor, draft.id, { action: 'schedule', publishAt: at });
    expect(scheduled.status).toBe('scheduled');
    expect(await getPublishedArticleBySlug(t.db, scheduled.slug)).toBeNull();
    expect(await publishDueArticles(t.db)).toEqual([]);
    const later = new Date(Date.now() + 61_000).toISOString();
    const [a, b] = await Promise.all([publishDueArticles(t.db, later), publishDueArticles(t.db, later)]);
    expect([...a, ...b]).toEqual([draft.id]);
    expect(await getPublishedArticleBySlug(t.db, scheduled.slug, later)).not.toBeNull();
    await expect(runWorkflow(t.db, editor, draft.id, { action: 'schedule', publishAt: new Date(Date.now() - 1000).toISOString() })).rejects.toBeDefined();
  });

  it('does not publish an article whose schedule an editor moved later while the scheduler was at work', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Bài dời giờ đăng'));
    const movedTo = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await runWorkflow(t.db, editor, draft.id, { action: 'schedule', publishAt: movedTo });
    // The scheduler listed the article as due, and the editor's move to tomorrow landed just after.
    let listed = false;
    const racing = t.db.withPlugin({
      transformQuery: (args) => args.node,
      async transformResult(args) {
        if (listed) return args.result;
        listed = true;
        return { ...args.result, rows: [...args.result.rows, { id: draft.id }] };
      },
    });
    expect(await publishDueArticles(racing, new Date(Date.now() + 61_000).toISOString())).toEqual([]);
    const row = await t.db.selectFrom('articles').select(['status', 'published_at', 'version']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'scheduled', published_at: movedTo, version: scheduled.version });
    expect(await publishDueArticles(t.db, new Date(Date.now() + 86_401_000).toISOString())).toEqual([draft.id]);
  });

  it('will not publish while an image lacks alt text', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toBuffer();
    const image = await uploadImage(t.db, editor, { name: 'anh.png', bytes: png }, {});
    const draft = await createArticle(t.db, editor, { ...draftInput('Bài có ảnh thiếu mô tả'), body: documentFromParagraphs(['Mở đầu.', { mediaId: image.id, caption: 'Ảnh' }]) });
    const error = await runWorkflow(t.db, editor, draft.id, { action: 'publish' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.media?.[0]).toMatch(/mô tả thay thế/);
    await t.db.updateTable('media').set({ alt: 'Một ô màu đỏ' }).where('id', '=', image.id).execute();
    expect((await runWorkflow(t.db, editor, draft.id, { action: 'publish' })).status).toBe('published');
  });

  it('keeps edits to a published article waiting until an editor puts them live', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Bài đã đăng có bản sửa chờ'));
    const live = await runWorkflow(t.db, editor, draft.id, { action: 'publish' });
    const staged = await updateArticle(t.db, editor, draft.id, { version: live.version, title: 'Tiêu đề mới chờ đăng', lead: 'Sapo mới' });
    expect(staged.pendingEdit).not.toBeNull();
    expect(staged.title).toBe('Tiêu đề mới chờ đăng');
    // Readers still see the published text; the preview shows the edit.
    expect((await getPublishedArticleBySlug(t.db, live.slug))?.title).toBe('Bài đã đăng có bản sửa chờ');
    expect((await getArticlePreview(t.db, draft.id))?.article.title).toBe('Tiêu đề mới chờ đăng');
    // A second save on the waiting edit needs its version, like any save.
    await expect(updateArticle(t.db, editor, draft.id, { version: live.version, lead: 'Sapo cũ hơn' })).rejects.toBeInstanceOf(ConflictError);
    const again = await updateArticle(t.db, editor, draft.id, { version: staged.version, lead: 'Sapo mới hơn' });
    await expect(runWorkflow(t.db, reporter, draft.id, { action: 'publishPending' })).rejects.toBeDefined();
    const applied = await runWorkflow(t.db, editor, draft.id, { action: 'publishPending', version: again.version });
    expect(applied.pendingEdit).toBeNull();
    const publicNow = await getPublishedArticleBySlug(t.db, live.slug);
    expect([publicNow?.title, publicNow?.lead]).toEqual(['Tiêu đề mới chờ đăng', 'Sapo mới hơn']);
    // Every staged save is a revision too.
    expect((await listRevisions(t.db, editor, draft.id)).length).toBeGreaterThanOrEqual(4);

    const staged2 = await updateArticle(t.db, editor, draft.id, { version: applied.version, title: 'Sẽ bị bỏ' });
    const discarded = await runWorkflow(t.db, editor, draft.id, { action: 'discardPending', version: staged2.version });
    expect(discarded.title).toBe('Tiêu đề mới chờ đăng');
    expect(discarded.pendingEdit).toBeNull();
  });

  it('after a waiting edit is discarded, the article takes edits again, and the list names the version to use', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Bài có bản sửa bị bỏ'));
    const live = await runWorkflow(t.db, editor, draft.id, { action: 'publish' });
    const staged = await updateArticle(t.db, editor, draft.id, { version: live.version, title: 'Bản sửa sẽ bỏ' });
    const discarded = await runWorkflow(t.db, editor, draft.id, { action: 'discardPending', version: staged.version });
    const saved = await updateArticle(t.db, editor, draft.id, { version: discarded.version, title: 'Bản sửa mới' });
    expect(saved.pendingEdit).not.toBeNull();
    expect(saved.title).toBe('Bản sửa mới');
    // The list's version is the one actions must name (the waiting edit's), so "Gỡ bài" from the list works.
    const listed = (await listArticlesForActor(t.db, editor, { page: 1, pageSize: 50, sort: 'updated_desc' })).items.find((a) => a.id === draft.id)!;
    expect(listed.version).toBe(saved.version);
    // Listed as changed when the edit was saved, and marked as waiting.
    expect(listed.hasPendingEdit).toBe(true);
    expect(listed.updatedAt).toBe(saved.pendingEdit!.updatedAt);
    expect((await runWorkflow(t.db, editor, draft.id, { action: 'unpublish', version: listed.version })).status).toBe('unpublished');
  });

  it('will not publish a waiting edit whose image has left the library', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#06c' } }).png().toBuffer();
    const image = await uploadImage(t.db, editor, { name: 'anh-cho.png', bytes: png }, { alt: 'Ô màu xanh' });
    const draft = await createArticle(t.db, editor, draftInput('Bài có ảnh trong bản sửa'));
    const live = await runWorkflow(t.db, editor, draft.id, { action: 'publish' });
    const staged = await updateArticle(t.db, editor, draft.id, { version: live.version, coverMediaId: image.id });
    await t.db.deleteFrom('media').where('id', '=', image.id).execute();
    const error = await runWorkflow(t.db, editor, draft.id, { action: 'publishPending', version: staged.version }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.media?.[0]).toMatch(/không còn trong thư viện/);
    expect((await getPublishedArticleBySlug(t.db, live.slug))?.title).toBe('Bài có ảnh trong bản sửa');
  });

  it('a scheduled article withdrawn before its time is stamped with the moment it is finally published', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Bài hẹn giờ rồi rút lại'));
    await runWorkflow(t.db, editor, draft.id, { action: 'schedule', publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    await runWorkflow(t.db, editor, draft.id, { action: 'unpublish' });
    await runWorkflow(t.db, editor, draft.id, { action: 'backToDraft' });
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const published = await runWorkflow(t.db, editor, draft.id, { action: 'publish' }, later);
    expect(published.publishedAt).toBe(later);
  });

  it('the dashboard finds articles by what is typed, without regard to case or diacritics, on both databases', async () => {
    const target = await createArticle(t.db, editor, draftInput('Đà Nẵng tăng trưởng 50%'));
    await createArticle(t.db, editor, draftInput('Hà Nội tăng 5 phần trăm'));
    const find = async (q: string) => (await listArticlesForActor(t.db, editor, { page: 1, pageSize: 50, sort: 'updated_desc', q })).items.map((a) => a.id);
    for (const q of ['đà nẵng', 'ĐÀ NẴNG', 'da nang', 'Nẵng', '50%']) expect(await find(q), q).toEqual([target.id]);
    // % and _ typed are letters to find, not wildcards.
    expect(await find('5_%')).toEqual([]);
  });

  it('deletes drafts only', async () => {
    const draft = await createArticle(t.db, reporter, draftInput('Bài nháp sẽ xóa'));
    await expect(deleteArticle(t.db, otherReporter, draft.id)).rejects.toBeInstanceOf(NotFoundError);
    await deleteArticle(t.db, reporter, draft.id);
    await expect(getArticleForActor(t.db, reporter, draft.id)).rejects.toBeInstanceOf(NotFoundError);
    const live = await createArticle(t.db, editor, draftInput('Bài đã đăng không xóa'));
    await runWorkflow(t.db, editor, live.id, { action: 'publish' });
    await expect(deleteArticle(t.db, editor, live.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('concurrent writers', () => {
  it('of five saves of the same version, one is kept and the others are told to look first (409)', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Năm người cùng lưu một bản'));
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) => updateArticle(t.db, editor, draft.id, { version: draft.version, title: `Bản lưu số ${n}` })),
    );
    const kept = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(kept).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    const saved = await getArticleForActor(t.db, editor, draft.id);
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.title).toBe((kept[0] as PromiseFulfilledResult<{ title: string }>).value.title);
  });

  it('two publishes of the same version: one publishes, the other is refused', async () => {
    const draft = await createArticle(t.db, editor, draftInput('Hai người cùng bấm đăng'));
    const outcomes = await Promise.allSettled([1, 2].map(() => runWorkflow(t.db, editor, draft.id, { action: 'publish', version: draft.version })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });

  it('articles of the same title created at once all succeed, each at its own address', async () => {
    const created = await Promise.all([1, 2, 3, 4].map(() => createArticle(t.db, reporter, draftInput('Cùng một tiêu đề'))));
    expect(new Set(created.map((a) => a.slug)).size).toBe(4);
  });

  it('articles created at once with the same new tag all succeed and share the one tag', async () => {
    const name = `Thẻ mới ${Date.now()}`;
    const created = await Promise.all([1, 2, 3, 4].map((n) => createArticle(t.db, reporter, { ...draftInput(`Bài có thẻ mới ${n}`), tags: [name] })));
    expect(created).toHaveLength(4);
    const tags = await t.db.selectFrom('tags').select('id').where('name', '=', name).execute();
    expect(tags).toHaveLength(1);
  });
});
