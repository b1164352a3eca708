import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { ConflictError, ValidationError } from '../http/errors';
import type { Actor } from '../articles/policy';
import { createSection } from '../sections/commands';
import { createTag, renameTag } from './commands';

let t: TestDatabase;
let editor: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date().toISOString();
  editor = { id: (await t.db.insertInto('users').values({ email: 'btv-the@example.com', display_name: 'BTV', role: 'editor', password_hash: null, active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id, role: 'editor' };
});
afterAll(async () => t?.cleanup());

describe('tag and section names', () => {
  it('must have a letter or a digit, so every tag and section has an address', async () => {
    const tag = await createTag(t.db, editor, 'Nông thôn mới');
    expect(tag.slug).toBe('nong-thon-moi');
    await expect(createTag(t.db, editor, '!!!')).rejects.toBeInstanceOf(ConflictError);
    await expect(renameTag(t.db, editor, tag.id, '???')).rejects.toBeInstanceOf(ConflictError);
    expect((await renameTag(t.db, editor, tag.id, 'Nông thôn mới nâng cao')).slug).toBe('nong-thon-moi-nang-cao');
    await expect(createSection(t.db, editor, { name: '***' })).rejects.toBeInstanceOf(ValidationError);
  });
});
