import { listArticlesForActor } from '@/lib/articles/admin-queries';
import { createArticle } from '@/lib/articles/commands';
import { articleListSchema, createArticleSchema } from '@/lib/articles/schemas';
import { authedRoute, json, readJson, readQuery } from '@/lib/http/route';

export const GET = authedRoute(async (request, _ctx, user, db) => json(await listArticlesForActor(db, user, readQuery(request, articleListSchema))));

export const POST = authedRoute(async (request, _ctx, user, db) => json(await createArticle(db, user, await readJson(request, createArticleSchema)), 201));
