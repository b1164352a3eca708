import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seedArticlePath, seedArticleTitle } from './fixtures';
import { signedInContext } from './session';

/**
 * Feeds, sitemaps, robots.txt and the structured data of an article page, as
 * a feed reader or a search engine fetches them. XML is parsed by the
 * browser's own DOMParser, so "well formed" means what a real client accepts.
 */

type FeedItem = {
  title: string;
  link: string;
  guid: string;
  guidIsPermaLink: string | null;
  pubDate: string;
  description: string;
  category: string;
  creator: string;
  enclosure: { url: string; length: string; type: string } | null;
};
type Feed = {
  error: string | null;
  root: string;
  version: string | null;
  channel: { title: string; link: string; description: string; language: string; lastBuildDate: string; selfHref: string | null; selfRel: string | null };
  items: FeedItem[];
};

async function readFeed(page: Page, xml: string): Promise<Feed> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    const text = (el: Element | Document, name: string) => el.getElementsByTagName(name)[0]?.textContent ?? '';
    const channel = doc.getElementsByTagName('channel')[0];
    const self = doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0];
    const items = [...doc.getElementsByTagName('item')].map((item) => {
      const enclosure = item.getElementsByTagName('enclosure')[0];
      const guid = item.getElementsByTagName('guid')[0];
      return {
        title: text(item, 'title'),
        link: text(item, 'link'),
        guid: guid?.textContent ?? '',
        guidIsPermaLink: guid?.getAttribute('isPermaLink') ?? null,
        pubDate: text(item, 'pubDate'),
        description: text(item, 'description'),
        category: text(item, 'category'),
        creator: item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent ?? '',
        enclosure: enclosure
          ? { url: enclosure.getAttribute('url') ?? '', length: enclosure.getAttribute('length') ?? '', type: enclosure.getAttribute('type') ?? '' }
          : null,
      };
    });
    return {
      error,
      root: doc.documentElement.nodeName,
      version: doc.documentElement.getAttribute('version'),
      channel: {
        title: channel ? text(channel, 'title') : '',
        link: channel ? text(channel, 'link') : '',
        description: channel ? text(channel, 'description') : '',
        language: channel ? text(channel, 'language') : '',
        lastBuildDate: channel ? text(channel, 'lastBuildDate') : '',
        selfHref: self?.getAttribute('href') ?? null,
        selfRel: self?.getAttribute('rel') ?? null,
      },
      items,
    };
  }, xml);
}

type Sitemap = {
  error: string | null;
  root: string;
  locs: string[];
  lastmods: string[];
  news: Array<{ loc: string; name: string; language: string; date: string; title: string }>;
};

async function readSitemap(page: Page, xml: string): Promise<Sitemap> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
    const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    const news = [...doc.getElementsByTagNameNS(NEWS, 'news')].map((n) => ({
      loc: n.parentElement?.getElementsByTagName('loc')[0]?.textContent ?? '',
      name: n.getElementsByTagNameNS(NEWS, 'name')[0]?.textContent ?? '',
      language: n.getElementsByTagNameNS(NEWS, 'language')[0]?.textContent ?? '',
      date: n.getElementsByTagNameNS(NEWS, 'publication_date')[0]?.textContent ?? '',
      title: n.getElementsByTagNameNS(NEWS, 'title')[0]?.textContent ?? '',
    }));
    return {
      error,
      root: doc.documentElement.nodeName,
      locs: [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? ''),
      lastmods: [...doc.getElementsByTagName('lastmod')].map((l) => l.textContent ?? ''),
      news,
    };
  }, xml);
}

async function getXml(request: APIRequestContext, url: string, contentType: RegExp): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toMatch(contentType);
  return response.text();
}

const RSS_TYPE = /^application\/rss\+xml; charset=utf-8$/;
const XML_TYPE = /^application\/xml; charset=utf-8$/;

/** Every public XML document that lists articles, as text. */
async function everyListing(request: APIRequestContext, sectionSlug: string): Promise<Record<string, string>> {
  const docs: Record<string, string> = {
    '/rss.xml': await getXml(request, '/rss.xml', RSS_TYPE),
    [`/${sectionSlug}/rss.xml`]: await getXml(request, `/${sectionSlug}/rss.xml`, RSS_TYPE),
    '/sitemap.xml': await getXml(request, '/sitemap.xml', XML_TYPE),
    '/sitemap-news.xml': await getXml(request, '/sitemap-news.xml', XML_TYPE),
  };
  for (const [, loc] of docs['/sitemap.xml']!.matchAll(/<loc>([^<]+)<\/loc>/g)) docs[loc!] = await getXml(request, loc!, XML_TYPE);
  return docs;
}

