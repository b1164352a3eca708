import { createTag, listTags, tagInputSchema } from '@/lib/tags/commands';
import { authedRoute, json, readJson } from '@/lib/http/route';

export const GET = authedRoute(async (_request, _ctx, _user, db) => json(await listTags(db)));

export const POST = authedRoute(async (request, _ctx, user, db) => json(await createTag(db, user, (await readJson(request, tagInputSchema)).name), 201));
