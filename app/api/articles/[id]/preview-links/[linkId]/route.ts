import { revokePreviewLink } from '@/lib/previews/links';
import { authedRoute, parseId } from '@/lib/http/route';

export const DELETE = authedRoute<{ params: Promise<{ id: string; linkId: string }> }>(async (_request, { params }, user, db) => {
  const { id, linkId } = await params;
  await revokePreviewLink(db, user, parseId(id), parseId(linkId));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
