import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Types for micro-cache.mjs (plain JavaScript so server.mjs loads it without a build). */
type Kept = { headers: OutgoingHttpHeaders; body: Buffer; storedAt: number; expiresAt: number };
export class MicroCache {
  constructor(options: { ttlMs: number; maxBytes?: number; now?: () => number });
  readonly bytes: number;
  get(key: string): Kept | undefined;
  set(key: string, response: { headers: OutgoingHttpHeaders; body: Buffer }): void;
  delete(key: string): void;
  answer(key: string, req: IncomingMessage, res: ServerResponse): boolean;
}
