import { deleteMedia, mediaMetaSchema, updateMediaMeta } from '@/lib/media/commands';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = authedRoute<Ctx>(async (request, { params }, user, db) =>
  json(await updateMediaMeta(db, user, parseId((await params).id), await readJson(request, mediaMetaSchema))),
);

export const DELETE = authedRoute<Ctx>(async (_request, { params }, user, db) => {
  await deleteMedia(db, user, parseId((await params).id));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
