import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { clearFailures, lockedFor, MAX_FAILURES, recordFailure, throttleKeys } from './throttle';
import { hashPassword, verifyPassword } from './passwords';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe('sign-in throttling', () => {
  it('locks an account and an address after repeated failures, then opens again', async () => {
    const keys = throttleKeys('Editor@Example.com ', '203.0.113.9');
    expect(keys).toEqual(['account:editor@example.com', 'ip:203.0.113.9']);
    const start = Date.parse('2026-11-26T03:00:00Z');
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(t.db, keys, start + i * 1000);
    expect(await lockedFor(t.db, keys, start + 10_000)).toBe(0);
    await recordFailure(t.db, keys, start + 10_000);
    const wait = await lockedFor(t.db, keys, start + 11_000);
    expect(wait).toBeGreaterThan(14 * 60_000);
    // Another account from the same address is locked too; the same account from elsewhere as well.
    expect(await lockedFor(t.db, throttleKeys('khac@example.com', '203.0.113.9'), start + 11_000)).toBeGreaterThan(0);
    expect(await lockedFor(t.db, throttleKeys('editor@example.com', '198.51.100.1'), start + 11_000)).toBeGreaterThan(0);
    expect(await lockedFor(t.db, keys, start + 16 * 60_000)).toBe(0);
    await clearFailures(t.db, keys);
    expect(await t.db.selectFrom('auth_throttle').selectAll().execute()).toEqual([]);
  });
});

describe('passwords', () => {
  it('are stored as argon2id and verified', async () => {
    const hash = await hashPassword('mat-khau-dai-du');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'mat-khau-dai-du')).toBe(true);
    expect(await verifyPassword(hash, 'sai')).toBe(false);
    expect(await verifyPassword(null, 'x')).toBe(false);
  });
});
