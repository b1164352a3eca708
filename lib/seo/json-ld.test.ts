import { describe, expect, it } from 'vitest';
import { articleBreadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, type JsonLdArticle } from './json-ld';

const site = { origin: 'https://tin.example', name: 'Tin Đất Tổ', logoPath: '/logo.png', logoSize: { width: 600, height: 60 } };
const article: JsonLdArticle = {
  title: 'Đẩy mạnh truyền thông',
  description: 'Sapo.',
  byline: 'Huyền Trang',
  publishedAt: '2019-10-09T08:34:00.000Z',
  updatedAt: '2019-10-10T01:00:00.000Z',
  section: { name: 'Tin trong tỉnh', slug: 'tin-trong-tinh' },
  coverUrl: '/media/1/hn-tt-gd_1.jpg',
};
const path = '/tin-trong-tinh/day-manh-truyen-thong';

describe('NewsArticle', () => {
  it('describes the article with Vietnam-time dates and absolute URLs', () => {
    const ld = newsArticleJsonLd(article, path, site);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Đẩy mạnh truyền thông',
      description: 'Sapo.',
      datePublished: '2019-10-09T15:34:00+07:00',
      dateModified: '2019-10-10T08:00:00+07:00',
      author: { '@type': 'Person', name: 'Huyền Trang' },
      image: 'https://tin.example/media/1/hn-tt-gd_1.jpg',
      publisher: { '@type': 'Organization', name: 'Tin Đất Tổ', logo: { '@type': 'ImageObject', url: 'https://tin.example/logo.png', width: 600, height: 60 } },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://tin.example/tin-trong-tinh/day-manh-truyen-thong' },
      articleSection: 'Tin trong tỉnh',
      inLanguage: 'vi',
    });
  });

  it('never dates a modification before the publication', () => {
    const ld = newsArticleJsonLd({ ...article, updatedAt: '2019-10-01T00:00:00.000Z' }, path, site);
    expect(ld.dateModified).toBe('2019-10-09T15:34:00+07:00');
  });

  it('leaves out a missing cover and credits the newsroom for an unsigned article', () => {
    const ld = newsArticleJsonLd({ ...article, coverUrl: null, byline: '  ' }, path, site);
    expect(ld).not.toHaveProperty('image');
    expect(ld.author).toEqual({ '@type': 'Organization', name: 'Tin Đất Tổ', url: 'https://tin.example/' });
  });
});

describe('BreadcrumbList', () => {
  it('goes home → section → article', () => {
    const ld = articleBreadcrumbJsonLd(article, path, site.origin);
    expect(ld['@type']).toBe('BreadcrumbList');
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: 'https://tin.example/' },
      { '@type': 'ListItem', position: 2, name: 'Tin trong tỉnh', item: 'https://tin.example/tin-trong-tinh' },
      { '@type': 'ListItem', position: 3, name: 'Đẩy mạnh truyền thông', item: 'https://tin.example/tin-trong-tinh/day-manh-truyen-thong' },
    ]);
  });
});

describe('serializeJsonLd', () => {
  const hostile = 'Tin <b>&"nóng"</b> ]]> </script><!-- <script>alert(1)</script> \u2028';

  it('cannot close the script element or open a comment, whatever the text', () => {
    const json = serializeJsonLd(newsArticleJsonLd({ ...article, title: hostile, description: hostile, byline: hostile }, path, site));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).not.toContain('<!--');
  });

  it('is still the same JSON value', () => {
    const value = { headline: hostile, nested: [{ name: 'Đắk Lắk 😀' }] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });
});
