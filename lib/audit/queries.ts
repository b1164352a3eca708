import type { DB } from '../db/client';
import { ForbiddenError } from '../http/errors';
import { canViewAuditLog, type Actor } from '../articles/policy';

export type AuditEntry = { id: number; action: string; entityType: string; entityId: number | null; details: Record<string, unknown>; actor: string | null; createdAt: string };

export async function listAuditLog(db: DB, actor: Actor, query: { page: number; pageSize: number; action?: string }) {
  if (!canViewAuditLog(actor)) throw new ForbiddenError('Chỉ biên tập viên và quản trị viên được xem nhật ký.');
  let base = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
  if (query.action) base = base.where('audit_log.action', '=', query.action);
  const [rows, count] = await Promise.all([
    base
      .select(['audit_log.id', 'audit_log.action', 'audit_log.entity_type', 'audit_log.entity_id', 'audit_log.details', 'audit_log.created_at', 'users.display_name'])
      .orderBy('audit_log.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map((r): AuditEntry => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
      actor: r.display_name,
      createdAt: r.created_at,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
