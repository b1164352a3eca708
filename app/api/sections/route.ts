import { listSections } from '@/lib/sections/queries';
import { createSection, sectionInputSchema } from '@/lib/sections/commands';
import { authedRoute, json, readJson } from '@/lib/http/route';

export const GET = authedRoute(async (_request, _ctx, _user, db) => json(await listSections(db)));

export const POST = authedRoute(async (request, _ctx, user, db) => json(await createSection(db, user, await readJson(request, sectionInputSchema)), 201));
