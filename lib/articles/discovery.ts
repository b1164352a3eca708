import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { getDb } from '../db/client';
import { cacheTags } from '../cache/tags';
import { listAuthorArticles, listMostRead, listRelatedArticles, listTagArticles } from './queries';

/** Cached reads for discovery pages and blocks: tag, author, related, most read. */
export const getTagPage = cache((slug: string, page: number, pageSize: number) =>
  unstable_cache(() => listTagArticles(getDb(), slug, page, pageSize), ['tag-page', slug, String(page), String(pageSize)], { tags: [cacheTags.articleLists] })(),
);

export const getAuthorPage = cache((slug: string, page: number, pageSize: number) =>
  unstable_cache(() => listAuthorArticles(getDb(), slug, page, pageSize), ['author-page', slug, String(page), String(pageSize)], { tags: [cacheTags.articleLists] })(),
);

/** Chosen by shared tags, then the latest of the section: refreshed by what changes those (lib/cache/tags.ts). */
export const getRelatedArticles = cache((articleId: number, sectionSlug: string, tagSlugs: readonly string[]) =>
  unstable_cache(() => listRelatedArticles(getDb(), articleId, sectionSlug), ['related', String(articleId), sectionSlug, ...tagSlugs], {
    // Cards show their section's name and link: a renamed section refreshes them (cacheTags.sections).
    tags: [cacheTags.section(sectionSlug), cacheTags.sections, ...tagSlugs.map((slug) => cacheTags.tag(slug))],
  })(),
);

/** Views change all the time; the list is allowed to be five minutes old rather than refresh pages on every view. */
export const getMostRead = cache(() =>
  unstable_cache(() => listMostRead(getDb()), ['most-read'], { tags: [cacheTags.mostRead, cacheTags.sections], revalidate: 300 })(),
);
