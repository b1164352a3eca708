import { ImageResponse } from 'next/og';
import { getPublicArticle } from '@/lib/articles/public';
import { BRAND_COLOUR, BRAND_FONT_FAMILY, loadBrandFonts } from '@/lib/seo/brand-image';
import { shortenForImage } from '@/lib/seo/og-text';
import { siteConfig } from '@/lib/site/config';

// Like the article page: drawn on the first request and cached until a write
// refreshes the article's tags, never at build time.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const alt = `Ảnh chia sẻ bài viết – ${siteConfig.name}`;
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

type Props = { params: Promise<{ section: string; slug: string }> };

export default async function OpenGraphImage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublicArticle(slug);
  // Only the canonical address has an image: nothing is drawn for drafts, unknown or moved articles.
  if (!article || article.section.slug !== section) {
    return new Response('Không tìm thấy bài viết.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const title = shortenForImage(article.title, 160);
  const fontSize = title.length > 110 ? 50 : title.length > 60 ? 58 : 68;
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          background: BRAND_COLOUR,
          color: 'white',
          fontFamily: BRAND_FONT_FAMILY,
        }}
      >
        <div style={{ display: 'flex' }}>
          <div style={{ display: 'flex', background: 'white', color: BRAND_COLOUR, fontSize: 30, padding: '10px 24px', borderRadius: 8, textTransform: 'uppercase' }}>
            {article.section.name}
          </div>
        </div>
        <div style={{ display: 'flex', fontSize, lineHeight: 1.25 }}>{title}</div>
        <div style={{ display: 'flex', alignItems: 'center', borderTop: '3px solid rgba(255,255,255,0.6)', paddingTop: 24, fontSize: 34 }}>
          {siteConfig.name}
          <span style={{ fontSize: 24, marginLeft: 24, opacity: 0.85 }}>{siteConfig.tagline}</span>
        </div>
      </div>
    ),
    { ...size, fonts: await loadBrandFonts() },
  );
}
