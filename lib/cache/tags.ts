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

/** Pages that show an article: every list, and its own page and section at each address given (old and new slug). */
export function articlePageTags(...refs: Array<{ slug: string; sectionSlug: string } | null>): string[] {
  const tags: string[] = [cacheTags.articleLists];
  for (const ref of refs) if (ref) tags.push(cacheTags.articleSlug(ref.slug), cacheTags.section(ref.sectionSlug));
  return tags;
}
