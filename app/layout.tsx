import type { Metadata, Viewport } from 'next';
import './globals.css';
import { SITE_DESCRIPTION, siteConfig, siteUrl } from '@/lib/site/config';
import { readerPreferencesBootScript } from '@/lib/site/text-size';
import { siteFontStack } from './fonts';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: `${siteConfig.name} – ${siteConfig.tagline}`, template: `%s | ${siteConfig.name}` },
  description: SITE_DESCRIPTION,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9b1c1c' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The boot script sets class and data-text-size on <html> before React hydrates.
    <html lang="vi" suppressHydrationWarning style={{ ['--font-site' as string]: siteFontStack }}>
      <head>
        <script dangerouslySetInnerHTML={{ __html: readerPreferencesBootScript }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