let reporter: APIRequestContext;
let editor: APIRequestContext;
let sections: Array<{ id: number; slug: string; name: string }>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  reporter = await signedInContext(baseURL!, 'reporter@example.com');
  editor = await signedInContext(baseURL!, 'editor@example.com');
  sections = await (await reporter.get('/api/sections')).json();
});

test.afterAll(async () => {
  await reporter?.dispose();
  await editor?.dispose();
});

// First in the file, so the feeds are rendered from a database that already holds the draft.
test('drafts and articles in review appear in no feed and no sitemap', async ({ request }) => {
  const marker = `nhap-${Date.now().toString(36)}`;
  const section = sections[0]!;
  const draft = await reporter.post('/api/articles', {
    data: {
      title: `Bản nháp không được lộ ${marker}`,
      lead: `Sapo ${marker}`,
      sectionId: section.id,
      tags: [],
      coverMediaId: null,
      byline: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
    },
  });
  expect(draft.status()).toBe(201);
  const inReview = await reporter.post('/api/articles', {
    data: {
      title: `Bài chờ duyệt không được lộ ${marker}`,
      lead: `Sapo ${marker}`,
      sectionId: section.id,
      tags: [],
      coverMediaId: null,
      byline: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
    },
  });
  expect(inReview.status()).toBe(201);
  const { id, slug } = await inReview.json();
  expect((await reporter.post(`/api/articles/${id}/workflow`, { data: { action: 'submit' } })).status()).toBe(200);

  const docs = await everyListing(request, section.slug);
  expect(Object.keys(docs).length).toBeGreaterThanOrEqual(5);
  for (const [url, text] of Object.entries(docs)) {
    expect(text, url).not.toContain(marker);
    expect(text, url).not.toContain(slug);
  }
});

