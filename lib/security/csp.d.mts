import type { IncomingMessage, ServerResponse } from 'node:http';

/** Types for csp.mjs (plain JavaScript so server.mjs loads it without a build). */
export function inlineScriptHashes(html: string): string[];
export function contentSecurityPolicy(options: { scriptHashes: string[]; https: boolean }): string;
export class FinishedPages {
  constructor(maxBytes?: number);
  get(key: string): { policy: string; body: Buffer; encoding: string } | undefined;
  set(key: string, entry: { policy: string; body: Buffer; encoding: string }): void;
  readonly bytes: number;
}
export function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity';
export function hashInlineScriptsOf(req: IncomingMessage, res: ServerResponse, options: { https: boolean; pages?: FinishedPages }): void;
