import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { getDb } from '../db/client';
import { cacheTags } from '../cache/tags';
import { findPublishedArticleByOldSlug, getHomePage, getPublishedArticleBySlug, listSectionArticles } from './queries';
import { countPublishedArticles, listArticlesPublishedSince, listFeedArticles, listSectionsLastChanged, listSitemapArticles } from './queries';

/**
 * Cached public reads for reader pages. Tagged with what they depend on so a
 * write refreshes exactly these entries (see lib/cache/tags.ts); React's
 * cache() lets generateMetadata and the page share one call per request.
 */
export const getPublicArticle = cache((slug: string) =>
  unstable_cache(() => getPublishedArticleBySlug(getDb(), slug), ['public-article', slug], {
    tags: [cacheTags.articleSlug(slug)],
  })(),
);

export const getArticleRedirect = cache((oldSlug: string) =>
  unstable_cache(() => findPublishedArticleByOldSlug(getDb(), oldSlug), ['article-redirect', oldSlug], {
    tags: [cacheTags.articleSlug(oldSlug), cacheTags.articleLists],
  })(),
);

export const getPublicHomePage = cache(() =>
  unstable_cache(() => getHomePage(getDb()), ['public-home'], { tags: [cacheTags.articleLists, cacheTags.sections] })(),
);

export const getPublicSectionPage = cache((sectionId: number, sectionSlug: string, page: number, pageSize: number) =>
  unstable_cache(() => listSectionArticles(getDb(), sectionId, page, pageSize), ['public-section', String(sectionId), String(page), String(pageSize)], {
    tags: [cacheTags.section(sectionSlug), cacheTags.articleLists],
  })(),
);

/* ---------- Feeds and sitemaps ---------- */
// Feeds and sitemaps show section names and slugs as well as articles, so
// they also depend on the sections tag (a renamed section refreshes them).

export const getPublicFeedArticles = cache((sectionId: number | null, sectionSlug: string | null, limit: number) =>
  unstable_cache(
    () => listFeedArticles(getDb(), { sectionId: sectionId ?? undefined, limit }),
    ['public-feed', String(sectionId ?? 'all'), String(limit)],
    { tags: [cacheTags.articleLists, cacheTags.sections, ...(sectionSlug ? [cacheTags.section(sectionSlug)] : [])] },
  )(),
);

/** How many articles the sitemaps list, and when each section's listing last changed. */
export const getPublicSitemapOverview = cache(() =>
  unstable_cache(
    async () => {
      const db = getDb();
      const [articleCount, sectionsLastChanged] = await Promise.all([countPublishedArticles(db), listSectionsLastChanged(db)]);
      return { articleCount, sectionsLastChanged };
    },
    ['public-sitemap-overview'],
    { tags: [cacheTags.articleLists, cacheTags.sections] },
  )(),
);

export const getPublicSitemapArticles = cache((offset: number, limit: number) =>
  unstable_cache(() => listSitemapArticles(getDb(), offset, limit), ['public-sitemap-articles', String(offset), String(limit)], {
    tags: [cacheTags.articleLists, cacheTags.sections],
  })(),
);

/**
 * Articles of the last `windowMs` for the Google News sitemap. Articles also
 * leave the window with nobody writing anything, hence the time limit on top
 * of the tags.
 */
export const getPublicRecentArticles = cache((windowMs: number, limit: number) =>
  unstable_cache(
    () => listArticlesPublishedSince(getDb(), new Date(Date.now() - windowMs).toISOString(), limit),
    ['public-recent-articles', String(windowMs), String(limit)],
    { tags: [cacheTags.articleLists, cacheTags.sections], revalidate: 300 },
  )(),
);
