import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet, parseSitemapFileName, sitemapPageCount, sitemapPageSlice } from './sitemap';
import { child, childrenNamed, parseXml } from './xml-test-parser';

describe('sitemap documents', () => {
  it('writes an index of absolute page URLs', () => {
    const index = parseXml(buildSitemapIndex([{ loc: 'https://tin.example/sitemaps/1.xml' }, { loc: 'https://tin.example/sitemaps/2.xml' }]));
    expect(index.name).toBe('sitemapindex');
    expect(index.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(childrenNamed(index, 'sitemap').map((s) => child(s, 'loc').text)).toEqual(['https://tin.example/sitemaps/1.xml', 'https://tin.example/sitemaps/2.xml']);
  });

  it('dates URLs in Vietnam time and escapes locations', () => {
    const set = parseXml(buildUrlSet([{ loc: 'https://tin.example/a?x=1&y=2', lastModified: '2019-10-09T08:34:00.000Z' }, { loc: 'https://tin.example/' }]));
    const [first, second] = childrenNamed(set, 'url');
    expect(child(first!, 'loc').text).toBe('https://tin.example/a?x=1&y=2');
    expect(child(first!, 'lastmod').text).toBe('2019-10-09T15:34:00+07:00');
    expect(childrenNamed(second!, 'lastmod')).toHaveLength(0);
  });

  it('writes Google News entries with publication, date and a hostile title intact', () => {
    const title = 'Tin <b>&"nóng"</b> ]]> </script>';
    const doc = parseXml(buildNewsSitemap({ name: 'Tin Đất Tổ', language: 'vi' }, [{ loc: 'https://tin.example/x/y', title, publishedAt: '2026-01-01T01:00:00.000Z' }]));
    expect(doc.attributes['xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const news = child(child(doc, 'url'), 'news:news');
    const publication = child(news, 'news:publication');
    expect(child(publication, 'news:name').text).toBe('Tin Đất Tổ');
    expect(child(publication, 'news:language').text).toBe('vi');
    expect(child(news, 'news:publication_date').text).toBe('2026-01-01T08:00:00+07:00');
    expect(child(news, 'news:title').text).toBe(title);
  });
});

describe('sitemap pagination', () => {
  it('always has a page, and a new page only past the page size', () => {
    expect(sitemapPageCount(0, 0)).toBe(1);
    expect(sitemapPageCount(7, 4993)).toBe(1);
    expect(sitemapPageCount(7, 4994)).toBe(2);
    expect(sitemapPageCount(7, 10_000, 5000)).toBe(3);
  });

  it('puts the fixed pages first and covers every article exactly once', () => {
    const fixedCount = 7;
    const articles = 12_345;
    const pages = sitemapPageCount(fixedCount, articles);
    let fixedSeen = 0;
    let next = 0;
    for (let page = 1; page <= pages; page++) {
      const s = sitemapPageSlice(page, fixedCount);
      fixedSeen += s.fixed.end - s.fixed.start;
      expect(s.articleOffset).toBe(next);
      const shown = Math.min(s.articleLimit, articles - s.articleOffset);
      expect(s.fixed.end - s.fixed.start + s.articleLimit).toBe(5000);
      next += shown;
    }
    expect(fixedSeen).toBe(fixedCount);
    expect(next).toBe(articles);
    expect(sitemapPageSlice(1, fixedCount)).toEqual({ fixed: { start: 0, end: 7 }, articleOffset: 0, articleLimit: 4993 });
    expect(sitemapPageSlice(2, fixedCount)).toEqual({ fixed: { start: 7, end: 7 }, articleOffset: 4993, articleLimit: 5000 });
  });

  it('reads page file names strictly', () => {
    expect(parseSitemapFileName('1.xml')).toBe(1);
    expect(parseSitemapFileName('42.xml')).toBe(42);
    for (const bad of ['0.xml', '01.xml', '1', 'x.xml', '1.xml.gz', '-1.xml', '1234567.xml']) expect(parseSitemapFileName(bad), bad).toBeNull();
  });
});
