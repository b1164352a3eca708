import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Types for finish-response.mjs (plain JavaScript so server.mjs loads it without a build). */
type Finished = { policy: string | null; body: Buffer; encoding: string };
export class FinishedPages {
  constructor(maxBytes?: number);
  get(key: string): Finished | undefined;
  set(key: string, entry: Finished): void;
  readonly bytes: number;
}
export const SHARED_PAGE_CACHE_CONTROL: string;
export function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity';
export function matchesEtag(header: string | undefined, etag: string): boolean;
export function finishResponse(
  req: IncomingMessage,
  res: ServerResponse,
  options: {
    https: boolean;
    pages?: FinishedPages;
    outagePage?: () => string | null;
    shareForSeconds?: number;
    onFinished?: (response: { headers: OutgoingHttpHeaders; body: Buffer }) => void;
    /** Rewrites HTML pages (lib/server/islands.mjs); `id` joins the page's ETag. */
    transformPage?: { apply: (html: string) => string; id: string };
    /** The site's 404 page, in place of Next.js's empty error document. */
    notFoundPage?: () => string | null;
  },
): void;
