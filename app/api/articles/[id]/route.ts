import { getArticleForActor } from '@/lib/articles/admin-queries';
import { deleteArticle, updateArticle } from '@/lib/articles/commands';
import { updateArticleSchema } from '@/lib/articles/schemas';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>(async (_request, { params }, user, db) => json(await getArticleForActor(db, user, parseId((await params).id))));

export const PATCH = authedRoute<Ctx>(async (request, { params }, user, db) => {
  const id = parseId((await params).id);
  return json(await updateArticle(db, user, id, await readJson(request, updateArticleSchema)));
});

export const DELETE = authedRoute<Ctx>(async (_request, { params }, user, db) => {
  await deleteArticle(db, user, parseId((await params).id));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
