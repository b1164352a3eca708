import type { NextConfig } from 'next';
import { buildDir } from './lib/server/build-dir.mjs';
import { apiHeaders, everywhereHeaders } from './lib/http/security-headers.mjs';

const nextConfig: NextConfig = {
  // A separate build folder lets a benchmark or second checkout build beside a running server.
  distDir: buildDir,
  poweredByHeader: false,
  // server.mjs compresses and sets ETags (lib/server/finish-response.mjs), after hashing each
  // page's inline scripts for its Content-Security-Policy.
  compress: false,
  generateEtags: false,
  serverExternalPackages: ['better-sqlite3', 'pg', 'sharp'],
  images: {
    localPatterns: [{ pathname: '/media/**' }],
    formats: ['image/avif', 'image/webp'],
    minimumCacheTTL: 31536000,
  },
  async headers() {
    const privatePage = [
      { key: 'Cache-Control', value: 'private, no-store' },
      { key: 'X-Robots-Tag', value: 'noindex, nofollow, noarchive' },
    ];
    return [
      // Sent with every response (lib/http/security-headers.mjs; server.mjs sends them with the answers it gives itself).
      { source: '/:path*', headers: everywhereHeaders },
      { source: '/xem-truoc/:path*', headers: privatePage },
      { source: '/quan-tri/:path*', headers: privatePage },
      { source: '/quan-tri', headers: privatePage },
      { source: '/dang-nhap', headers: [{ key: 'X-Robots-Tag', value: 'noindex' }] },
      { source: '/api/:path*', headers: apiHeaders },
    ];
  },
  async rewrites() {
    return {
      // Public pages live under dynamic segments so they are rendered on the
      // first request and cached (ISR), never at build time: the build must not
      // read, or bake in, whatever database happens to exist then.
      beforeFiles: [
        { source: '/', destination: '/trang-nhat/moi-nhat' },
        // Feeds and sitemaps at their conventional addresses, served by dynamic
        // routes under reserved section slugs (rss, sitemap) for the same reason.
        { source: '/rss.xml', destination: '/rss/moi-nhat' },
        { source: '/sitemap.xml', destination: '/sitemap/index.xml' },
        { source: '/sitemap-news.xml', destination: '/sitemap/news.xml' },
        { source: '/sitemaps/:page(\\d{1,6})\\.xml', destination: '/sitemap/:page.xml' },
        {
          // Only section slugs: the site's own first segments (see RESERVED_SLUGS) keep their ?page=.
          source: '/:section((?!(?:tim-kiem|quan-tri|dang-nhap|xem-truoc|the|tac-gia|api|media|rss|sitemap|trang-nhat)$)[a-z0-9-]+)',
          has: [{ type: 'query', key: 'page', value: '(?<page>\\d{1,6})' }],
          destination: '/:section/trang/:page',
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
