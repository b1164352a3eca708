import { describe, expect, it } from 'vitest';
import { latestIso, toRfc822 } from './dates';

describe('toRfc822', () => {
  it('writes the seed article time in Vietnam time with English names', () => {
    expect(toRfc822('2019-10-09T08:34:00.000Z')).toBe('Wed, 09 Oct 2019 15:34:00 +0700');
  });

  it('moves to the next Vietnamese day, month and year', () => {
    expect(toRfc822('2025-12-31T18:05:09.000Z')).toBe('Thu, 01 Jan 2026 01:05:09 +0700');
    expect(toRfc822('2024-02-29T16:59:59.000Z')).toBe('Thu, 29 Feb 2024 23:59:59 +0700');
  });

  it('is what Date.parse reads back as the same instant', () => {
    const iso = '2026-03-08T23:15:42.000Z';
    expect(new Date(Date.parse(toRfc822(iso))).toISOString()).toBe(iso);
  });

  it('refuses a non-date', () => {
    expect(() => toRfc822('hôm qua')).toThrow();
  });
});

describe('latestIso', () => {
  it('picks the latest and ignores missing values', () => {
    expect(latestIso('2020-01-01T00:00:00.000Z', null, '2021-01-01T00:00:00.000Z', undefined)).toBe('2021-01-01T00:00:00.000Z');
    expect(latestIso(null)).toBeNull();
  });
});
