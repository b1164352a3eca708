import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseAvailability } from './availability';
import { createDatabase, probeDatabase, type DB } from './client';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function monitor(probe: () => Promise<unknown>, ttlMs = 1000) {
  let now = 10_000;
  const log: string[] = [];
  const availability = new DatabaseAvailability(probe, { ttlMs, timeoutMs: 50, now: () => now, log: (line) => log.push(line) });
  return { availability, log, advance: (ms: number) => (now += ms) };
}

describe('database availability', () => {
  it('probes at most once per ttl and remembers the answer', async () => {
    let probes = 0;
    const { availability, advance } = monitor(async () => {
      probes++;
    });
    expect(await availability.check()).toBe(true);
    expect(await availability.check()).toBe(true);
    advance(999);
    expect(await availability.check()).toBe(true);
    expect(probes).toBe(1);
    advance(1);
    expect(await availability.check()).toBe(true);
    expect(probes).toBe(2);
  });

  it('goes down when the probe fails, logs once, and comes back by itself', async () => {
    let down = true;
    const { availability, log, advance } = monitor(async () => {
      if (down) throw refused();
    });
    expect(await availability.check()).toBe(false);
    expect(availability.knownUp).toBe(false);
    expect(availability.unavailableSince).toBe(10_000);
    advance(1000);
    expect(await availability.check()).toBe(false);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/unreachable \(connect ECONNREFUSED/);
    down = false;
    expect(await availability.check()).toBe(false); // still within the ttl of the last failure
    advance(1000);
    expect(await availability.check()).toBe(true);
    expect(availability.knownUp).toBe(true);
    expect(availability.unavailableSince).toBeNull();
    expect(log[1]).toMatch(/reachable again after 2 s/);
  });

  it('counts a probe that does not answer in time as down', async () => {
    const { availability } = monitor(() => new Promise(() => undefined));
    expect(await availability.check()).toBe(false);
  });

  it('while down, only one request waits on a probe; the others are answered at once', async () => {
    let release!: () => void;
    let probes = 0;
    const { availability, advance } = monitor(() => {
      probes++;
      return probes === 1 ? Promise.reject(refused()) : new Promise<void>((resolve) => (release = resolve));
    });
    expect(await availability.check()).toBe(false);
    advance(1000);
    const waiting = availability.check();
    expect(await availability.check()).toBe(false);
    expect(await availability.check()).toBe(false);
    release();
    expect(await waiting).toBe(true);
    expect(probes).toBe(2);
  });

  it('while up, concurrent requests share one probe', async () => {
    let probes = 0;
    const { availability } = monitor(async () => {
      probes++;
    });
    expect(await Promise.all([availability.check(), availability.check(), availability.check()])).toEqual([true, true, true]);
    expect(probes).toBe(1);
  });

  it('a failed query marks the database down only when it is unreachable', async () => {
    const { availability } = monitor(async () => undefined);
    expect(availability.reportFailure(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(availability.knownUp).toBe(true);
    expect(availability.reportFailure(refused())).toBe(true);
    expect(availability.knownUp).toBe(false);
    // The failure counts as a fresh answer: no probe within the ttl.
    expect(await availability.check()).toBe(false);
  });
});

describe('probeDatabase on SQLite', () => {
  let db: DB | undefined;
  let dir = '';
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails while the file is moved away or replaced, and passes again when it is back', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-probe-'));
    const file = path.join(dir, 'news.db');
    db = createDatabase({ dialect: 'sqlite', file });
    await expect(probeDatabase(db)).resolves.toBeUndefined();

    fs.renameSync(file, `${file}.away`);
    await expect(probeDatabase(db)).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });

    fs.writeFileSync(file, 'not the database');
    await expect(probeDatabase(db)).rejects.toThrow(/another file is there now/);

    fs.rmSync(file);
    fs.renameSync(`${file}.away`, file);
    await expect(probeDatabase(db)).resolves.toBeUndefined();
  });
});
