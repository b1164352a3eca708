import { describe, expect, it } from 'vitest';
import { buildRssFeed, type RssItem } from './rss';
import { child, childrenNamed, parseXml } from './xml-test-parser';

const hostile = 'Tin <b>&"nóng"</b> ]]> </script>';

const item = (overrides: Partial<RssItem> = {}): RssItem => ({
  title: 'Khai mạc Lễ hội Đền Hùng',
  link: 'https://tin.example/van-hoa-xa-hoi/khai-mac-le-hoi-den-hung',
  description: 'Sapo bài viết.',
  publishedAt: '2019-10-09T08:34:00.000Z',
  updatedAt: '2019-10-09T09:00:00.000Z',
  category: 'Văn hóa - Xã hội',
  creator: 'Huyền Trang',
  enclosure: { url: 'https://tin.example/media/7/anh%20bia.jpg', length: 48213, type: 'image/jpeg' },
  ...overrides,
});

const channel = { title: 'Tin Đất Tổ', link: 'https://tin.example/', description: 'Cổng thông tin', selfUrl: 'https://tin.example/rss.xml' };

describe('buildRssFeed', () => {
  it('writes an RSS 2.0 channel with every required and promised element', () => {
    const rss = parseXml(buildRssFeed(channel, [item()], '2030-01-01T00:00:00.000Z'));
    expect(rss.name).toBe('rss');
    expect(rss.attributes).toMatchObject({ version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' });
    const ch = child(rss, 'channel');
    expect(child(ch, 'title').text).toBe('Tin Đất Tổ');
    expect(child(ch, 'link').text).toBe('https://tin.example/');
    expect(child(ch, 'language').text).toBe('vi');
    // The newest change among the items, not the time of rendering.
    expect(child(ch, 'lastBuildDate').text).toBe('Wed, 09 Oct 2019 16:00:00 +0700');
    expect(child(ch, 'atom:link').attributes).toEqual({ href: 'https://tin.example/rss.xml', rel: 'self', type: 'application/rss+xml' });

    const [entry] = childrenNamed(ch, 'item');
    expect(child(entry!, 'link').text).toBe(item().link);
    expect(child(entry!, 'guid').attributes.isPermaLink).toBe('true');
    expect(child(entry!, 'guid').text).toBe(item().link);
    expect(child(entry!, 'pubDate').text).toBe('Wed, 09 Oct 2019 15:34:00 +0700');
    expect(child(entry!, 'description').text).toBe('Sapo bài viết.');
    expect(child(entry!, 'category').text).toBe('Văn hóa - Xã hội');
    expect(child(entry!, 'dc:creator').text).toBe('Huyền Trang');
    expect(child(entry!, 'enclosure').attributes).toEqual({ url: 'https://tin.example/media/7/anh%20bia.jpg', length: '48213', type: 'image/jpeg' });
  });

  it('keeps hostile titles, leads and names as text', () => {
    const xml = buildRssFeed({ ...channel, title: hostile }, [item({ title: hostile, description: hostile, category: hostile, creator: hostile })], '2030-01-01T00:00:00.000Z');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('</script>');
    expect(xml).not.toContain(']]>');
    const ch = child(parseXml(xml), 'channel');
    expect(child(ch, 'title').text).toBe(hostile);
    const entry = child(ch, 'item');
    for (const name of ['title', 'description', 'category', 'dc:creator']) expect(child(entry, name).text).toBe(hostile);
  });

  it('leaves out what an article does not have, and dates an empty feed by the fallback', () => {
    const xml = buildRssFeed(channel, [item({ enclosure: null, creator: '' })], '2030-01-01T00:00:00.000Z');
    const entry = child(child(parseXml(xml), 'channel'), 'item');
    expect(childrenNamed(entry, 'enclosure')).toHaveLength(0);
    expect(childrenNamed(entry, 'dc:creator')).toHaveLength(0);
    const empty = child(parseXml(buildRssFeed(channel, [], '2030-01-01T00:00:00.000Z')), 'channel');
    expect(childrenNamed(empty, 'item')).toHaveLength(0);
    expect(child(empty, 'lastBuildDate').text).toBe('Tue, 01 Jan 2030 07:00:00 +0700');
  });

  it('keeps the items in the order given', () => {
    const xml = buildRssFeed(channel, [item({ title: 'Mới' }), item({ title: 'Cũ' })], '2030-01-01T00:00:00.000Z');
    expect(childrenNamed(child(parseXml(xml), 'channel'), 'item').map((i) => child(i, 'title').text)).toEqual(['Mới', 'Cũ']);
  });
});
