import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './csp.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes every inline script the browser would run, once each', () => {
    const html = `<html><head><script>document.documentElement.dataset.size="lon"</script></head><body>
      <script>self.__next_f.push([1,"Tiếng Việt"])</script>
      <script type="module">import("/x.js")</script>
      <script>self.__next_f.push([1,"Tiếng Việt"])</script>
      <script type="speculationrules">{"prefetch":[]}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([
      sha('document.documentElement.dataset.size="lon"'),
      sha('self.__next_f.push([1,"Tiếng Việt"])'),
      sha('import("/x.js")'),
      // Speculation rules make the browser fetch pages: the policy governs them too.
      sha('{"prefetch":[]}'),
    ]);
  });

  it('leaves out script files and data blocks, which need no hash', () => {
    const html = `<script src="/_next/static/chunks/app.js" async></script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script type='application/json'>{}</script>`;
    expect(inlineScriptHashes(html)).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the site and the listed hashes, never inline or eval', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"], https: false });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ scriptHashes: [], https: true })).toContain('upgrade-insecure-requests');
  });
});
