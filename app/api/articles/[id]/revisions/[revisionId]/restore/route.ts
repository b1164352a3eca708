import { z } from 'zod';
import { restoreRevision } from '@/lib/articles/revisions';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

const restoreSchema = z.object({ version: z.number({ error: 'Thiếu phiên bản hiện tại của bài viết.' }).int().positive() });

export const POST = authedRoute<{ params: Promise<{ id: string; revisionId: string }> }>(async (request, { params }, user, db) => {
  const { id, revisionId } = await params;
  const { version } = await readJson(request, restoreSchema);
  return json(await restoreRevision(db, user, parseId(id), parseId(revisionId), version));
});
