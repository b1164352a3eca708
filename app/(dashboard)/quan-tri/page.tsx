import type { Metadata } from 'next';
import { ArticleList } from '@/components/dashboard/article-list';
import { parseArticleFilters } from '@/lib/dashboard/article-filters';

export const metadata: Metadata = { title: 'Bài viết' };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ArticleList initialFilters={parseArticleFilters(await searchParams)} />;
}
