import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getPublicSectionPage } from '@/lib/articles/public';
import { getPublicSection } from '@/lib/sections/public';
import { SECTION_PAGE_SIZE, sectionPath } from '@/lib/site/config';
import { ArticleCard } from './article-card';
import { Pagination } from './pagination';
import { listingMetadata } from '@/lib/seo/page-metadata';

/** Parses the page number of a section URL; anything but a positive integer is a 404. */
export function parsePageNumber(raw: string): number {
  if (!/^\d{1,6}$/.test(raw)) notFound();
  const page = Number(raw);
  if (page < 1) notFound();
  return page;
}

export async function sectionMetadata(sectionSlug: string, page: number): Promise<Metadata> {
  const section = await getPublicSection(sectionSlug);
  if (!section) return {};
  return listingMetadata({
    title: page > 1 ? `${section.name} – Trang ${page}` : section.name,
    description: section.description ?? undefined,
    path: sectionPath(section.slug, page),
    section,
  });
}

export async function SectionListing({ sectionSlug, page }: { sectionSlug: string; page: number }) {
  const section = await getPublicSection(sectionSlug);
  if (!section) notFound();
  const result = await getPublicSectionPage(section.id, section.slug, page, SECTION_PAGE_SIZE);
  if (page > result.pageCount) notFound();
  return (
    <>
      <header className="mb-6 border-b-2 border-brand pb-2">
        <h1 className="text-2xl font-bold uppercase text-brand">{section.name}</h1>
        {section.description ? <p className="mt-1 text-muted">{section.description}</p> : null}
      </header>
      {result.items.length === 0 ? (
        <p className="py-12 text-center text-muted">Chuyên mục này chưa có bài viết.</p>
      ) : (
        <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((a, i) => (
            <ArticleCard key={a.id} article={a} priority={i === 0} />
          ))}
        </div>
      )}
      <Pagination page={page} pageCount={result.pageCount} href={(n) => sectionPath(section.slug, n)} />
    </>
  );
}
