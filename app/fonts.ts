import localFont from 'next/font/local';

/**
 * Be Vietnam Pro, self-hosted from @fontsource (nothing is fetched at build),
 * in two subsets: Latin, and the Vietnamese letters (ă, đ, ơ, ư, ạ…ỹ). Each is
 * preloaded (next/font needs the paths written out literally); display "optional" means a page is drawn in the fallback font only
 * when the font is not there in time, and then never re-flows (no layout shift).
 */
const latin = localFont({
  src: [
    { path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-italic.woff2', weight: '400', style: 'italic' },
    { path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  display: 'optional',
  adjustFontFallback: 'Arial',
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
});

const vietnamese = localFont({
  src: [
    { path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-italic.woff2', weight: '400', style: 'italic' },
    { path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  display: 'optional',
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
    },
  ],
});

// Both faces before any fallback: a Vietnamese letter must reach the Vietnamese
// subset, not the metric-adjusted Arial that next/font puts after the Latin face.
const [latinFace, latinFallback] = latin.style.fontFamily.split(',').map((s) => s.trim());
export const siteFontStack = [latinFace, vietnamese.style.fontFamily, latinFallback, 'system-ui', 'sans-serif'].filter(Boolean).join(', ');
