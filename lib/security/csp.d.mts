/** Types for csp.mjs (plain JavaScript so server.mjs loads it without a build). */
export function inlineScriptHashes(html: string): string[];
export function contentSecurityPolicy(options: { scriptHashes: string[]; https: boolean }): string;
