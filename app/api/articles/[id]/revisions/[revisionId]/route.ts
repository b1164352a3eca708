import { getRevision } from '@/lib/articles/revisions';
import { authedRoute, json, parseId } from '@/lib/http/route';

export const GET = authedRoute<{ params: Promise<{ id: string; revisionId: string }> }>(async (_request, { params }, user, db) => {
  const { id, revisionId } = await params;
  return json(await getRevision(db, user, parseId(id), parseId(revisionId)));
});
