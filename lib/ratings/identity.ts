import { createHmac, randomUUID } from 'node:crypto';

export const READER_COOKIE = 'reader_id';

/** A reader id from the cookie if it looks like one we issued, else a new one. */
export function readerIdFrom(cookieValue: string | undefined): { id: string; isNew: boolean } {
  if (cookieValue && /^[0-9a-f-]{36}$/.test(cookieValue)) return { id: cookieValue, isNew: false };
  return { id: randomUUID(), isNew: true };
}

/**
 * Client address as the server sees it. Behind a proxy (TRUSTED_PROXY_HOPS=n)
 * the n-th address from the right of X-Forwarded-For is the one the nearest
 * trusted proxy saw; addresses further left are what the client claims and
 * are not trusted.
 */
export function clientAddress(forwardedFor: string | null, trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const chain = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (chain.length === 0) return 'unknown';
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? 'unknown';
}

/**
 * HMAC of address and user agent: never the address itself. Including the
 * user agent keeps readers behind one office NAT from blocking each other.
 */
export function clientHash(address: string, userAgent: string | null, secret = ratingSecret()): string {
  return createHmac('sha256', secret).update(`${address}|${userAgent ?? ''}`).digest('hex');
}

function ratingSecret(): string {
  return process.env.RATING_SECRET ?? process.env.NEXTAUTH_SECRET ?? 'news-rating-development-secret';
}
