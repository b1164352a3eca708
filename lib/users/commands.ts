import { z } from 'zod';
import type { DB } from '../db/client';
import type { UserRole } from '../db/schema';
import { writeAudit } from '../audit/log';
import { hashPassword } from '../auth/passwords';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { canManageUsers, type Actor } from '../articles/policy';
import { revokePreviewLinks } from '../previews/links';

export const passwordSchema = z.string().min(10, 'Mật khẩu cần ít nhất 10 ký tự.').max(200, 'Mật khẩu tối đa 200 ký tự.');
const roleSchema = z.enum(['reporter', 'editor', 'admin'], { error: 'Vai trò phải là phóng viên, biên tập viên hoặc quản trị.' });

export const createUserSchema = z.object({
  email: z.email('Email không hợp lệ.').trim().toLowerCase(),
  displayName: z.string().trim().min(2, 'Tên hiển thị cần ít nhất 2 ký tự.').max(80, 'Tên hiển thị tối đa 80 ký tự.'),
  role: roleSchema,
  password: passwordSchema,
});
export const updateUserSchema = z.object({
  displayName: z.string().trim().min(2, 'Tên hiển thị cần ít nhất 2 ký tự.').max(80).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});

export type UserSummary = { id: number; email: string; displayName: string; role: UserRole; active: boolean; createdAt: string };

const columns = ['id', 'email', 'display_name', 'role', 'active', 'created_at'] as const;
const toSummary = (r: { id: number; email: string; display_name: string; role: UserRole; active: number; created_at: string }): UserSummary => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
});

function assertAdmin(actor: Actor | null) {
  if (actor && !canManageUsers(actor)) throw new ForbiddenError('Chỉ quản trị viên được quản lý tài khoản.');
}

export async function listUsers(db: DB, actor: Actor): Promise<UserSummary[]> {
  assertAdmin(actor);
  return (await db.selectFrom('users').select(columns).orderBy('id').execute()).map(toSummary);
}

/** Newsroom members by name, for filters and bylines: any signed-in user may see these. */
export async function listAuthors(db: DB) {
  return db.selectFrom('users').select(['id', 'display_name as name', 'role']).where('active', '=', 1).orderBy('display_name').execute();
}

/** actor null: the command line on the server (first admin of a real install). */
export async function createUser(db: DB, actor: Actor | null, input: z.infer<typeof createUserSchema>): Promise<UserSummary> {
  assertAdmin(actor);
  const exists = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (exists) throw new ConflictError('Email này đã có tài khoản.');
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({ email: input.email, display_name: input.displayName, role: input.role, password_hash: passwordHash, active: 1, created_at: now, updated_at: now })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: row.id, details: { email: input.email, role: input.role } }, now);
    return toSummary(row);
  });
}

export async function updateUser(db: DB, actor: Actor, id: number, input: z.infer<typeof updateUserSchema>): Promise<UserSummary> {
  assertAdmin(actor);
  const current = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  if (!current) throw new NotFoundError('Không tìm thấy tài khoản.');
  if (id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw new ValidationError({ role: ['Bạn không thể tự hạ quyền hoặc khóa chính tài khoản của mình.'] });
  }
  const now = new Date().toISOString();
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('users')
      .set({
        ...(input.displayName ? { display_name: input.displayName } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        // A new password ends every session signed in with the old one (a stolen session too).
        ...(passwordHash ? { password_hash: passwordHash, sessions_valid_after: now } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    if (input.role && input.role !== current.role)
      await writeAudit(tx, { actorId: actor.id, action: 'user.role_change', entityType: 'user', entityId: id, details: { from: current.role, to: input.role } }, now);
    if (input.active !== undefined && input.active !== (current.active === 1))
      await writeAudit(tx, { actorId: actor.id, action: input.active ? 'user.activate' : 'user.deactivate', entityType: 'user', entityId: id }, now);
    // Someone who leaves the newsroom takes their share links with them.
    if (input.active === false) await revokePreviewLinks(tx, { createdBy: id }, now);
    if (passwordHash) await writeAudit(tx, { actorId: actor.id, action: 'user.password_reset', entityType: 'user', entityId: id }, now);
    return toSummary(row);
  });
}
