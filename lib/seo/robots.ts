/** Crawl rules: the reader site is open; the dashboard, API, previews and sign-in are not for indexing. */
export const DISALLOWED_PATHS = ['/quan-tri', '/api/', '/xem-truoc', '/dang-nhap'] as const;

export function robotsRules(origin: string) {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [...DISALLOWED_PATHS] }],
    sitemap: [`${origin}/sitemap.xml`, `${origin}/sitemap-news.xml`],
  };
}
