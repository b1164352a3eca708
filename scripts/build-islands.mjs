#!/usr/bin/env node
/**
 * Bundles the reader pages' islands script (components/site/islands-entry.tsx)
 * into the build folder, after `next build` (npm run build runs both):
 * <distDir>/static/islands/islands-<hash>.js, served by Next.js under
 * /_next/static/ as an immutable file, and <distDir>/islands-manifest.json,
 * which the server (lib/server/islands.mjs) reads at start.
 *
 * React comes from Next.js's own copy, the one that rendered the page on the
 * server, so hydration meets exactly the markup it expects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildDir } from '../lib/server/build-dir.mjs';
import { islandsFolder, writeIslandsManifest } from '../lib/server/islands.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = path.resolve(root, buildDir);
const outdir = islandsFolder(distDir);
fs.rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ['components/site/islands-entry.tsx'],
  entryNames: 'islands-[hash]',
  outdir,
  bundle: true,
  minify: true,
  format: 'esm',
  // Every browser that runs module scripts also runs ES2017 (Chrome 61, Safari 11, Firefox 60):
  // older phones still in use get working islands, for 90 bytes more than ES2020.
  target: ['es2017'],
  jsx: 'automatic',
  tsconfig: 'tsconfig.json',
  alias: { react: 'next/dist/compiled/react', 'react-dom': 'next/dist/compiled/react-dom' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const [output] = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
const file = path.basename(output);
const script = writeIslandsManifest(distDir, file);
const bytes = fs.readFileSync(path.join(outdir, file));
console.log(`islands script: ${script} (${(bytes.length / 1024).toFixed(1)} kB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} kB gzip)`);
