import { sql } from 'kysely';
import { getDb, isPostgres } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Liveness and database state, for load balancers and monitoring. */
export async function GET() {
  const db = getDb();
  const dialect = isPostgres(db) ? 'postgres' : 'sqlite';
  const started = performance.now();
  try {
    await sql`select 1`.execute(db);
    const articles = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Response.json(
      { status: 'ok', database: { dialect, status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10, articles: Number(articles.n) } },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    console.error('[health] database check failed:', error instanceof Error ? error.message : error);
    return Response.json({ status: 'degraded', database: { dialect, status: 'down' } }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