test('the site feed and a section feed are valid RSS 2.0 with absolute links and the cover as enclosure', async ({ page, request, baseURL }) => {
  const site = await readFeed(page, await getXml(request, '/rss.xml', RSS_TYPE));
  expect(site.error).toBeNull();
  expect(site.root).toBe('rss');
  expect(site.version).toBe('2.0');
  expect(site.channel).toMatchObject({ title: 'Tin Đất Tổ', link: `${baseURL}/`, language: 'vi', selfHref: `${baseURL}/rss.xml`, selfRel: 'self' });
  expect(site.channel.lastBuildDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700$/);
  expect(site.items.length).toBeGreaterThanOrEqual(1);
  expect(site.items.length).toBeLessThanOrEqual(50);
  for (const item of site.items) {
    expect(item.link.startsWith(`${baseURL}/`), item.link).toBe(true);
    expect(item.guid).toBe(item.link);
    expect(item.guidIsPermaLink).toBe('true');
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
  // Newest first.
  const times = site.items.map((i) => Date.parse(i.pubDate));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  const section = await readFeed(page, await getXml(request, '/tin-trong-tinh/rss.xml', RSS_TYPE));
  expect(section.error).toBeNull();
  expect(section.channel.selfHref).toBe(`${baseURL}/tin-trong-tinh/rss.xml`);
  expect(section.channel.link).toBe(`${baseURL}/tin-trong-tinh`);
  expect(section.items.every((i) => i.category === 'Tin trong tỉnh')).toBe(true);
  const seed = section.items.find((i) => i.title === seedArticleTitle);
  expect(seed, 'the seed article is in its section feed').toBeDefined();
  expect(seed!.link).toBe(`${baseURL}${seedArticlePath}`);
  expect(seed!.pubDate).toBe('Wed, 09 Oct 2019 15:34:00 +0700');
  expect(seed!.creator).toBe('Huyền Trang');
  expect(seed!.description).toMatch(/^PhuthoPortal - Đó là nội dung quan trọng/);
  expect(seed!.enclosure).not.toBeNull();
  expect(seed!.enclosure!.url.startsWith(`${baseURL}/media/`)).toBe(true);
  expect(seed!.enclosure!.type).toBe('image/jpeg');
  // The enclosure's length is the size of the file it names.
  const image = await request.get(seed!.enclosure!.url);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe(seed!.enclosure!.type);
  expect((await image.body()).length).toBe(Number(seed!.enclosure!.length));

  expect((await request.get('/khong-co-chuyen-muc-nay/rss.xml')).status()).toBe(404);
});

test('the sitemap index leads to pages listing home, sections and every article', async ({ page, request, baseURL }) => {
  const index = await readSitemap(page, await getXml(request, '/sitemap.xml', XML_TYPE));
  expect(index.error).toBeNull();
  expect(index.root).toBe('sitemapindex');
  expect(index.locs.length).toBeGreaterThanOrEqual(1);
  const locs: string[] = [];
  const lastmods: string[] = [];
  for (const loc of index.locs) {
    expect(loc).toMatch(new RegExp(`^${baseURL}/sitemaps/\\d+\\.xml$`));
    const sitemap = await readSitemap(page, await getXml(request, loc, XML_TYPE));
    expect(sitemap.error, loc).toBeNull();
    expect(sitemap.root).toBe('urlset');
    expect(sitemap.locs.length).toBeLessThanOrEqual(5000);
    locs.push(...sitemap.locs);
    lastmods.push(...sitemap.lastmods);
  }
  expect(locs).toContain(`${baseURL}/`);
  expect(locs).toContain(`${baseURL}/tin-trong-tinh`);
  expect(locs).toContain(`${baseURL}${seedArticlePath}`);
  expect(new Set(locs).size).toBe(locs.length);
  expect(lastmods.every((d) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/.test(d))).toBe(true);
  expect((await request.get(`/sitemaps/${index.locs.length + 1}.xml`)).status()).toBe(404);
});

test('the Google News sitemap parses and names the publication', async ({ page, request }) => {
  const news = await readSitemap(page, await getXml(request, '/sitemap-news.xml', XML_TYPE));
  expect(news.error).toBeNull();
  expect(news.root).toBe('urlset');
  for (const entry of news.news) {
    expect(entry).toMatchObject({ name: 'Tin Đất Tổ', language: 'vi' });
    expect(entry.date).toMatch(/\+07:00$/);
    // Only the last 48 hours.
    expect(Date.now() - Date.parse(entry.date)).toBeLessThan(48 * 3_600_000 + 60_000);
  }
  // The seed article is from 2019.
  expect(news.locs.some((l) => l.endsWith(seedArticlePath))).toBe(false);
});

test('robots.txt opens the site, closes the private areas and names both sitemaps', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const robots = await response.text();
  expect(robots).toMatch(/User-Agent: \*/i);
  for (const path of ['/quan-tri', '/api/', '/xem-truoc', '/dang-nhap']) expect(robots).toContain(`Disallow: ${path}\n`);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap-news.xml`);
});

test('the article page carries NewsArticle and BreadcrumbList data, Twitter card and a PNG share image', async ({ page, request, baseURL }) => {
  await page.goto(seedArticlePath);
  const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t) as Record<string, unknown>);
  const articles = data.filter((d) => d['@type'] === 'NewsArticle');
  expect(articles).toHaveLength(1);
  const article = articles[0]!;
  expect(article).toMatchObject({
    headline: seedArticleTitle,
    datePublished: '2019-10-09T15:34:00+07:00',
    author: { '@type': 'Person', name: 'Huyền Trang' },
    publisher: { '@type': 'Organization', name: 'Tin Đất Tổ' },
    mainEntityOfPage: { '@id': `${baseURL}${seedArticlePath}` },
    articleSection: 'Tin trong tỉnh',
    inLanguage: 'vi',
  });
  expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  expect(String(article.image)).toMatch(new RegExp(`^${baseURL}/media/`));
  const logo = (article.publisher as { logo: { url: string } }).logo.url;
  const logoResponse = await request.get(logo);
  expect(logoResponse.status()).toBe(200);
  expect(logoResponse.headers()['content-type']).toBe('image/png');

  const breadcrumbs = data.filter((d) => d['@type'] === 'BreadcrumbList');
  expect(breadcrumbs).toHaveLength(1);
  const crumbs = breadcrumbs[0]!.itemListElement as Array<{ position: number; name: string; item: string }>;
  expect(crumbs.map((c) => [c.position, c.name, c.item])).toEqual([
    [1, 'Trang chủ', `${baseURL}/`],
    [2, 'Tin trong tỉnh', `${baseURL}/tin-trong-tinh`],
    [3, seedArticleTitle, `${baseURL}${seedArticlePath}`],
  ]);

  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${seedArticlePath}`);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(ogImage).toBeTruthy();
  const image = await request.get(ogImage!);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  const png = await image.body();
  // PNG header: width and height in the IHDR chunk.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

  // No image is drawn for an article that does not exist.
  const path = new URL(ogImage!).pathname.replace(seedArticlePath, '/tin-trong-tinh/khong-co-bai-nay');
  expect((await request.get(path)).status()).toBe(404);
});

