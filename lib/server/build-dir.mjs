// @ts-check
/**
 * The folder of the production build: `.next`, or NEXT_DIST_DIR (tests and benchmarks build
 * side by side). One definition for next.config.ts, the server and the scripts that write or
 * copy into the build. Plain JavaScript so server.mjs loads it without a build step.
 */
export const buildDir = process.env.NEXT_DIST_DIR ?? '.next';
