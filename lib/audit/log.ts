import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'article.create'
  | 'article.delete'
  | 'article.submit'
  | 'article.publish'
  | 'article.schedule'
  | 'article.unpublish'
  | 'article.back_to_draft'
  | 'article.restore'
  | 'article.publish_pending'
  | 'article.discard_pending'
  | 'media.update'
  | 'media.delete'
  | 'section.create'
  | 'section.update'
  | 'section.delete'
  | 'user.create'
  | 'user.role_change'
  | 'user.deactivate'
  | 'user.activate'
  | 'user.password_reset';

/** Written inside the transaction of the change it records, so neither exists without the other. */
export async function writeAudit(
  tx: Kysely<Database>,
  entry: { actorId: number | null; action: AuditAction; entityType: string; entityId: number | null; details?: Record<string, unknown> },
  now = new Date().toISOString(),
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
      created_at: now,
    })
    .execute();
}
