import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListPage } from '@/components/site/article-list-page';
import { getAuthorPage } from '@/lib/articles/discovery';
import { listingMetadata } from '@/lib/seo/page-metadata';

const PAGE_SIZE = 12;

export async function metadataFor(slug: string, page: number): Promise<Metadata> {
  const result = await getAuthorPage(slug, page, PAGE_SIZE);
  if (!result) return {};
  return listingMetadata({
    title: `Tác giả: ${result.author.name}${page > 1 ? ` – Trang ${page}` : ''}`,
    path: page > 1 ? `/tac-gia/${slug}/trang/${page}` : `/tac-gia/${slug}`,
  });
}

export async function Listing({ slug, page }: { slug: string; page: number }) {
  const result = await getAuthorPage(slug, page, PAGE_SIZE);
  if (!result || page > result.page.pageCount) notFound();
  return <ArticleListPage title={result.author.name} kicker="Tác giả" page={result.page} basePath={`/tac-gia/${slug}`} />;
}
