import { getPublicSections } from '@/lib/sections/public';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Links between reader pages are page loads (no client-side router), so the browser fetches the
 * next page ahead: when the pointer rests on a link, or a finger goes down on it (Chromium's
 * speculation rules, "moderate"). Prefetch only, never prerender: a prerendered article would run
 * its views beacon for a reader who never opened it. Pages that are private, per request or
 * counted (search, previews, the dashboard) are never fetched ahead.
 */
const speculationRules = JSON.stringify({
  prefetch: [
    {
      where: {
        and: [
          { href_matches: '/*' },
          { not: { href_matches: ['/tim-kiem*', '/xem-truoc/*', '/quan-tri*', '/dang-nhap*', '/api/*', '/media/*', '/*.xml'] } },
        ],
      },
      eagerness: 'moderate',
    },
  ],
});

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
      <script type="speculationrules" dangerouslySetInnerHTML={{ __html: speculationRules }} />
    </>
  );
}
