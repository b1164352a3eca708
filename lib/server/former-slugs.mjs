// @ts-check
/**
 * Marks article requests for former slugs, so that only those run the proxy (proxy.ts answers
 * them 301; why only those: lib/articles/slug-redirects.ts).
 *
 * The proxy's matcher runs it for an article address when the request carries FORMER_SLUG_HEADER,
 * or when it lacks SERVER_HEADER (no server in front: `next dev`). So the server sets
 * SERVER_HEADER on every request and FORMER_SLUG_HEADER on those whose slug is in the set of
 * former slugs that Next's bundles keep on globalThis, and removes whatever a client sent under
 * those names. (A forged mark would only make the proxy ask the database for nothing.)
 */
import { shared, sharedValue } from './shared-state.mjs';

export const SERVER_HEADER = 'x-news-server';
export const FORMER_SLUG_HEADER = 'x-former-slug';
const ARTICLE_PATH = /^\/[a-z0-9-]+\/([a-z0-9-]+)$/;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {Set<string> | undefined} formerSlugs the set of former slugs (default: Next's, on globalThis)
 */
export function markFormerSlugRequest(req, formerSlugs = sharedValue(shared.formerSlugs)) {
  req.headers[SERVER_HEADER] = '1';
  delete req.headers[FORMER_SLUG_HEADER];
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const slug = ARTICLE_PATH.exec(query < 0 ? url : url.slice(0, query))?.[1];
  // Not read yet (the first moments after start): every article address goes through the proxy.
  if (slug && (!formerSlugs || formerSlugs.has(slug))) req.headers[FORMER_SLUG_HEADER] = '1';
}
