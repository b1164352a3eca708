import { describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './config';

describe('DATABASE_URL', () => {
  it('defaults to data/news.db', () => {
    expect(readDatabaseConfig('', '/srv/app')).toEqual({ dialect: 'sqlite', file: '/srv/app/data/news.db' });
  });
  it('reads file: URLs as SQLite paths', () => {
    expect(readDatabaseConfig('file:/tmp/x.db', '/srv/app')).toEqual({ dialect: 'sqlite', file: '/tmp/x.db' });
    expect(readDatabaseConfig('file:./y.db', '/srv/app')).toEqual({ dialect: 'sqlite', file: '/srv/app/y.db' });
  });
  it('reads postgres URLs', () => {
    expect(readDatabaseConfig('postgres://u:p@localhost:5432/news').dialect).toBe('postgres');
    expect(readDatabaseConfig('postgresql://localhost/news').dialect).toBe('postgres');
  });
  it('explains an unknown scheme', () => {
    expect(() => readDatabaseConfig('mysql://x')).toThrow(/DATABASE_URL không hợp lệ/);
  });
});
