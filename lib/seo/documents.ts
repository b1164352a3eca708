import 'server-only';
import { getPublicFeedArticles, getPublicRecentArticles, getPublicSitemapArticles, getPublicSitemapOverview } from '../articles/public';
import { getPublicSection, getPublicSections } from '../sections/public';
import { siteConfig, siteUrl } from '../site/config';
import { FEED_SIZE, fixedSitemapUrls, newsUrlFromArticle, rssItemFromArticle, sectionRssChannel, siteRssChannel, sitemapUrlFromArticle } from './feeds';
import { buildRssFeed } from './rss';
import {
  buildNewsSitemap,
  buildSitemapIndex,
  buildUrlSet,
  NEWS_SITEMAP_LIMIT,
  NEWS_SITEMAP_WINDOW_MS,
  SITEMAP_PAGE_SIZE,
  sitemapPageCount,
  sitemapPageSlice,
} from './sitemap';

/**
 * The XML documents of the feed and sitemap routes, from cached public reads
 * (lib/articles/public.ts). null means "no such document" (a 404).
 */

export async function renderSiteFeed(): Promise<string> {
  const origin = siteUrl();
  const articles = await getPublicFeedArticles(null, null, FEED_SIZE);
  return buildRssFeed(siteRssChannel(siteConfig, origin), articles.map((a) => rssItemFromArticle(a, origin)), new Date().toISOString());
}

export async function renderSectionFeed(sectionSlug: string): Promise<string | null> {
  const section = await getPublicSection(sectionSlug);
  if (!section) return null;
  const origin = siteUrl();
  const articles = await getPublicFeedArticles(section.id, section.slug, FEED_SIZE);
  return buildRssFeed(sectionRssChannel(siteConfig, section, origin), articles.map((a) => rssItemFromArticle(a, origin)), new Date().toISOString());
}

async function sitemapLayout() {
  const [sections, overview] = await Promise.all([getPublicSections(), getPublicSitemapOverview()]);
  const fixedCount = 1 + sections.length;
  return { sections, overview, fixedCount, pageCount: sitemapPageCount(fixedCount, overview.articleCount) };
}

export async function renderSitemapIndex(): Promise<string> {
  const origin = siteUrl();
  const { pageCount } = await sitemapLayout();
  return buildSitemapIndex(Array.from({ length: pageCount }, (_, i) => ({ loc: `${origin}/sitemaps/${i + 1}.xml` })));
}

export async function renderSitemapPage(page: number): Promise<string | null> {
  const origin = siteUrl();
  const { sections, overview, fixedCount, pageCount } = await sitemapLayout();
  if (page < 1 || page > pageCount) return null;
  const slice = sitemapPageSlice(page, fixedCount, SITEMAP_PAGE_SIZE);
  const fixed = fixedSitemapUrls(sections, overview.sectionsLastChanged, origin).slice(slice.fixed.start, slice.fixed.end);
  const articles = await getPublicSitemapArticles(slice.articleOffset, slice.articleLimit);
  return buildUrlSet([...fixed, ...articles.map((a) => sitemapUrlFromArticle(a, origin))]);
}

export async function renderNewsSitemap(): Promise<string> {
  const origin = siteUrl();
  const articles = await getPublicRecentArticles(NEWS_SITEMAP_WINDOW_MS, NEWS_SITEMAP_LIMIT);
  return buildNewsSitemap({ name: siteConfig.name, language: 'vi' }, articles.map((a) => newsUrlFromArticle(a, origin)));
}

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export function xmlResponse(body: string | null, contentType: string): Response {
  if (body === null) {
    return new Response('Không tìm thấy.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(body, { headers: { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' } });
}
