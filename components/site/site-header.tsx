import { siteConfig } from '@/lib/site/config';
import type { Section } from '@/lib/sections/queries';
import { Island } from './island';

/** Header with section navigation: a row of links on wide screens, a disclosure menu on phones (works without JS; every link is a page load, so the menu never stays open). */
export function SiteHeader({ sections }: { sections: Section[] }) {
  return (
    <header role="banner" className="border-b-4 border-brand bg-white">
      <a href="#noi-dung" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3 sm:gap-4">
        <a href="/" className="group flex shrink-0 flex-col leading-tight">
          <span className="whitespace-nowrap text-xl font-bold tracking-tight text-brand sm:text-3xl">{siteConfig.name}</span>
          <span className="hidden text-sm text-muted sm:block">{siteConfig.tagline}</span>
        </a>
        <div className="flex items-center gap-1.5 sm:gap-2">
          <form role="search" action="/tim-kiem" method="get" className="hidden items-center gap-1 sm:flex">
            <label htmlFor="header-q" className="sr-only">
              Tìm kiếm bài viết
            </label>
            <input id="header-q" name="q" type="search" placeholder="Tìm kiếm…" className="w-44 rounded border border-gray-300 px-2 py-1 text-sm lg:w-56" />
            <button type="submit" className="rounded bg-brand px-3 py-1 text-sm font-semibold text-white hover:bg-brand-dark">
              Tìm
            </button>
          </form>
          <a href="/tim-kiem" className="inline-flex items-center rounded border border-gray-300 px-2 py-1.5 text-sm sm:hidden">
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
              <circle cx="11" cy="11" r="7" />
              <path d="m20 20-4-4" />
            </svg>
            <span className="sr-only">Tìm kiếm</span>
          </a>
          <Island name="ContrastToggle" props={{}} />
        <details className="relative md:hidden">
          <summary className="flex cursor-pointer list-none items-center gap-1.5 whitespace-nowrap rounded border border-gray-300 px-2.5 py-1.5 text-sm font-semibold">
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M3 6h18M3 12h18M3 18h18" />
            </svg>
            Chuyên mục
          </summary>
          <Island name="MenuDismiss" props={{}} />
          <nav aria-label="Chuyên mục" className="absolute right-0 z-20 mt-2 max-h-[70vh] w-64 overflow-y-auto rounded border border-gray-200 bg-white p-2 shadow-lg">
            <ul>
              <li>
                <a href="/" className="block rounded px-3 py-2 hover:bg-gray-100">
                  Trang chủ
                </a>
              </li>
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`/${s.slug}`} className="block rounded px-3 py-2 hover:bg-gray-100">
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </details>
        </div>
      </div>
      <nav aria-label="Chuyên mục chính" className="hidden bg-brand md:block">
        <ul className="mx-auto flex max-w-6xl flex-wrap px-2">
          <li>
            <a href="/" className="block px-3 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
              Trang chủ
            </a>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`/${s.slug}`} className="block px-3 py-2 text-sm font-semibold uppercase text-white hover:bg-brand-dark">
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
