// @ts-check
/**
 * Headers sent with every response, by Next.js (next.config.ts) and by the server for the
 * answers it gives itself (server.mjs: votes). frame-ancestors stops other sites framing ours
 * (clickjacking; the dashboard frames its own previews at phone and desktop widths); the rest of
 * the policy limits where a page may send forms, plugins and <base>. (HSTS is sent by server.mjs:
 * these headers are fixed at build time, SITE_URL is read at start.)
 */
export const everywhereHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'self'; base-uri 'self'; object-src 'none'; form-action 'self'" },
];

/** Added to every API answer. */
export const apiHeaders = [{ key: 'X-Robots-Tag', value: 'noindex' }];
