/**
 * Every cache tag in one place. A write refreshes exactly the tags it made
 * stale; reads are tagged with what they depend on.
 */
export const cacheTags = {
  /** Anything that lists articles: home, sections, tags, feeds. */
  articleLists: 'articles:lists',
  article: (id: number) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  section: (slug: string) => `section:${slug}`,
  sections: 'sections',
} as const;
