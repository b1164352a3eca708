import { toVietnamOffsetIso } from '../time/format';
import { XML_DECLARATION, xmlElement } from './xml';

/** The protocol allows 50,000; smaller pages keep each response quick to render and to fetch. */
export const SITEMAP_PAGE_SIZE = 5000;
/** Google News reads at most 1,000 URLs from one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000;

export type SitemapUrl = { loc: string; lastModified?: string | null };

export type NewsSitemapUrl = { loc: string; title: string; publishedAt: string };

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const lastmod = (iso: string | null | undefined) => (iso ? xmlElement('lastmod', toVietnamOffsetIso(iso)) : '');

export function buildSitemapIndex(sitemaps: SitemapUrl[]): string {
  const entries = sitemaps.map((s) => `<sitemap>${xmlElement('loc', s.loc)}${lastmod(s.lastModified)}</sitemap>`);
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, '</sitemapindex>'].join('\n') + '\n';
}

export function buildUrlSet(urls: SitemapUrl[]): string {
  const entries = urls.map((u) => `<url>${xmlElement('loc', u.loc)}${lastmod(u.lastModified)}</url>`);
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`, ...entries, '</urlset>'].join('\n') + '\n';
}

export function buildNewsSitemap(publication: { name: string; language: string }, urls: NewsSitemapUrl[]): string {
  const pub = `<news:publication>${xmlElement('news:name', publication.name)}${xmlElement('news:language', publication.language)}</news:publication>`;
  const entries = urls.map(
    (u) =>
      `<url>${xmlElement('loc', u.loc)}<news:news>${pub}${xmlElement('news:publication_date', toVietnamOffsetIso(u.publishedAt))}${xmlElement('news:title', u.title)}</news:news></url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...entries, '</urlset>'].join('\n') + '\n';
}

/**
 * The sitemap pages list, in this order, the fixed pages (home, then every
 * section) and then every article oldest first, so adding an article only
 * ever changes the last page. At least one page exists, even for an empty site.
 */
export function sitemapPageCount(fixedCount: number, articleCount: number, pageSize = SITEMAP_PAGE_SIZE): number {
  return Math.max(1, Math.ceil((fixedCount + articleCount) / pageSize));
}

/** Which fixed entries and which slice of the articles page `page` (from 1) shows. */
export function sitemapPageSlice(page: number, fixedCount: number, pageSize = SITEMAP_PAGE_SIZE) {
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const fixed = { start: Math.min(start, fixedCount), end: Math.min(end, fixedCount) };
  const articleOffset = Math.max(0, start - fixedCount);
  const articleLimit = Math.max(0, end - fixedCount) - articleOffset;
  return { fixed, articleOffset, articleLimit };
}

/** "3.xml" → 3; anything else (0, "01.xml", "3", "x.xml") → null. */
export function parseSitemapFileName(name: string): number | null {
  const m = /^([1-9]\d{0,5})\.xml$/.exec(name);
  return m ? Number(m[1]) : null;
}
