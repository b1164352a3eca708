import { authedRoute, json } from '@/lib/http/route';

export const GET = authedRoute(async (_request, _ctx, user) => json(user));
