/** Site identity and the public origin used in absolute links (email, print, canonical). */
export const siteConfig = {
  name: 'Tin Đất Tổ',
  tagline: 'Cổng thông tin điện tử của tỉnh',
  publisher: 'Ban Biên tập Tin Đất Tổ',
  address: 'Đường Trần Phú, phường Tân Dân, thành phố Việt Trì, tỉnh Phú Thọ',
  email: 'toasoan@example.com',
};

export function siteUrl(): string {
  return (process.env.SITE_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

/** Canonical path of an article: /{section-slug}/{article-slug}. */
export function articlePath(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}`;
}

export function sectionPath(sectionSlug: string, page = 1): string {
  return page > 1 ? `/${sectionSlug}?page=${page}` : `/${sectionSlug}`;
}

export const SECTION_PAGE_SIZE = 6;

/** What the site is, for search results and link previews. */
export const SITE_DESCRIPTION = 'Tin tức thời sự, kinh tế, văn hóa, giáo dục, thể thao và du lịch của tỉnh.';
