import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { getDb } from '../db/client';
import { cacheTags } from '../cache/tags';
import { findPublishedArticleByOldSlug, getHomePage, getPublishedArticleBySlug, listSectionArticles } from './queries';

/**
 * Cached public reads for reader pages. Tagged with what they depend on so a
 * write refreshes exactly these entries (see lib/cache/tags.ts); React's
 * cache() lets generateMetadata and the page share one call per request.
 */
export const getPublicArticle = cache((slug: string) =>
  unstable_cache(() => getPublishedArticleBySlug(getDb(), slug), ['public-article', slug], {
    tags: [cacheTags.articleSlug(slug), cacheTags.articleLists],
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
