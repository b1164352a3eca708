#!/usr/bin/env node
/**
 * Bundles the search worker (lib/search/search-worker.ts) into the build folder, after
 * `next build` (npm run build runs it): <distDir>/search-worker/search-worker.mjs, which the
 * production server (server.mjs, lib/server/search-pages.mjs) runs in worker threads.
 *
 * React comes from Next.js's own copy, the one that renders the rest of the page, so the
 * search page's body is the markup Next.js itself would have rendered. The database drivers
 * stay outside the bundle (native code, loaded from node_modules).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildDir } from '../lib/server/build-dir.mjs';
import { searchWorkerFile } from '../lib/server/search-pages.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outfile = searchWorkerFile(path.resolve(root, buildDir));
fs.rmSync(path.dirname(outfile), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['lib/search/search-worker.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node20'],
  jsx: 'automatic',
  tsconfig: 'tsconfig.json',
  alias: { react: 'next/dist/compiled/react', 'react-dom': 'next/dist/compiled/react-dom' },
  external: ['better-sqlite3', 'pg'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS modules (React) call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`search worker: ${path.relative(root, outfile)} (${(fs.statSync(outfile).size / 1024).toFixed(0)} kB)`);
