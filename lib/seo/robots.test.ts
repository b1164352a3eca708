import { describe, expect, it } from 'vitest';
import { robotsRules } from './robots';

describe('robotsRules', () => {
  it('opens the site, closes the private areas and names both sitemaps absolutely', () => {
    expect(robotsRules('https://tin.example')).toEqual({
      rules: [{ userAgent: '*', allow: '/', disallow: ['/quan-tri', '/api/', '/xem-truoc', '/dang-nhap'] }],
      sitemap: ['https://tin.example/sitemap.xml', 'https://tin.example/sitemap-news.xml'],
    });
  });
});
