import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The site's colours, as in app/globals.css. */
export const BRAND_COLOUR = '#9b1c1c';

export const PUBLISHER_LOGO = { path: '/logo.png', width: 600, height: 60 } as const;

const FONT_DIR = path.join(process.cwd(), 'node_modules/@fontsource/be-vietnam-pro/files');

let fonts: Promise<Array<{ name: string; data: Buffer; weight: 700; style: 'normal' }>> | undefined;

const FONT_FILES = [
  { name: 'Be Vietnam Pro', file: 'be-vietnam-pro-latin-700-normal.woff' },
  { name: 'Be Vietnam Pro Vietnamese', file: 'be-vietnam-pro-vietnamese-700-normal.woff' },
];

/** For `fontFamily` in next/og images. */
export const BRAND_FONT_FAMILY = FONT_FILES.map((f) => `"${f.name}"`).join(', ');

/**
 * Be Vietnam Pro Bold for next/og, read from the npm package at request time
 * (satori reads woff, not woff2), in two subsets. Each subset needs its own
 * name: satori keeps one font per name, weight and style, and would look the
 * Vietnamese letters up on Google Fonts instead (failing offline). With two
 * names in the font stack, each glyph comes from the first subset that has it.
 * A failed read is not remembered, so a later request can try again.
 */
export function loadBrandFonts() {
  fonts ??= Promise.all(
    FONT_FILES.map(async ({ name, file }) => ({
      name,
      data: await readFile(path.join(FONT_DIR, file)),
      weight: 700 as const,
      style: 'normal' as const,
    })),
  ).catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}
