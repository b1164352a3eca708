import type { Metadata } from 'next';
import { siteConfig } from '../site/config';

/**
 * What every public page tells link previews (Facebook, Zalo) and feed readers. Next.js does not
 * merge `openGraph` or `alternates` from a layout into a page that sets its own, so each page's
 * metadata is built here, whole.
 */
export const SITE_FEED = { url: '/rss.xml', title: `${siteConfig.name} – Tin mới` };

/** Feed links for `<link rel="alternate" type="application/rss+xml">`: the site's, and a section's when given. */
export function feedAlternates(section?: { slug: string; name: string }) {
  const feeds = [SITE_FEED, ...(section ? [{ url: `/${section.slug}/rss.xml`, title: `${siteConfig.name} – ${section.name}` }] : [])];
  return { 'application/rss+xml': feeds };
}

/** A listing page (home, section, tag, author): its canonical address, feeds and sharing card. */
export function listingMetadata(input: { title: string; description?: string; path: string; section?: { slug: string; name: string } }): Metadata {
  return {
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    alternates: { canonical: input.path, types: feedAlternates(input.section) },
    openGraph: { type: 'website', siteName: siteConfig.name, locale: 'vi_VN', title: input.title, url: input.path, ...(input.description ? { description: input.description } : {}) },
  };
}
