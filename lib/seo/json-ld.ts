import { toVietnamOffsetIso } from '../time/format';

/** The subset of a public article structured data needs. */
export type JsonLdArticle = {
  title: string;
  description: string;
  byline: string;
  publishedAt: string;
  updatedAt: string;
  section: { name: string; slug: string };
  /** Site-relative URL of the cover image, if any. */
  coverUrl: string | null;
};

export type JsonLdSite = {
  /** Origin without a trailing slash, e.g. "https://tindatto.vn". */
  origin: string;
  name: string;
  /** Site-relative URL of the publisher logo. */
  logoPath: string;
  logoSize: { width: number; height: number };
};

type JsonLd = Record<string, unknown>;

const absolute = (origin: string, path: string) => (/^https?:\/\//.test(path) ? path : `${origin}${path.startsWith('/') ? '' : '/'}${path}`);

/** schema.org NewsArticle for an article page (Google's article rich results). */
export function newsArticleJsonLd(article: JsonLdArticle, articlePath: string, site: JsonLdSite): JsonLd {
  const url = absolute(site.origin, articlePath);
  const author = article.byline.trim();
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    datePublished: toVietnamOffsetIso(article.publishedAt),
    // An article republished after an edit made before publication must not look modified before it was published.
    dateModified: toVietnamOffsetIso(article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt),
    ...(author ? { author: { '@type': 'Person', name: author } } : { author: { '@type': 'Organization', name: site.name, url: `${site.origin}/` } }),
    ...(article.coverUrl ? { image: absolute(site.origin, article.coverUrl) } : {}),
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: `${site.origin}/`,
      logo: { '@type': 'ImageObject', url: absolute(site.origin, site.logoPath), ...site.logoSize },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: article.section.name,
    inLanguage: 'vi',
  };
}

/** Trang chủ → section → article. */
export function articleBreadcrumbJsonLd(article: Pick<JsonLdArticle, 'title' | 'section'>, articlePath: string, origin: string): JsonLd {
  const crumbs = [
    { name: 'Trang chủ', item: `${origin}/` },
    { name: article.section.name, item: absolute(origin, `/${article.section.slug}`) },
    { name: article.title, item: absolute(origin, articlePath) },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.item })),
  };
}

/**
 * JSON for an inline <script type="application/ld+json">. The HTML parser
 * ends a script at "</script" and treats "<!--" specially whatever the JSON
 * means, so every "<" (and, for good measure, ">", "&" and the two line
 * separators JavaScript once rejected) becomes a \uXXXX escape: the same
 * value to a JSON parser, inert to the HTML one.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
