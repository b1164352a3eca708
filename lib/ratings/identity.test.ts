import { describe, expect, it } from 'vitest';
import { clientAddress, clientHash, readerIdFrom } from './identity';
import { ratingInputSchema } from './schemas';

describe('reader identity for ratings', () => {
  it('trusts only as many forwarding hops as configured', () => {
    expect(clientAddress('1.1.1.1, 10.0.0.1', 0)).toBe('10.0.0.1');
    expect(clientAddress('spoofed, 1.1.1.1, 127.0.0.1', 1)).toBe('1.1.1.1');
    expect(clientAddress(null, 0)).toBe('unknown');
  });

  it('hashes the address with a secret instead of storing it', () => {
    const hash = clientHash('203.0.113.7', 'Mozilla', 'secret');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('203.0.113.7');
    expect(clientHash('203.0.113.7', 'Other browser', 'secret')).not.toBe(hash);
  });

  it('keeps a valid reader cookie and replaces a forged one', () => {
    const valid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(readerIdFrom(valid)).toEqual({ id: valid, isNew: false });
    expect(readerIdFrom('<script>').isNew).toBe(true);
  });

  it('accepts 1 to 5 stars and explains anything else in Vietnamese', () => {
    expect(ratingInputSchema.parse({ stars: '4' }).stars).toBe(4);
    for (const bad of [0, 6, 2.5, 'abc', null]) {
      const result = ratingInputSchema.safeParse({ stars: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/sao/);
    }
  });
});
