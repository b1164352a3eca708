import { latestIso, toRfc822 } from './dates';
import { escapeXml, XML_DECLARATION, xmlElement } from './xml';

export type RssChannel = {
  title: string;
  /** Absolute URL of the page the feed mirrors. */
  link: string;
  description: string;
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  selfUrl: string;
  language?: string;
};

export type RssItem = {
  title: string;
  /** Absolute URL; also the permanent guid. */
  link: string;
  description: string;
  /** UTC ISO timestamp. */
  publishedAt: string;
  updatedAt?: string | null;
  category: string;
  creator: string;
  enclosure: { url: string; length: number; type: string } | null;
};

/**
 * An RSS 2.0 document. Every text goes through escapeXml, so titles with
 * markup characters or any Unicode stay data and the document stays well
 * formed. lastBuildDate is the newest change among the items (not the time
 * of rendering), so an unchanged feed renders byte for byte the same.
 */
export function buildRssFeed(channel: RssChannel, items: RssItem[], fallbackBuildDate: string): string {
  const lastChange = latestIso(...items.flatMap((i) => [i.publishedAt, i.updatedAt])) ?? fallbackBuildDate;
  const lines = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    xmlElement('title', channel.title),
    xmlElement('link', channel.link),
    xmlElement('description', channel.description),
    xmlElement('language', channel.language ?? 'vi'),
    xmlElement('lastBuildDate', toRfc822(lastChange)),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items.map(renderItem),
    '</channel>',
    '</rss>',
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}

function renderItem(item: RssItem): string {
  const parts = [
    xmlElement('title', item.title),
    xmlElement('link', item.link),
    xmlElement('guid', item.link, { isPermaLink: 'true' }),
    xmlElement('pubDate', toRfc822(item.publishedAt)),
    xmlElement('description', item.description),
    xmlElement('category', item.category),
    xmlElement('dc:creator', item.creator),
    item.enclosure ? xmlElement('enclosure', null, { url: item.enclosure.url, length: item.enclosure.length, type: item.enclosure.type }) : '',
  ];
  return `<item>${parts.filter(Boolean).join('')}</item>`;
}
