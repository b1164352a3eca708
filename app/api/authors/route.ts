import { listAuthors } from '@/lib/users/commands';
import { authedRoute, json } from '@/lib/http/route';

export const GET = authedRoute(async (_request, _ctx, _user, db) => json(await listAuthors(db)));
