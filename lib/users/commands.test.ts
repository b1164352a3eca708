import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { createArticle } from '../articles/commands';
import { documentFromParagraphs } from '../articles/body';
import { insertSection, insertUser } from '../articles/test-fixtures';
import type { Actor } from '../articles/policy';
import { createPreviewLink, openPreviewLink } from '../previews/links';
import { createUser, updateUser } from './commands';

let t: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await insertUser(t.db, 'admin');
});
afterAll(async () => t?.cleanup());

describe('accounts', () => {
  it('a password reset sets the moment before which the account’s sessions are over', async () => {
    const user = await createUser(t.db, admin, { email: 'pv-reset@example.com', displayName: 'Phóng viên', role: 'reporter', password: 'mat-khau-cu-du-dai' });
    const before = await t.db.selectFrom('users').select('sessions_valid_after').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(before.sessions_valid_after).toBeNull();
    await updateUser(t.db, admin, user.id, { displayName: 'Phóng viên A' });
    expect((await t.db.selectFrom('users').select('sessions_valid_after').where('id', '=', user.id).executeTakeFirstOrThrow()).sessions_valid_after).toBeNull();
    const resetAt = Date.now();
    await updateUser(t.db, admin, user.id, { password: 'mat-khau-moi-du-dai' });
    const after = await t.db.selectFrom('users').select('sessions_valid_after').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(Date.parse(after.sessions_valid_after!)).toBeGreaterThanOrEqual(resetAt - 1000);
  });

  it('deactivating an account revokes the preview links it shared', async () => {
    const user = await createUser(t.db, admin, { email: 'pv-nghi@example.com', displayName: 'Phóng viên nghỉ', role: 'reporter', password: 'mat-khau-du-dai-1' });
    const reporter: Actor = { id: user.id, role: 'reporter' };
    const article = await createArticle(t.db, reporter, { title: 'Bản nháp đã chia sẻ', lead: '', body: documentFromParagraphs(['Nội dung.']), sectionId: (await insertSection(t.db)).id, tags: [], coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });
    const link = await createPreviewLink(t.db, reporter, article.id, { expiresInHours: 48 });
    expect(await openPreviewLink(t.db, link.token)).toBe(article.id);
    await updateUser(t.db, admin, user.id, { active: false });
    expect(await openPreviewLink(t.db, link.token)).toBeNull();
  });
});
