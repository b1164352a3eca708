import { describe, expect, it } from 'vitest';
import { formatVietnamDateTime, toVietnamOffsetIso, vietnamLocalToUtcIso, formatVietnamDate } from './format';

describe('Vietnam time', () => {
  it('shows the seed article time as the portal did', () => {
    const stored = vietnamLocalToUtcIso('2019-10-09 15:34');
    expect(stored).toBe('2019-10-09T08:34:00.000Z');
    expect(formatVietnamDateTime(stored)).toBe('09/10/2019 15:34');
    expect(formatVietnamDate(stored)).toBe('09/10/2019');
  });

  it('crosses midnight into the next Vietnamese day', () => {
    expect(formatVietnamDateTime('2026-11-25T18:30:00.000Z')).toBe('26/11/2026 01:30');
  });

  it('writes ISO with the +07:00 offset', () => {
    expect(toVietnamOffsetIso('2019-10-09T08:34:00.000Z')).toBe('2019-10-09T15:34:00+07:00');
  });

  it('refuses malformed local times', () => {
    expect(() => vietnamLocalToUtcIso('9/10/2019')).toThrow(/không hợp lệ/);
  });
});
