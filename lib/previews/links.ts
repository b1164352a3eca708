import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DB } from '../db/client';
import { ForbiddenError, NotFoundError } from '../http/errors';
import { getArticleForActor } from '../articles/admin-queries';
import { can, type Actor } from '../articles/policy';

/**
 * Share links for previews: 256 random bits, base64url, shown once to their
 * maker; the database keeps only their SHA-256, so the links cannot be read
 * back, enumerated, or rebuilt from a backup.
 */
export const createPreviewLinkSchema = z.object({
  expiresInHours: z.number().int('Thời hạn tính bằng giờ.').min(1, 'Thời hạn tối thiểu 1 giờ.').max(24 * 30, 'Thời hạn tối đa 30 ngày.').default(48),
});

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type PreviewLinkSummary = {
  id: number;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastOpenedAt: string | null;
  openCount: number;
  active: boolean;
};

export async function createPreviewLink(db: DB, actor: Actor, articleId: number, input: z.infer<typeof createPreviewLinkSchema>, now = new Date()) {
  const article = await getArticleForActor(db, actor, articleId);
  if (!can(actor, 'preview', { authorId: article.authorId, status: article.status })) throw new ForbiddenError();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000).toISOString();
  const row = await db
    .insertInto('preview_links')
    .values({ article_id: articleId, token_hash: hashToken(token), created_by: actor.id, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null, last_opened_at: null, open_count: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, path: `/xem-truoc/${token}`, expiresAt };
}

export async function listPreviewLinks(db: DB, actor: Actor, articleId: number, now = new Date().toISOString()): Promise<PreviewLinkSummary[]> {
  await getArticleForActor(db, actor, articleId);
  const rows = await db
    .selectFrom('preview_links')
    .leftJoin('users', 'users.id', 'preview_links.created_by')
    .select([
      'preview_links.id',
      'preview_links.created_at',
      'preview_links.expires_at',
      'preview_links.revoked_at',
      'preview_links.last_opened_at',
      'preview_links.open_count',
      'users.display_name',
    ])
    .where('preview_links.article_id', '=', articleId)
    .orderBy('preview_links.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdBy: r.display_name,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastOpenedAt: r.last_opened_at,
    openCount: r.open_count,
    active: !r.revoked_at && r.expires_at > now,
  }));
}

export async function revokePreviewLink(db: DB, actor: Actor, articleId: number, linkId: number): Promise<void> {
  const article = await getArticleForActor(db, actor, articleId);
  if (!can(actor, 'preview', { authorId: article.authorId, status: article.status })) throw new ForbiddenError();
  const result = await db
    .updateTable('preview_links')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', linkId)
    .where('article_id', '=', articleId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await db.selectFrom('preview_links').select('id').where('id', '=', linkId).where('article_id', '=', articleId).executeTakeFirst();
    if (!exists) throw new NotFoundError('Không tìm thấy liên kết xem trước.');
  }
}

/** Revokes every live link of an article (taken down) or made by an account (deactivated), in the caller's transaction. */
export async function revokePreviewLinks(tx: DB, whose: { articleId: number } | { createdBy: number }, now = new Date().toISOString()): Promise<void> {
  let query = tx.updateTable('preview_links').set({ revoked_at: now }).where('revoked_at', 'is', null);
  query = 'articleId' in whose ? query.where('article_id', '=', whose.articleId) : query.where('created_by', '=', whose.createdBy);
  await query.execute();
}

/** The article a share link opens, or null when the link is unknown, expired or revoked; records the opening. */
export async function openPreviewLink(db: DB, token: string, now = new Date().toISOString()): Promise<number | null> {
  if (!isWellFormedToken(token)) return null;
  const link = await db
    .selectFrom('preview_links')
    .select(['id', 'article_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!link || link.revoked_at || link.expires_at <= now) return null;
  await db
    .updateTable('preview_links')
    .set((eb) => ({ last_opened_at: now, open_count: eb('open_count', '+', 1) }))
    .where('id', '=', link.id)
    .execute();
  return link.article_id;
}
