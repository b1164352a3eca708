import { siteConfig } from '@/lib/site/config';
import type { Section } from '@/lib/sections/queries';

export function SiteFooter({ sections }: { sections: Section[] }) {
  return (
    <footer role="contentinfo" className="mt-12 border-t-4 border-brand bg-gray-50 text-sm text-muted">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 md:grid-cols-3">
        <div>
          <p className="text-lg font-bold text-brand">{siteConfig.name}</p>
          <p>{siteConfig.publisher}</p>
          <p>Địa chỉ: {siteConfig.address}</p>
          <p>
            Thư điện tử: <a className="underline" href={`mailto:${siteConfig.email}`}>{siteConfig.email}</a>
          </p>
          <p className="mt-2">
            <a className="underline" href="/rss.xml" type="application/rss+xml">
              RSS: tin mới
            </a>
          </p>
        </div>
        <nav aria-label="Chuyên mục ở chân trang" className="md:col-span-2">
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {sections.map((s) => (
              <li key={s.id}>
                <a className="hover:text-brand hover:underline" href={`/${s.slug}`}>
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p className="border-t border-gray-200 px-4 py-4 text-center text-xs">
        © {siteConfig.name}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
      </p>
    </footer>
  );
}
