import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { SearchWorkerAnswer, SearchWorkerRequest } from '../search/search-worker-answer';

/** Types for search-pages.mjs (plain JavaScript so server.mjs loads it without a build). */
type Shell = { html: string; headers: Record<string, string | string[]> };
export function searchWorkerFile(distDir: string): string;
export function isSearchPageRequest(req: IncomingMessage): boolean;
export function spliceSearchBody(shell: string, body: string): string | null;
export function pageHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]>;
export class SearchWorkers {
  constructor(options: { file: string; threads: number; timeoutMs?: number; maxInFlight?: number; pauseMs?: number; now?: () => number });
  startAll(): void;
  ask(request: SearchWorkerRequest): Promise<SearchWorkerAnswer>;
  close(): Promise<void>;
}
export class SearchShell {
  constructor(options: { fetch: () => Promise<Shell | null>; ttlMs: number; generation: () => number; retryMs?: number; now?: () => number });
  get(): Promise<Shell | null>;
}
export const SHELL_HEADER: string;
export function createSearchPages(options: { distDir: string; server: Server; generation: () => number; databaseKnownDown: () => boolean }): {
  isShellRequest(req: IncomingMessage): boolean;
  handles(req: IncomingMessage): boolean;
  respond(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  start(): void;
} | null;
