import type { FeedArticle, SitemapArticle } from '../articles/queries';
import { articlePath, sectionPath } from '../site/config';
import { latestIso } from './dates';
import type { RssChannel, RssItem } from './rss';
import type { NewsSitemapUrl, SitemapUrl } from './sitemap';

/**
 * From public reads to feed and sitemap entries. Pure: the origin is passed
 * in, so the same data renders for any public address.
 */

export const FEED_SIZE = 50;

export function rssItemFromArticle(article: FeedArticle, origin: string): RssItem {
  return {
    title: article.title,
    link: origin + articlePath(article.section.slug, article.slug),
    description: article.lead,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    category: article.section.name,
    creator: article.byline,
    enclosure: article.coverFile ? { url: origin + article.coverFile.url, length: article.coverFile.byteSize, type: article.coverFile.mimeType } : null,
  };
}

export function siteRssChannel(site: { name: string; tagline: string }, origin: string): RssChannel {
  return { title: site.name, link: `${origin}/`, description: site.tagline, selfUrl: `${origin}/rss.xml`, language: 'vi' };
}

export function sectionRssChannel(
  site: { name: string },
  section: { name: string; slug: string; description: string | null },
  origin: string,
): RssChannel {
  return {
    title: `${section.name} – ${site.name}`,
    link: origin + sectionPath(section.slug),
    description: section.description ?? `Tin ${section.name} của ${site.name}`,
    selfUrl: `${origin}/${section.slug}/rss.xml`,
    language: 'vi',
  };
}

export function sitemapUrlFromArticle(article: SitemapArticle, origin: string): SitemapUrl {
  return { loc: origin + articlePath(article.sectionSlug, article.slug), lastModified: latestIso(article.publishedAt, article.updatedAt) };
}

export function newsUrlFromArticle(article: SitemapArticle, origin: string): NewsSitemapUrl {
  return { loc: origin + articlePath(article.sectionSlug, article.slug), title: article.title, publishedAt: article.publishedAt };
}

/** Home first, then the sections in menu order; each dated by its newest change. */
export function fixedSitemapUrls(sections: Array<{ id: number; slug: string }>, lastChanged: Record<number, string>, origin: string): SitemapUrl[] {
  const home: SitemapUrl = { loc: `${origin}/`, lastModified: latestIso(...Object.values(lastChanged)) };
  return [home, ...sections.map((s) => ({ loc: origin + sectionPath(s.slug), lastModified: lastChanged[s.id] ?? null }))];
}
