import type { Kysely } from 'kysely';
import { isPostgres, type DB } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { ArticleStatus, Database } from '../db/schema';
import { writeAudit, type AuditAction } from '../audit/log';
import { articlePageTags } from '../cache/tags';
import { expireTagsLocally, recordStaleTags } from '../cache/refresh';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { slugify } from '../text/slug';
import { figureMediaIds, type BodyDocument } from './body';
import { indexArticle, removeFromIndex } from '../search/index-articles';
import { getArticleForActor, type EditableArticle } from './admin-queries';
import { can, canCreateArticle, transitionFor, type Actor, type WorkflowAction } from './policy';
import type { CreateArticleInput, UpdateArticleInput, WorkflowInput } from './schemas';
import { loadPendingEdit, type ArticleSnapshot } from './pending';
import { articleShownIn } from './queries';
import { revokePreviewLinks } from '../previews/links';

/**
 * Article writes. Each command checks the policy, writes in one transaction
 * (with its revision and audit entry), then refreshes the cache tags it made
 * stale. Route handlers and the scheduler call these and nothing lower.
 */

type Tx = Kysely<Database>;
type ArticleRow = Awaited<ReturnType<typeof loadArticle>>;

async function loadArticle(tx: Tx, id: number) {
  return tx
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.slug',
      'articles.lead',
      'articles.body',
      'articles.section_id',
      'articles.cover_media_id',
      'articles.byline',
      'articles.seo_title',
      'articles.seo_description',
      'articles.status',
      'articles.published_at',
      'articles.author_id',
      'articles.version',
      'sections.slug as section_slug',
    ])
    .where('articles.id', '=', id)
    .executeTakeFirst();
}

/**
 * Loads the article a command is about to change. On PostgreSQL its row is locked for the rest of
 * the transaction, so two saves of the same version run one after the other and the second sees
 * the new version (409), instead of both passing the check. SQLite runs one write at a time anyway.
 */
async function requireArticle(tx: Tx, actor: Actor, id: number): Promise<NonNullable<ArticleRow>> {
  if (isPostgres(tx)) await tx.selectFrom('articles').select('id').where('id', '=', id).forUpdate().execute();
  const row = await loadArticle(tx, id);
  // Not found and not allowed to see look the same from outside.
  if (!row || !can(actor, 'view', { authorId: row.author_id, status: row.status })) throw new NotFoundError('Không tìm thấy bài viết.');
  return row;
}

const isLive = (status: ArticleStatus) => status === 'published';

async function sectionSlugOf(tx: Tx, sectionId: number): Promise<string> {
  const section = await tx.selectFrom('sections').select('slug').where('id', '=', sectionId).executeTakeFirst();
  if (!section) throw new ValidationError({ sectionId: ['Chuyên mục không tồn tại.'] });
  return section.slug;
}

async function slugTaken(tx: Tx, slug: string, exceptArticleId: number | null): Promise<boolean> {
  const inUse = await tx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
  if (inUse && inUse.id !== exceptArticleId) return true;
  const former = await tx.selectFrom('article_slug_history').select('article_id').where('slug', '=', slug).executeTakeFirst();
  return Boolean(former && former.article_id !== exceptArticleId);
}

/** A slug for a title: the folded title, with -2, -3… when it is taken. */
async function freeSlugFor(tx: Tx, title: string, articleId: number | null): Promise<string> {
  const base = slugify(title) || 'bai-viet';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(tx, candidate, articleId))) return candidate;
  }
  throw new ConflictError('Không tạo được đường dẫn riêng cho bài viết.');
}

async function assertMediaExist(tx: Tx, ids: number[], field: string) {
  if (ids.length === 0) return;
  const found = await tx.selectFrom('media').select('id').where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new ValidationError({ [field]: [`Ảnh #${missing.join(', #')} không tồn tại trong thư viện.`] });
}

async function setArticleTags(tx: Tx, articleId: number, names: string[]) {
  await tx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  const seen = new Set<string>();
  let position = 0;
  for (const name of names) {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    // Several articles may bring the same new tag at once: whoever inserts first names it, the rest use it.
    await tx.insertInto('tags').values({ name, slug }).onConflict((oc) => oc.column('slug').doNothing()).execute();
    const tag = await tx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    await tx.insertInto('article_tags').values({ article_id: articleId, tag_id: tag.id, position: position++ }).execute();
  }
}

