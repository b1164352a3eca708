import { createPreviewLink, createPreviewLinkSchema, listPreviewLinks } from '@/lib/previews/links';
import { authedRoute, json, parseId, readJson } from '@/lib/http/route';

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>(async (_request, { params }, user, db) => json(await listPreviewLinks(db, user, parseId((await params).id))));

/** {expiresInHours?: 1..720, default 48} → {id, token, path, expiresAt}; the token is shown this once. */
export const POST = authedRoute<Ctx>(async (request, { params }, user, db) =>
  json(await createPreviewLink(db, user, parseId((await params).id), await readJson(request, createPreviewLinkSchema)), 201),
);
