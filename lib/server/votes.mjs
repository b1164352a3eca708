// @ts-check
/**
 * Votes (POST /api/articles/{id}/rating) answered by the server itself, with the route handler's
 * own code (lib/ratings/vote-request.ts, lent by Next's side on globalThis: lib/ratings/lend-votes.ts).
 * Through Next.js's route-handler pipeline a vote took about 2 ms, 85 % of it the pipeline
 * (routing, web streams, async hooks); every reader who rates an article sends one. Until the
 * code is lent (the first moments after start), and under `next dev`, Next.js answers them.
 */
import { apiHeaders, everywhereHeaders } from '../http/security-headers.mjs';
import { shared, sharedValue } from './shared-state.mjs';

const VOTE_PATH = /^\/api\/articles\/([^/?#]+)\/rating(?:\?.*)?$/;
/** A vote is a few bytes ({"stars":4}, or stars=4 from a form). */
export const MAX_VOTE_BYTES = 16 * 1024;
/** Headers of the connection, not of the request the handler reads. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

/**
 * Answers `req` when it is a vote and the vote code is lent; returns whether it did.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {(request: Request, articleId: string) => Promise<Response>} [answerVote]
 */
export function answerVoteRequest(req, res, answerVote = sharedValue(shared.answerVote)) {
  if (req.method !== 'POST' || typeof answerVote !== 'function') return false;
  const match = VOTE_PATH.exec(req.url ?? '');
  if (!match) return false;
  let articleId;
  try {
    articleId = decodeURIComponent(match[1] ?? '');
  } catch {
    return false;
  }
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (/** @type {Buffer} */ chunk) => {
    size += chunk.length;
    if (size > MAX_VOTE_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('error', () => res.destroy());
  req.on('end', async () => {
    for (const { key, value } of [...everywhereHeaders, ...apiHeaders]) res.setHeader(key, value);
    if (tooLarge) return send(res, 413, { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' }, JSON.stringify({ error: 'Nội dung gửi lên quá lớn.' }));
    try {
      /** @type {Record<string, string>} */
      const headers = {};
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !HOP_HEADERS.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const response = await answerVote(new Request(`http://localhost${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }), articleId);
      const body = Buffer.from(await response.arrayBuffer());
      for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader('Set-Cookie', cookies);
      send(res, response.status, {}, body);
    } catch (error) {
      console.error('[votes] failed:', error);
      send(res, 500, { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' }, JSON.stringify({ error: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.' }));
    }
  });
  return true;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {Record<string, string>} headers @param {string | Buffer} body */
function send(res, status, headers, body) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.writeHead(status);
  res.end(body);
}
