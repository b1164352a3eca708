import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/site/article-list-page';
import { getTagPage } from '@/lib/articles/discovery';
import { listingMetadata } from '@/lib/seo/page-metadata';

const PAGE_SIZE = 12;

export async function metadataFor(slug: string, page: number): Promise<Metadata> {
  const result = await getTagPage(slug, page, PAGE_SIZE);
  if (!result) return {};
  return listingMetadata({
    title: `Từ khóa: ${result.tag.name}${page > 1 ? ` – Trang ${page}` : ''}`,
    path: page > 1 ? `/the/${slug}/trang/${page}` : `/the/${slug}`,
  });
}

export async function Listing({ slug, page }: { slug: string; page: number }) {
  const result = await getTagPage(slug, page, PAGE_SIZE);
  if (!result || page > result.page.pageCount) notFound();
  return <ArticleListPage title={result.tag.name} kicker="Từ khóa" page={result.page} basePath={`/the/${slug}`} />;
}
