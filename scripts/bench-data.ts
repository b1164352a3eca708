/**
 * Fills a database with N published articles for `npm run bench`: the demo
 * newsroom first, then copies of its articles with new titles and dates,
 * written in large transactions. Usage: DATABASE_URL=file:/tmp/bench.db tsx scripts/bench-data.ts 10000
 */
import { getDb } from '../lib/db/client';
import { migrateToLatest } from '../lib/db/migrations';
import { seedDemoContent } from '../lib/demo/seed';
import { indexArticle } from '../lib/search/index-articles';

const target = Number(process.argv[2] ?? 10_000);
const db = getDb();
try {
  await migrateToLatest(db);
  await seedDemoContent(db);
  const templates = await db.selectFrom('articles').selectAll().where('status', '=', 'published').execute();
  const existing = Number((await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const words = ['mới', 'tiếp tục', 'năm 2026', 'đợt hai', 'cập nhật', 'toàn tỉnh', 'cơ sở', 'vùng cao', 'thành phố', 'huyện'];
  const start = Date.parse('2026-11-20T00:00:00Z');
  let made = existing;
  const started = Date.now();
  while (made < target) {
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 500 && made < target; i++, made++) {
        const t = templates[made % templates.length]!;
        const title = `${t.title} (${words[made % words.length]} ${made})`;
        const publishedAt = new Date(start - made * 7 * 60_000).toISOString();
        const row = await tx
          .insertInto('articles')
          .values({ ...t, id: undefined, title, slug: `${t.slug.slice(0, 80)}-${made}`, published_at: publishedAt, created_at: publishedAt, updated_at: publishedAt, version: 1 })
          .returning('id')
          .executeTakeFirstOrThrow();
        await indexArticle(tx, row.id);
      }
    });
    process.stdout.write(`\r${made}/${target} articles`);
  }
  console.log(`\nready: ${made} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.destroy();
}
