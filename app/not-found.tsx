import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/site/not-found-content';
import { siteConfig } from '@/lib/site/config';

export const metadata: Metadata = { title: 'Không tìm thấy trang', robots: { index: false } };

// Prerendered at build time, so it reads nothing from the database: a plain
// header instead of the section menu. server.mjs also sends it for missing
// articles, sections, tags and authors, where Next.js would send an empty
// document (lib/server/finish-response.mjs, notFoundPage).
export default function NotFound() {
  return (
    <>
      <header role="banner" className="border-b-4 border-brand bg-white">
        <div className="mx-auto max-w-6xl px-4 py-3">
          <a href="/" className="text-2xl font-bold text-brand">
            {siteConfig.name}
          </a>
        </div>
      </header>
      <main id="noi-dung" className="px-4">
        <NotFoundContent />
      </main>
    </>
  );
}
