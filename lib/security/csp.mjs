// @ts-check
/**
 * Content-Security-Policy with script hashes for pages that are cached.
 *
 * Next.js writes its page data into inline <script> tags (self.__next_f.push…),
 * different on every page, and a nonce would force every page to be rendered
 * per request (no cache). So the server (server.mjs, lib/server/finish-response.mjs)
 * lets each HTML response finish, hashes its inline scripts and sends a policy
 * that allows exactly those: an injected <script> or onclick= has no matching
 * hash and does not run. Plain JavaScript so the custom server loads it without a build step.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /\ssrc\s*=/i;
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/**
 * Types the policy governs: scripts the browser executes, and speculation rules (which make it
 * fetch pages). Data blocks such as application/ld+json are never run, so need no hash.
 */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript', 'application/ecmascript', 'speculationrules']);

/**
 * 'sha256-…' sources for every executable inline script in a document, in order, without repeats.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? '';
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    const typeMatch = TYPE_ATTRIBUTE.exec(attributes);
    const type = (typeMatch ? (typeMatch[1] ?? typeMatch[2] ?? typeMatch[3] ?? '') : '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy sent with every HTML page. Scripts: the site's own files and the
 * listed inline scripts only (no 'unsafe-inline', no eval). Styles may be inline
 * (style attributes from next/image and React), which cannot run code.
 * @param {{ scriptHashes: string[], https: boolean }} options
 */
export function contentSecurityPolicy({ scriptHashes, https }) {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.length ? ' ' + scriptHashes.join(' ') : ''}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    // The dashboard frames its own previews at phone and desktop widths; nobody else may frame us.
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "form-action 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