test('publishing refreshes the feeds at once, and hostile titles stay text everywhere', async ({ page, request, baseURL }) => {
  const section = sections.find((s) => s.slug === 'du-lich') ?? sections.at(-1)!;
  const title = `Tin <b>&"nóng"</b> ]]> </script><!-- ${Date.now().toString(36)}`;
  // Warm every listing first, so what follows proves the cache is refreshed, not merely empty.
  const before = await everyListing(request, section.slug);
  expect(Object.values(before).some((t) => t.includes('Tin &lt;b&gt;'))).toBe(false);

  const created = await editor.post('/api/articles', {
    data: {
      title,
      lead: 'Sapo có <i>thẻ</i> & "ngoặc kép"',
      sectionId: section.id,
      tags: [],
      coverMediaId: null,
      byline: 'Phóng viên </script>',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] },
    },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();
  const url = `${baseURL}/${article.section.slug}/${article.slug}`;
  try {
    expect((await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'publish' } })).status()).toBe(200);

    for (const feedUrl of ['/rss.xml', `/${section.slug}/rss.xml`]) {
      const feed = await readFeed(page, await getXml(request, feedUrl, RSS_TYPE));
      expect(feed.error, feedUrl).toBeNull();
      const item = feed.items[0];
      expect(item?.title, feedUrl).toBe(title);
      expect(item?.link).toBe(url);
      expect(item?.description).toBe('Sapo có <i>thẻ</i> & "ngoặc kép"');
      expect(item?.creator).toBe('Phóng viên </script>');
      expect(item?.enclosure).toBeNull();
    }
    const news = await readSitemap(page, await getXml(request, '/sitemap-news.xml', XML_TYPE));
    expect(news.error).toBeNull();
    expect(news.news.find((n) => n.loc === url)?.title).toBe(title);
    const docs = await everyListing(request, section.slug);
    const pages = Object.entries(docs).filter(([key]) => key.includes('/sitemaps/'));
    expect(pages.some(([, text]) => text.includes(`<loc>${url}</loc>`))).toBe(true);

    // On the page, the structured data holds the title intact and nothing escaped its script element.
    await page.goto(url);
    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(2);
    const data = (await scripts.allTextContents()).map((t) => JSON.parse(t) as Record<string, unknown>);
    expect(data.find((d) => d['@type'] === 'NewsArticle')?.headline).toBe(title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  } finally {
    // Leave the shared demo newsroom as it was for the other specs.
    expect((await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'unpublish' } })).status()).toBe(200);
  }
  const after = await everyListing(request, section.slug);
  for (const [key, text] of Object.entries(after)) expect(text, key).not.toContain(article.slug);
  // The home page may have been rendered (a link prefetch) while the unpublish ran and so still hold
  // the article: the invalidation poller expires the same tags again within 2 s.
  await expect.poll(async () => (await request.get('/')).text(), { timeout: 10_000 }).not.toContain(article.slug);
});

test('every listing page and the article name the site to link previews and announce their feeds', async ({ page }) => {
  const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
  const feeds = async () => page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  for (const [path, title] of [['/', 'Tin Đất Tổ – Cổng thông tin điện tử của tỉnh'], ['/tin-trong-tinh', 'Tin trong tỉnh'], ['/the/giao-duc', 'Từ khóa: Giáo dục'], ['/tac-gia/huyen-trang', 'Tác giả: Huyền Trang']] as const) {
    await page.goto(path);
    expect(await meta('og:site_name'), path).toBe('Tin Đất Tổ');
    expect(await meta('og:title'), path).toBe(title);
    expect(await meta('og:url'), path).toMatch(path === '/' ? /^https?:\/\/[^/]+\/?$/ : new RegExp(`${path}$`));
    expect((await feeds()).some((href) => href?.endsWith('/rss.xml')), path).toBe(true);
  }
  await page.goto('/tin-trong-tinh');
  expect(await feeds()).toEqual(expect.arrayContaining([expect.stringMatching(/\/tin-trong-tinh\/rss\.xml$/)]));

  await page.goto(seedArticlePath);
  expect(await meta('og:site_name')).toBe('Tin Đất Tổ');
  // A description cut short ends on a whole word and says so.
  const description = (await meta('og:description')) ?? '';
  expect(description.length).toBeLessThanOrEqual(200);
  expect(description).toMatch(/…$/);
  expect((await feeds()).length).toBeGreaterThanOrEqual(2);
  // And the footer offers the feed to readers.
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'RSS: tin mới' })).toHaveAttribute('href', '/rss.xml');
});
