// @ts-check
/**
 * A few seconds of memory for pages Next.js renders on every request (search
 * results): the same query asked again within `ttlMs` is answered from here,
 * as sent the first time, without rendering or touching the database. Bounded
 * by total size, oldest first; what it holds is derived and may be lost.
 */
import { matchesEtag } from './finish-response.mjs';

/** @typedef {{ headers: import('node:http').OutgoingHttpHeaders, body: Buffer, storedAt: number, expiresAt: number }} Kept */

export class MicroCache {
  /** @param {{ ttlMs: number, maxBytes?: number, now?: () => number }} options */
  constructor({ ttlMs, maxBytes = 16 * 1024 * 1024, now = Date.now }) {
    this.ttlMs = ttlMs;
    this.maxBytes = maxBytes;
    this.now = now;
    this.bytes = 0;
    /** @type {Map<string, Kept>} */
    this.entries = new Map();
  }

  /** @param {string} key @returns {Kept | undefined} */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  /** @param {string} key @param {{ headers: import('node:http').OutgoingHttpHeaders, body: Buffer }} response */
  set(key, response) {
    // Never replay a cookie meant for one client to another.
    if (this.ttlMs <= 0 || response.body.length > this.maxBytes / 8 || response.headers['set-cookie']) return;
    this.delete(key);
    const now = this.now();
    this.entries.set(key, { ...response, storedAt: now, expiresAt: now + this.ttlMs });
    this.bytes += response.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  /**
   * Answers `req` from what is kept under `key`, if anything (304 when the client has it).
   * @param {string} key @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @returns {boolean} whether it answered
   */
  answer(key, req, res) {
    const kept = this.get(key);
    if (!kept) return false;
    // Age says it was kept (RFC 9111), in whole seconds.
    const age = String(Math.floor((this.now() - kept.storedAt) / 1000));
    const etag = kept.headers.etag;
    if (typeof etag === 'string' && matchesEtag(/** @type {string | undefined} */ (req.headers['if-none-match']), etag)) {
      const { 'content-type': _type, 'content-length': _length, 'content-encoding': _encoding, ...headers } = kept.headers;
      res.writeHead(304, { ...headers, age });
      res.end();
      return true;
    }
    res.writeHead(200, { ...kept.headers, age });
    res.end(kept.body);
    return true;
  }
}
