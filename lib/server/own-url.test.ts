import { describe, expect, it } from 'vitest';
import { ownUrl } from './own-url.mjs';

describe('ownUrl', () => {
  it('calls a server listening on every interface on loopback, and one on an address there', () => {
    expect(ownUrl({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(ownUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(ownUrl({ address: '10.0.0.12', family: 'IPv4', port: 8080 })).toBe('http://10.0.0.12:8080');
    expect(ownUrl({ address: '::1', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
  });

  it('has no address before the server listens, or on a pipe', () => {
    expect(ownUrl(null)).toBeNull();
    expect(ownUrl('/tmp/news.sock')).toBeNull();
  });
});
