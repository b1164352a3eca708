/**
 * npm run backup [-- target.db]   online backup of the SQLite database (safe while serving)
 * npm run restore -- backup.db     restore it (stop the server first)
 * PostgreSQL: use pg_dump / pg_restore (README, "Backups").
 */
import path from 'node:path';
import { readDatabaseConfig } from '../lib/db/config';
import { backupSqlite, restoreSqlite } from '../lib/ops/backup';

const [command, file] = process.argv.slice(2);
const config = readDatabaseConfig();
if (config.dialect !== 'sqlite') {
  console.error('DATABASE_URL trỏ tới PostgreSQL: hãy sao lưu bằng pg_dump -Fc và khôi phục bằng pg_restore (xem README).');
  process.exit(2);
}
if (command === 'backup') {
  const target = file ?? path.join(path.dirname(config.file), 'backups', `news-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
  const { bytes } = await backupSqlite(config.file, target);
  console.log(`Đã sao lưu ${config.file} → ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB, kiểm tra toàn vẹn: ok).`);
} else if (command === 'restore') {
  if (!file) {
    console.error('Cần đường dẫn tới bản sao lưu: npm run restore -- data/backups/news-….db');
    process.exit(2);
  }
  const { keptAs } = await restoreSqlite(file, config.file);
  console.log(`Đã khôi phục ${file} → ${config.file}.${keptAs ? ` Bản cũ được giữ tại ${keptAs}.` : ''}`);
} else {
  console.error('Dùng: tsx scripts/backup.ts backup [đích.db] | restore <bản-sao-lưu.db>');
  process.exit(2);
}
