import { listRevisions } from '@/lib/articles/revisions';
import { authedRoute, json, parseId } from '@/lib/http/route';

export const GET = authedRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }, user, db) =>
  json(await listRevisions(db, user, parseId((await params).id))),
);
