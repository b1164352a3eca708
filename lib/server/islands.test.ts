import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../security/csp.mjs';
import { readIslandsScript, toIslandsPage } from './islands.mjs';

const SCRIPT = '/_next/static/islands/islands-ABC123.js';

/** The shape of a page as Next.js 16 renders it (trimmed). */
function renderedPage({ reader = true, island = true } = {}) {
  return [
    '<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/>',
    '<link rel="stylesheet" href="/_next/static/chunks/0a1b.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>',
    '<script src="/_next/static/chunks/main-app-2.js" async=""></script>',
    '<script>document.documentElement.classList.add("js")</script>',
    '<title>Bài viết</title></head><body>',
    `<main id="noi-dung"${reader ? ' data-page-scripts="islands"' : ''} tabindex="-1">`,
    island ? '<div data-island="TextSizeControl" class="contents"><div role="group"></div></div>' : '<p>Không có phần tương tác.</p>',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    '</main>',
    '<script src="/_next/static/chunks/polyfills-3.js" noModule=""></script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
    '<script>self.__next_f.push([1,"0:{\\"P\\":null}"])</script>',
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/2_x.js"]});</script>',
    '</body></html>',
  ].join('');
}

describe('toIslandsPage', () => {
  it('takes out Next.js chunks, their preloads and the React payload of a reader page, and adds the islands script', () => {
    const page = toIslandsPage(renderedPage(), SCRIPT);
    expect(page).not.toContain('/_next/static/chunks/main-app');
    expect(page).not.toContain('webpack-1.js');
    expect(page).not.toContain('polyfills');
    expect(page).not.toContain('__next_f');
    expect(page).not.toContain('TURBOPACK');
    expect(page).toContain(`<script type="module" src="${SCRIPT}"></script></head>`);
    // What the reader sees and the page's own scripts stay.
    expect(page).toContain('href="/_next/static/chunks/0a1b.css"');
    expect(page).toContain('<div data-island="TextSizeControl" class="contents">');
    expect(page).toContain('<script type="application/ld+json">');
    expect(inlineScriptHashes(page)).toHaveLength(1);
  });

  it('adds no script to a reader page without islands', () => {
    const page = toIslandsPage(renderedPage({ island: false }), SCRIPT);
    expect(page).not.toContain('<script type="module"');
    expect(page).not.toContain('__next_f');
  });

  it('leaves other pages (the dashboard, sign-in) as Next.js rendered them', () => {
    const page = renderedPage({ reader: false });
    expect(toIslandsPage(page, SCRIPT)).toBe(page);
  });

  it('is not fooled by the mark written as text (a search for it is escaped)', () => {
    const page = renderedPage({ reader: false }).replace('<p>', '<p>data-page-scripts=&quot;islands&quot; &lt;main data-page-scripts="islands"');
    expect(toIslandsPage(page, SCRIPT)).toBe(page);
  });
});

describe('readIslandsScript', () => {
  it('reads the script named by the build, and only if the build has it', () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'islands-'));
    expect(readIslandsScript(distDir)).toBeNull();
    fs.writeFileSync(path.join(distDir, 'islands-manifest.json'), JSON.stringify({ script: SCRIPT }));
    expect(readIslandsScript(distDir)).toBeNull();
    fs.mkdirSync(path.join(distDir, 'static', 'islands'), { recursive: true });
    fs.writeFileSync(path.join(distDir, 'static', 'islands', 'islands-ABC123.js'), 'export {}');
    expect(readIslandsScript(distDir)).toBe(SCRIPT);
  });
});
