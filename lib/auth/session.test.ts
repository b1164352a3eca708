import { describe, expect, it } from 'vitest';
import { sessionStillValid } from './session';

describe('sessions after a password reset', () => {
  it('end when they were signed in before the reset, and go on when signed in after it', () => {
    const reset = '2026-11-26T10:00:00.000Z';
    expect(sessionStillValid(Date.parse('2026-11-26T09:59:59.000Z'), reset)).toBe(false);
    expect(sessionStillValid(Date.parse('2026-11-26T10:00:01.000Z'), reset)).toBe(true);
    // Sessions from before sign-in times were recorded (0) end too, once a reset happens.
    expect(sessionStillValid(0, reset)).toBe(false);
    expect(sessionStillValid(0, null)).toBe(true);
  });
});
