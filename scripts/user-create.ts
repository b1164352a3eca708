/**
 * Creates an account from the command line, e.g. the first admin of a real install:
 *   npm run user:create -- --email chief@example.vn --name "Tổng biên tập" --role admin
 * The password is read from USER_PASSWORD, or asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { getDb } from '../lib/db/client';
import { migrateToLatest } from '../lib/db/migrations';
import { createUser, createUserSchema } from '../lib/users/commands';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
let password = process.env.USER_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Mật khẩu (ít nhất 10 ký tự): ');
  rl.close();
}
const parsed = createUserSchema.safeParse({ email: values.email, displayName: values.name, role: values.role, password });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`- ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const db = getDb();
try {
  await migrateToLatest(db);
  const user = await createUser(db, null, parsed.data);
  console.log(`Đã tạo tài khoản ${user.email} (${user.role}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
