import type { IncomingMessage } from 'node:http';

/** Types for former-slugs.mjs (plain JavaScript so server.mjs loads it without a build). */
export const SERVER_HEADER: string;
export const FORMER_SLUG_HEADER: string;
export function markFormerSlugRequest(req: IncomingMessage, formerSlugs?: Set<string>): void;
