import type { Metadata } from 'next';
import { SiteChrome } from '@/components/site/site-chrome';

// Never indexed, never cached: see also the headers for /xem-truoc in next.config.ts.
export const metadata: Metadata = { robots: { index: false, follow: false, nocache: true } };

export default function PreviewLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
