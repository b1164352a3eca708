import { updateUser, updateUserSchema } from '@/lib/users/commands';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

/** Change display name, role, active state, or reset the password. */
export const PATCH = authedRoute<{ params: Promise<{ id: string }> }>(async (request, { params }, user, db) =>
  json(await updateUser(db, user, parseId((await params).id), await readJson(request, updateUserSchema))),
);
