import { getDb } from '../lib/db/client';
import { migrateToLatest } from '../lib/db/migrations';
import { seedDemoContent } from '../lib/demo/seed';

const db = getDb();
try {
  await migrateToLatest(db);
  const result = await seedDemoContent(db);
  console.log(
    result.seeded
      ? `Đã nạp nội dung mẫu: ${result.articles} bài viết.`
      : 'Cơ sở dữ liệu đã có nội dung: không nạp nội dung mẫu.',
  );
} finally {
  await db.destroy();
}
