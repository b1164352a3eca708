import 'server-only';
import { getServerSession } from 'next-auth';
import type { DB } from '../db/client';
import { getDb } from '../db/client';
import type { UserRole } from '../db/schema';
import { ForbiddenError, UnauthenticatedError } from '../http/errors';
import { authOptions } from './options';

export type SessionUser = { id: number; role: UserRole; email: string; displayName: string };

/** The signed-in user as the database knows them now, or null (signed out, deactivated, deleted). */
export async function getSessionUser(db?: DB): Promise<SessionUser | null> {
  // The session (cookies) is read first: that marks the route as dynamic before any database access.
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (!id) return null;
  const user = await (db ?? getDb())
    .selectFrom('users')
    .select(['id', 'role', 'email', 'display_name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user || user.active !== 1) return null;
  return { id: user.id, role: user.role, email: user.email, displayName: user.display_name };
}

export async function requireUser(db?: DB): Promise<SessionUser> {
  const user = await getSessionUser(db);
  if (!user) throw new UnauthenticatedError();
  return user;
}

export async function requireRole(roles: UserRole[], db?: DB): Promise<SessionUser> {
  const user = await requireUser(db);
  if (!roles.includes(user.role)) throw new ForbiddenError();
  return user;
}
