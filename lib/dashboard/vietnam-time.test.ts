import { describe, expect, it } from 'vitest';
import { formatVietnamSavedAt, toVietnamLocalInput, vietnamLocalInputToIso } from './vietnam-time';

describe('times in the dashboard', () => {
  it('"Đã lưu lúc" names the day unless the save was today in Vietnam', () => {
    const now = '2026-11-26T04:00:00.000Z'; // 11:00 in Vietnam
    expect(formatVietnamSavedAt('2026-11-26T01:05:00.000Z', now)).toBe('08:05');
    // 23:30 on the 25th in UTC is already 06:30 on the 26th in Vietnam: today.
    expect(formatVietnamSavedAt('2026-11-25T23:30:00.000Z', now)).toBe('06:30');
    expect(formatVietnamSavedAt('2019-10-09T08:34:00.000Z', now)).toBe('15:34 09/10/2019');
  });

  it('reads and writes datetime-local values as Vietnam time', () => {
    expect(vietnamLocalInputToIso('2026-03-01T08:30')).toBe('2026-03-01T08:30:00+07:00');
    expect(toVietnamLocalInput('2026-03-01T01:30:00.000Z')).toBe('2026-03-01T08:30');
  });
});
