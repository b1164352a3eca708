/** Types for security-headers.mjs (plain JavaScript so server.mjs and next.config.ts share it). */
export const everywhereHeaders: Array<{ key: string; value: string }>;
export const apiHeaders: Array<{ key: string; value: string }>;
