import { deleteSection, sectionInputSchema, updateSection } from '@/lib/sections/commands';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = authedRoute<Ctx>(async (request, { params }, user, db) =>
  json(await updateSection(db, user, parseId((await params).id), await readJson(request, sectionInputSchema.partial()))),
);

export const DELETE = authedRoute<Ctx>(async (_request, { params }, user, db) => {
  await deleteSection(db, user, parseId((await params).id));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
