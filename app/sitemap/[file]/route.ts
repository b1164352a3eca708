import { renderNewsSitemap, renderSitemapIndex, renderSitemapPage, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/documents';
import { parseSitemapFileName } from '@/lib/seo/sitemap';

// Every sitemap, reached through rewrites in next.config.ts: /sitemap.xml
// (index.xml), /sitemap-news.xml (news.xml) and /sitemaps/{n}.xml ({n}.xml).
// A dynamic segment with no static params: rendered on the first request and
// cached until a write refreshes its tags, never at build time. "sitemap" is
// a reserved section slug (lib/sections/commands.ts).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === 'index.xml') return xmlResponse(await renderSitemapIndex(), XML_CONTENT_TYPE);
  if (file === 'news.xml') return xmlResponse(await renderNewsSitemap(), XML_CONTENT_TYPE);
  const page = parseSitemapFileName(file);
  return xmlResponse(page === null ? null : await renderSitemapPage(page), XML_CONTENT_TYPE);
}
