/**
 * Every cache tag in one place. A write refreshes exactly the tags it made
 * stale; reads are tagged with what they depend on.
 *
 * An article page depends on its own article (`articleSlug`), the menu
 * (`sections`), its "Tin liên quan" (articles sharing one of its tags: `tag`,
 * else the latest of its section: `section`) and "Đọc nhiều" (`mostRead`). So a
 * publish in one section refreshes the lists, that section's pages and the
 * article pages that could now show the article, not every article page.
 */
export const cacheTags = {
  /** Anything that lists articles: home, sections, tags, authors, feeds, sitemaps. */
  articleLists: 'articles:lists',
  /** "Đọc nhiều", on every article page. */
  mostRead: 'articles:most-read',
  article: (id: number) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  section: (slug: string) => `section:${slug}`,
  /** "Tin liên quan" of the articles carrying this tag. */
  tag: (slug: string) => `tag:${slug}`,
  sections: 'sections',
} as const;

/** An article as the pages that show it know it: at an address, with its tags, maybe among the most read. */
export type ArticlePageRef = { slug: string; sectionSlug: string; tagSlugs?: string[]; mostRead?: boolean };

/**
 * Pages that show an article: every list, its own page and its section at each
 * state given (before and after a change: old and new slug, section and tags),
 * the "Tin liên quan" of articles sharing a tag with it, and "Đọc nhiều" while
 * it is among the most read.
 */
export function articlePageTags(...refs: Array<ArticlePageRef | null>): string[] {
  const tags = new Set<string>([cacheTags.articleLists]);
  for (const ref of refs) {
    if (!ref) continue;
    tags.add(cacheTags.articleSlug(ref.slug));
    tags.add(cacheTags.section(ref.sectionSlug));
    for (const slug of ref.tagSlugs ?? []) tags.add(cacheTags.tag(slug));
    if (ref.mostRead) tags.add(cacheTags.mostRead);
  }
  return [...tags];
}
