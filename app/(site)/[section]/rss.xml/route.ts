import { renderSectionFeed, RSS_CONTENT_TYPE, xmlResponse } from '@/lib/seo/documents';

// Rendered on the first request and cached until a write refreshes its tags
// (the section's, the sections', or any article list), never at build time.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  return xmlResponse(await renderSectionFeed(section), RSS_CONTENT_TYPE);
}
