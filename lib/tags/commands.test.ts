import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { ConflictError, ValidationError } from '../http/errors';
import type { Actor } from '../articles/policy';
import { insertUser } from '../articles/test-fixtures';
import { createSection } from '../sections/commands';
import { createTag, renameTag } from './commands';

let t: TestDatabase;
let editor: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  editor = await insertUser(t.db, 'editor');
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
