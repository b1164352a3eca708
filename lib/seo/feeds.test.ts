import { describe, expect, it } from 'vitest';
import type { FeedArticle } from '../articles/queries';
import { fixedSitemapUrls, newsUrlFromArticle, rssItemFromArticle, sectionRssChannel, siteRssChannel, sitemapUrlFromArticle } from './feeds';

const origin = 'https://tin.example';
const feedArticle: FeedArticle = {
  id: 1,
  title: 'Tiêu đề',
  slug: 'tieu-de',
  lead: 'Sapo.',
  byline: 'Huyền Trang',
  publishedAt: '2019-10-09T08:34:00.000Z',
  updatedAt: '2019-10-09T08:40:00.000Z',
  section: { name: 'Tin trong tỉnh', slug: 'tin-trong-tinh' },
  cover: { id: 3, url: '/media/3/anh.jpg', alt: '', caption: null, credit: null, width: 800, height: 600 },
  coverFile: { url: '/media/3/anh.jpg', byteSize: 1234, mimeType: 'image/jpeg' },
};

describe('feed entries', () => {
  it('makes every link absolute and takes the enclosure from the stored cover', () => {
    expect(rssItemFromArticle(feedArticle, origin)).toEqual({
      title: 'Tiêu đề',
      link: 'https://tin.example/tin-trong-tinh/tieu-de',
      description: 'Sapo.',
      publishedAt: '2019-10-09T08:34:00.000Z',
      updatedAt: '2019-10-09T08:40:00.000Z',
      category: 'Tin trong tỉnh',
      creator: 'Huyền Trang',
      enclosure: { url: 'https://tin.example/media/3/anh.jpg', length: 1234, type: 'image/jpeg' },
    });
    expect(rssItemFromArticle({ ...feedArticle, cover: null, coverFile: null }, origin).enclosure).toBeNull();
  });

  it('names the feeds by their own absolute address', () => {
    expect(siteRssChannel({ name: 'Tin Đất Tổ', tagline: 'Cổng' }, origin)).toMatchObject({ link: 'https://tin.example/', selfUrl: 'https://tin.example/rss.xml', language: 'vi' });
    const channel = sectionRssChannel({ name: 'Tin Đất Tổ' }, { name: 'Kinh tế', slug: 'kinh-te', description: null }, origin);
    expect(channel).toMatchObject({ title: 'Kinh tế – Tin Đất Tổ', link: 'https://tin.example/kinh-te', selfUrl: 'https://tin.example/kinh-te/rss.xml' });
    expect(channel.description).toContain('Kinh tế');
  });
});

describe('sitemap entries', () => {
  const sitemapArticle = { title: 'Tiêu đề', slug: 'tieu-de', sectionSlug: 'kinh-te', publishedAt: '2020-01-02T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' };

  it('dates an article by its latest publication or edit', () => {
    expect(sitemapUrlFromArticle(sitemapArticle, origin)).toEqual({ loc: 'https://tin.example/kinh-te/tieu-de', lastModified: '2020-01-02T00:00:00.000Z' });
    expect(newsUrlFromArticle(sitemapArticle, origin)).toEqual({ loc: 'https://tin.example/kinh-te/tieu-de', title: 'Tiêu đề', publishedAt: '2020-01-02T00:00:00.000Z' });
  });

  it('lists home, then sections in order, dated by their newest article', () => {
    const urls = fixedSitemapUrls(
      [
        { id: 2, slug: 'kinh-te' },
        { id: 5, slug: 'du-lich' },
      ],
      { 2: '2020-01-01T00:00:00.000Z', 9: '2021-01-01T00:00:00.000Z' },
      origin,
    );
    expect(urls).toEqual([
      { loc: 'https://tin.example/', lastModified: '2021-01-01T00:00:00.000Z' },
      { loc: 'https://tin.example/kinh-te', lastModified: '2020-01-01T00:00:00.000Z' },
      { loc: 'https://tin.example/du-lich', lastModified: null },
    ]);
  });
});
