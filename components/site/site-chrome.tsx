import { getPublicSections } from '@/lib/sections/public';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main landmark and footer around every reader page (and the 404 page).
 * The `data-page-scripts` mark tells the server (lib/server/islands.mjs) that
 * the page needs only its islands, not Next.js's client runtime.
 */
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const sections = await getPublicSections();
  return (
    <>
      <SiteHeader sections={sections} />
      <main id="noi-dung" data-page-scripts="islands" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
      <SiteFooter sections={sections} />
    </>
  );
}
