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
  const { id, signedInAt = 0 } = (session?.user ?? {}) as { id?: number; signedInAt?: number };
  if (!id) return null;
  const user = await (db ?? getDb())
    .selectFrom('users')
    .select(['id', 'role', 'email', 'display_name', 'active', 'sessions_valid_after'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user || user.active !== 1 || !sessionStillValid(signedInAt, user.sessions_valid_after)) return null;
  return { id: user.id, role: user.role, email: user.email, displayName: user.display_name };
}

/** A session signed in before the account's cut-off (its password was reset since) is over. */
export function sessionStillValid(signedInAtMs: number, validAfter: string | null): boolean {
  return validAfter === null || signedInAtMs >= Date.parse(validAfter);
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