export async function createArticle(db: DB, actor: Actor, input: CreateArticleInput, now = new Date().toISOString()): Promise<EditableArticle> {
  if (!canCreateArticle(actor)) throw new ForbiddenError();
  // Two reporters creating articles of the same title at once both find "ten-bai" free; the one
  // refused by the unique index tries again and gets "ten-bai-2".
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertArticle(db, actor, input, now);
    } catch (error) {
      if (input.slug || attempt >= 5 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function insertArticle(db: DB, actor: Actor, input: CreateArticleInput, now: string): Promise<EditableArticle> {
  const id = await db.transaction().execute(async (tx) => {
    await sectionSlugOf(tx, input.sectionId);
    await assertMediaExist(tx, [...figureMediaIds(input.body), ...(input.coverMediaId ? [input.coverMediaId] : [])], 'body');
    let slug: string;
    if (input.slug) {
      if (await slugTaken(tx, input.slug, null)) throw new ConflictError('Đường dẫn này đã được dùng cho bài viết khác.');
      slug = input.slug;
    } else slug = await freeSlugFor(tx, input.title, null);
    const author = await tx.selectFrom('users').select('display_name').where('id', '=', actor.id).executeTakeFirst();
    const row = await tx
      .insertInto('articles')
      .values({
        section_id: input.sectionId,
        author_id: actor.id,
        title: input.title,
        slug,
        lead: input.lead,
        body: JSON.stringify(input.body),
        cover_media_id: input.coverMediaId,
        byline: input.byline || author?.display_name || '',
        status: 'draft',
        published_at: null,
        published_by: null,
        seo_title: input.seoTitle ?? null,
        seo_description: input.seoDescription ?? null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setArticleTags(tx, row.id, input.tags);
    await indexArticle(tx, row.id);
    const created = (await loadArticle(tx, row.id))!;
    await insertRevision(tx, row.id, created.version, await snapshotOf(tx, created), actor.id, now);
    await writeAudit(tx, { actorId: actor.id, action: 'article.create', entityType: 'article', entityId: row.id, details: { title: input.title } }, now);
    return row.id;
  });
  return getArticleForActor(db, actor, id);
}

async function snapshotOf(tx: Tx, row: NonNullable<ArticleRow>): Promise<ArticleSnapshot> {
  const tags = await tx
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.name')
    .where('article_tags.article_id', '=', row.id)
    .orderBy('article_tags.position')
    .execute();
  return {
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    body: JSON.parse(row.body) as BodyDocument,
    sectionId: row.section_id,
    coverMediaId: row.cover_media_id,
    byline: row.byline,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    tags: tags.map((t) => t.name),
  };
}

/** The snapshot an edit leads to, checked: the section and images exist, a new slug is free. */
async function mergeEdit(tx: Tx, current: NonNullable<ArticleRow>, base: ArticleSnapshot, input: UpdateArticleInput): Promise<ArticleSnapshot> {
  const next: ArticleSnapshot = {
    title: input.title ?? base.title,
    slug: base.slug,
    lead: input.lead ?? base.lead,
    body: input.body ?? base.body,
    sectionId: input.sectionId ?? base.sectionId,
    coverMediaId: input.coverMediaId === undefined ? base.coverMediaId : input.coverMediaId,
    byline: input.byline ?? base.byline,
    seoTitle: input.seoTitle === undefined ? base.seoTitle : input.seoTitle,
    seoDescription: input.seoDescription === undefined ? base.seoDescription : input.seoDescription,
    tags: input.tags ?? base.tags,
  };
  await sectionSlugOf(tx, next.sectionId);
  await assertMediaExist(tx, [...figureMediaIds(next.body), ...(next.coverMediaId ? [next.coverMediaId] : [])], 'body');
  if (input.slug !== undefined && input.slug !== '' && input.slug !== base.slug) {
    if (await slugTaken(tx, input.slug, current.id)) throw new ConflictError('Đường dẫn này đã được dùng cho bài viết khác.');
    next.slug = input.slug;
  } else if (input.slug === '' && input.title && current.status === 'draft') {
    next.slug = await freeSlugFor(tx, input.title, current.id);
  }
  return next;
}

/** The columns an article and its revisions share, from a snapshot. */
function snapshotColumns(snap: ArticleSnapshot) {
  return {
    title: snap.title,
    slug: snap.slug,
    lead: snap.lead,
    body: JSON.stringify(snap.body),
    section_id: snap.sectionId,
    cover_media_id: snap.coverMediaId,
    byline: snap.byline,
    seo_title: snap.seoTitle,
    seo_description: snap.seoDescription,
  };
}

async function insertRevision(tx: Tx, articleId: number, version: number, snap: ArticleSnapshot, actorId: number | null, now: string) {
  await tx
    .insertInto('article_revisions')
    .values({
      article_id: articleId,
      version,
      ...snapshotColumns(snap),
      tags: JSON.stringify(snap.tags),
      created_by: actorId,
      created_at: now,
    })
    .execute();
}

/** Writes a snapshot into the article itself (a new version and revision); returns the cache tags it made stale. */
async function applySnapshot(tx: Tx, current: NonNullable<ArticleRow>, snap: ArticleSnapshot, version: number, actorId: number | null, now: string): Promise<string[]> {
  const sectionSlug = await sectionSlugOf(tx, snap.sectionId);
  // Where other pages showed it before the change (its tags may change).
  const shownBefore = isLive(current.status) ? await articleShownIn(tx, current.id, now) : null;
  if (snap.slug !== current.slug) {
    if (await slugTaken(tx, snap.slug, current.id)) throw new ConflictError('Đường dẫn này đã được dùng cho bài viết khác.');
    // Once readers may have the old address, keep it answering with a redirect.
    if (current.published_at) {
      await tx
        .insertInto('article_slug_history')
        .values({ slug: current.slug, article_id: current.id, created_at: now })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
    await tx.deleteFrom('article_slug_history').where('slug', '=', snap.slug).where('article_id', '=', current.id).execute();
  }
  await tx
    .updateTable('articles')
    .set({
      ...snapshotColumns(snap),
      updated_at: now,
      version,
    })
    .where('id', '=', current.id)
    .execute();
  await setArticleTags(tx, current.id, snap.tags);
  await indexArticle(tx, current.id);
  await insertRevision(tx, current.id, version, snap, actorId, now);
  if (!shownBefore) return [];
  return articlePageTags({ slug: current.slug, sectionSlug: current.section_slug, ...shownBefore }, { slug: snap.slug, sectionSlug, ...(await articleShownIn(tx, current.id, now)) });
}

/**
 * Saves an edit. Drafts and articles in review change in place. A published
 * article's edits are kept as its pending edit: readers keep the published
 * text (autosave never puts half an edit live) until an editor runs
 * "publishPending"; the pending edit can be previewed meanwhile.
 */
export async function updateArticle(db: DB, actor: Actor, id: number, input: UpdateArticleInput, now = new Date().toISOString()): Promise<EditableArticle> {
  const stale = await db.transaction().execute(async (tx) => {
    const current = await requireArticle(tx, actor, id);
    if (!can(actor, 'edit', { authorId: current.author_id, status: current.status })) {
      throw new ForbiddenError(current.status === 'draft' ? undefined : 'Bài đã gửi duyệt hoặc đã xuất bản: chỉ biên tập viên được sửa.');
    }
    const pending = isLive(current.status) ? await loadPendingEdit(tx, id) : null;
    const expected = pending?.version ?? current.version;
    if (expected !== input.version) {
      throw new ConflictError('Bài viết vừa được người khác lưu. Nội dung của bạn vẫn được giữ; hãy xem thay đổi rồi lưu lại.', await getArticleForActor(tx as unknown as DB, actor, id));
    }
    const next = await mergeEdit(tx, current, pending?.snapshot ?? (await snapshotOf(tx, current)), input);
    if (isLive(current.status)) {
      const values = { version: expected + 1, data: JSON.stringify(next), updated_by: actor.id, updated_at: now };
      await tx
        .insertInto('article_pending_edits')
        .values({ article_id: id, ...values })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
        .execute();
      await insertRevision(tx, id, expected + 1, next, actor.id, now);
      return [];
    }
    const tags = await applySnapshot(tx, current, next, current.version + 1, actor.id, now);
    await recordStaleTags(tx, tags, now);
    return tags;
  });
  expireTagsLocally(stale);
  return getArticleForActor(db, actor, id);
}

export async function deleteArticle(db: DB, actor: Actor, id: number, now = new Date().toISOString()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await requireArticle(tx, actor, id);
    if (!can(actor, 'delete', { authorId: current.author_id, status: current.status })) {
      throw new ForbiddenError('Chỉ xóa được bài ở trạng thái bản nháp.');
    }
    await removeFromIndex(tx, id);
    await tx.deleteFrom('articles').where('id', '=', id).execute();
    await writeAudit(tx, { actorId: actor.id, action: 'article.delete', entityType: 'article', entityId: id, details: { title: current.title } }, now);
  });
}

const auditActions: Record<WorkflowAction, AuditAction> = {
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.schedule',
  unpublish: 'article.unpublish',
  backToDraft: 'article.back_to_draft',
};

/** Images readers will see must describe themselves: no publishing while one lacks alt text. */
async function assertPublishable(tx: Tx, article: { body: BodyDocument; coverMediaId: number | null }) {
  const body = article.body;
  const issues: Record<string, string[]> = {};
  if (!body.content.some((n) => n.type === 'paragraph' && (n.content ?? []).length > 0)) issues.body = ['Nội dung bài viết đang trống.'];
  const ids = [...figureMediaIds(body), ...(article.coverMediaId ? [article.coverMediaId] : [])];
  if (ids.length) {
    const found = await tx.selectFrom('media').select(['id', 'file_name', 'alt']).where('id', 'in', ids).execute();
    const problems = found.filter((m) => !m.alt.trim()).map((m) => `Ảnh “${m.file_name}” chưa có mô tả thay thế (alt). Hãy thêm mô tả trước khi xuất bản.`);
    // An image deleted from the library after it was put into a waiting edit.
    const missing = [...new Set(ids)].filter((mediaId) => !found.some((m) => m.id === mediaId));
    if (missing.length) problems.push(`Ảnh #${missing.join(', #')} không còn trong thư viện. Hãy chọn ảnh khác hoặc bỏ ảnh khỏi bài trước khi xuất bản.`);
    if (problems.length) issues.media = problems;
  }
  if (Object.keys(issues).length) throw new ValidationError(issues, 'Bài viết chưa đủ điều kiện xuất bản.');
}

export async function runWorkflow(db: DB, actor: Actor, id: number, input: WorkflowInput, now = new Date().toISOString()): Promise<EditableArticle> {
  const stale = await db.transaction().execute(async (tx) => {
    const current = await requireArticle(tx, actor, id);
    const pending = isLive(current.status) ? await loadPendingEdit(tx, id) : null;
    if (input.version !== undefined && input.version !== (pending?.version ?? current.version)) {
      throw new ConflictError('Bài viết vừa được người khác thay đổi. Hãy xem bản mới nhất trước khi thực hiện thao tác.', await getArticleForActor(tx as unknown as DB, actor, id));
    }
    const access = { authorId: current.author_id, status: current.status };

    if (input.action === 'publishPending' || input.action === 'discardPending') {
      if (!isLive(current.status) || !can(actor, 'edit', access) || actor.role === 'reporter') throw new ForbiddenError();
      if (!pending) throw new ConflictError('Bài viết không có bản sửa nào đang chờ đăng.');
      let tags: string[] = [];
      if (input.action === 'publishPending') {
        await assertPublishable(tx, pending.snapshot);
        tags = await applySnapshot(tx, current, pending.snapshot, pending.version + 1, actor.id, now);
      } else {
        // The discarded edit took a version number (and its revision); the article moves past it,
        // so the next edit's number is free. Its revision records the text readers still have.
        await tx.updateTable('articles').set({ version: pending.version + 1, updated_at: now }).where('id', '=', id).execute();
        await insertRevision(tx, id, pending.version + 1, await snapshotOf(tx, current), actor.id, now);
      }
      await tx.deleteFrom('article_pending_edits').where('article_id', '=', id).execute();
      await writeAudit(tx, { actorId: actor.id, action: input.action === 'publishPending' ? 'article.publish_pending' : 'article.discard_pending', entityType: 'article', entityId: id }, now);
      await recordStaleTags(tx, tags, now);
      return tags;
    }

    const next = transitionFor(input.action, current.status);
    if (!next) throw new ConflictError(`Không thể thực hiện thao tác này khi bài đang ở trạng thái hiện tại.`);
    if (!can(actor, input.action, access)) throw new ForbiddenError();
    // Where other pages show it while live (a waiting edit applied on leaving may change its tags).
    const shownBefore = isLive(current.status) ? await articleShownIn(tx, id, now) : null;

    let publishedAt = current.published_at;
    let publishedBy: number | null | undefined;
    if (input.action === 'publish') {
      await assertPublishable(tx, { body: JSON.parse(current.body) as BodyDocument, coverMediaId: current.cover_media_id });
      // A first publication, or one that was scheduled for later, is stamped now; a republished article keeps its date.
      if (!publishedAt || current.status === 'scheduled' || publishedAt > now) publishedAt = now;
      publishedBy = actor.id;
    } else if (input.action === 'schedule') {
      const at = new Date(input.publishAt);
      if (at.getTime() <= Date.parse(now)) throw new ValidationError({ publishAt: ['Thời điểm hẹn giờ phải ở tương lai.'] });
      await assertPublishable(tx, { body: JSON.parse(current.body) as BodyDocument, coverMediaId: current.cover_media_id });
      publishedAt = at.toISOString();
      publishedBy = actor.id;
    } else if ((input.action === 'backToDraft' || input.action === 'unpublish') && current.status === 'scheduled') {
      // Its time never came: a later publication is stamped with its own moment.
      publishedAt = null;
    }

    await tx
      .updateTable('articles')
      .set({
        status: next,
        published_at: publishedAt,
        ...(publishedBy !== undefined ? { published_by: publishedBy } : {}),
        updated_at: now,
        version: current.version + 1,
      })
      .where('id', '=', id)
      .execute();
    if (pending) {
      // Leaving publication: the waiting edit becomes the article's text (nothing is live any more).
      await applySnapshot(tx, { ...current, status: next }, pending.snapshot, Math.max(pending.version, current.version + 1) + 1, actor.id, now);
      await tx.deleteFrom('article_pending_edits').where('article_id', '=', id).execute();
    }
    if (input.action === 'unpublish') {
      // Taken down means taken down: share links stop showing it too.
      await revokePreviewLinks(tx, { articleId: id }, now);
    }
    await indexArticle(tx, id);
    await writeAudit(
      tx,
      { actorId: actor.id, action: auditActions[input.action], entityType: 'article', entityId: id, details: { from: current.status, to: next, ...(input.action === 'schedule' ? { publishAt: publishedAt } : {}) } },
      now,
    );
    // Going live or leaving it changes public pages; moves between unpublished states do not.
    const tags =
      isLive(current.status) || isLive(next)
        ? articlePageTags({ slug: current.slug, sectionSlug: current.section_slug, ...shownBefore }, isLive(next) ? { slug: current.slug, sectionSlug: current.section_slug, ...(await articleShownIn(tx, id, now)) } : null)
        : [];
    await recordStaleTags(tx, tags, now);
    return tags;
  });
  expireTagsLocally(stale);
  return getArticleForActor(db, actor, id);
}

/**
 * Puts scheduled articles whose time has come live. Called by the scheduler
 * on every instance; the conditional update makes each article go live once.
 * `expire` refreshes the pages they change on this instance: the scheduler runs
 * outside any request, where Next.js cannot expire tags itself, so it passes
 * expireTagsThroughServer (other instances follow through the recorded tags).
 */
export async function publishDueArticles(db: DB, now = new Date().toISOString(), expire: (tags: string[]) => void | Promise<void> = expireTagsLocally): Promise<number[]> {
  const due = await db.selectFrom('articles').select('id').where('status', '=', 'scheduled').where('published_at', '<=', now).execute();
  const published: number[] = [];
  const stale: string[] = [];
  for (const { id } of due) {
    await db.transaction().execute(async (tx) => {
      const row = await loadArticle(tx, id);
      if (!row || row.status !== 'scheduled') return;
      // The update re-checks the schedule itself: an editor may have moved it to a later time
      // (or taken the article back) since the read, and the version moves on from the stored one.
      const result = await tx
        .updateTable('articles')
        .set((eb) => ({ status: 'published', updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .where('published_at', '<=', now)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return;
      await indexArticle(tx, id);
      await writeAudit(tx, { actorId: null, action: 'article.publish', entityType: 'article', entityId: id, details: { from: 'scheduled', to: 'published', scheduled: true } }, now);
      // Its address as published: read after the update, which waited for any edit still committing.
      const live = (await loadArticle(tx, id)) ?? row;
      const tags = articlePageTags({ slug: live.slug, sectionSlug: live.section_slug, ...(await articleShownIn(tx, id, now)) });
      await recordStaleTags(tx, tags, now);
      stale.push(...tags);
      published.push(id);
    });
  }
  if (stale.length) {
    try {
      await expire(stale);
    } catch (error) {
      // Published all the same: the invalidation poller expires the recorded tags within seconds.
      console.warn('[scheduler] pages not refreshed at once:', error instanceof Error ? error.message : error);
    }
  }
  return published;
}
