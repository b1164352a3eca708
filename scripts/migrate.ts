import { getDb } from '../lib/db/client';
import { migrateToLatest } from '../lib/db/migrations';

const db = getDb();
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
} finally {
  await db.destroy();
}
