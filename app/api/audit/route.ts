import { z } from 'zod';
import { listAuditLog } from '@/lib/audit/queries';
import { authedRoute, json, readQuery } from '@/lib/http/route';

const querySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().trim().max(60).optional(),
});

export const GET = authedRoute(async (request, _ctx, user, db) => json(await listAuditLog(db, user, readQuery(request, querySchema))));
