/** Types for own-url.mjs (plain JavaScript so server.mjs loads it without a build). */
import type { AddressInfo } from 'node:net';
export function ownUrl(info: AddressInfo | string | null): string | null;
