/** Types for unavailable-page.mjs (plain JavaScript so server.mjs loads it without a build). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS: number;
export const UNAVAILABLE_TITLE: string;
export const UNAVAILABLE_MESSAGE: string;
export function unavailablePage(): string;
