import { runWorkflow } from '@/lib/articles/commands';
import { workflowSchema } from '@/lib/articles/schemas';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

/** submit, publish, schedule (with publishAt), unpublish, backToDraft. */
export const POST = authedRoute<{ params: Promise<{ id: string }> }>(async (request, { params }, user, db) => {
  const id = parseId((await params).id);
  return json(await runWorkflow(db, user, id, await readJson(request, workflowSchema)));
});
