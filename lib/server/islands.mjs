// @ts-check
/**
 * Reader pages as documents with islands.
 *
 * A reader page needs script for a few small parts only (text size, contrast,
 * print, share, rating, the views beacon: components/site/islands.ts). Next.js
 * would load its whole client runtime for it (React's DOM runtime, the App
 * Router and its loader chunks: 148 kB gzipped on the article page, plus the
 * page again as a React payload in inline scripts), to hydrate a page that
 * never changes in the browser. So the server, for pages marked by
 * components/site/site-chrome.tsx, takes Next's scripts out and puts in one
 * module, components/site/islands-entry.tsx bundled by
 * scripts/build-islands.mjs, that hydrates each island on its own (70 kB).
 * Links are plain links: a page load, served from the page cache.
 *
 * Plain JavaScript so the custom server (server.mjs) loads it without a build step.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Names the islands script of a build; written by scripts/build-islands.mjs into the build folder. */
const ISLANDS_MANIFEST = 'islands-manifest.json';

/**
 * Where a build keeps its islands script: under static/, which Next.js serves
 * as /_next/static/… with immutable caching.
 * @param {string} distDir
 */
export function islandsFolder(distDir) {
  return path.join(distDir, 'static', 'islands');
}

/**
 * Records the bundled script (a file in islandsFolder) as the build's islands script.
 * @param {string} distDir @param {string} fileName
 * @returns {string} its address
 */
export function writeIslandsManifest(distDir, fileName) {
  const script = `/_next/static/islands/${fileName}`;
  fs.writeFileSync(path.join(distDir, ISLANDS_MANIFEST), JSON.stringify({ script }) + '\n');
  return script;
}

/**
 * The address of the islands script of the build in `distDir`, or null when
 * the build has none (`next build` run without scripts/build-islands.mjs).
 * @param {string} distDir
 * @returns {string | null}
 */
export function readIslandsScript(distDir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, ISLANDS_MANIFEST), 'utf8'));
    const file = typeof manifest.script === 'string' ? manifest.script : null;
    return file && fs.existsSync(path.join(islandsFolder(distDir), path.basename(file))) ? file : null;
  } catch {
    return null;
  }
}

/** The mark components/site/site-chrome.tsx puts on reader pages (a real tag: text cannot contain "<"). */
const ISLANDS_PAGE = /<main\b[^>]*\sdata-page-scripts="islands"/;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const NEXT_CHUNK_SOURCE = /\ssrc="\/_next\/static\//;
const ANY_SOURCE = /\ssrc\s*=/i;
/** Next's inline scripts: the React payload, and Turbopack's loader of the page's chunks. */
const NEXT_INLINE = /self\.__next_f|globalThis\["TURBOPACK"\]/;
const SCRIPT_PRELOAD = /<link\b[^>]*\sas="script"[^>]*>/gi;
const NEXT_CHUNK_HREF = /\shref="\/_next\/static\//;

/**
 * A reader page as it leaves the server: without Next.js's chunks, chunk
 * preloads, chunk loader and inline React payload, with the islands script when the page has
 * an island. Other inline scripts (the reader-preferences boot script, JSON-LD)
 * stay. Any other page is returned as it is.
 * @param {string} html
 * @param {string} islandsScript
 * @returns {string}
 */
export function toIslandsPage(html, islandsScript) {
  if (!ISLANDS_PAGE.test(html)) return html;
  const page = html
    .replace(SCRIPT, (tag, attributes, content) => {
      if (NEXT_CHUNK_SOURCE.test(attributes)) return '';
      if (!ANY_SOURCE.test(attributes) && NEXT_INLINE.test(content)) return '';
      return tag;
    })
    .replace(SCRIPT_PRELOAD, (tag) => (NEXT_CHUNK_HREF.test(tag) ? '' : tag));
  if (!page.includes('<div data-island="')) return page;
  // A module script runs once the document is parsed, so every island is there.
  return page.replace('</head>', () => `<script type="module" src="${islandsScript}"></script></head>`);
}
