import { ImageResponse } from 'next/og';
import { BRAND_COLOUR, BRAND_FONT_FAMILY, loadBrandFonts, PUBLISHER_LOGO } from '@/lib/seo/brand-image';
import { siteConfig } from '@/lib/site/config';

// The publisher logo named in articles' structured data. It depends on no
// data, only on the site's name, so it is drawn once at build and served as a file.
export const dynamic = 'force-static';

export async function GET() {
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: BRAND_COLOUR,
          color: 'white',
          fontFamily: BRAND_FONT_FAMILY,
          fontSize: 38,
        }}
      >
        {siteConfig.name}
      </div>
    ),
    { width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height, fonts: await loadBrandFonts() },
  );
}
