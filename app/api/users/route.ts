import { createUser, createUserSchema, listUsers } from '@/lib/users/commands';
import { authedRoute, json, readJson } from '@/lib/http/route';

export const GET = authedRoute(async (_request, _ctx, user, db) => json(await listUsers(db, user)));

export const POST = authedRoute(async (request, _ctx, user, db) => json(await createUser(db, user, await readJson(request, createUserSchema)), 201));
