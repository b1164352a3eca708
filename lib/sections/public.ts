import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { getDb } from '../db/client';
import { cacheTags } from '../cache/tags';
import { getSectionBySlug, listSections } from './queries';

export const getPublicSections = cache(() =>
  unstable_cache(() => listSections(getDb()), ['public-sections'], { tags: [cacheTags.sections] })(),
);

export const getPublicSection = cache((slug: string) =>
  unstable_cache(() => getSectionBySlug(getDb(), slug), ['public-section-by-slug', slug], {
    tags: [cacheTags.sections, cacheTags.section(slug)],
  })(),
);
