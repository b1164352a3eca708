/** Types for build-dir.mjs (plain JavaScript so server.mjs loads it without a build). */
export const buildDir: string;
