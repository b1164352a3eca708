import { renderSiteFeed, RSS_CONTENT_TYPE, xmlResponse } from '@/lib/seo/documents';

// The whole site's feed, served at /rss.xml by a rewrite in next.config.ts
// (like the home page at /trang-nhat/moi-nhat). A dynamic segment with no
// static params is rendered on the first request and cached until a write
// refreshes its tags, never at build time: the build must not read a database.
// "rss" is a reserved section slug (lib/sections/commands.ts).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ feed: string }> }) {
  const { feed } = await params;
  if (feed !== 'moi-nhat') return xmlResponse(null, RSS_CONTENT_TYPE);
  return xmlResponse(await renderSiteFeed(), RSS_CONTENT_TYPE);
}
