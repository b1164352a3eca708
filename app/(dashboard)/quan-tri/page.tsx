import type { Metadata } from 'next';
import { ArticleList, parseArticleFilters } from '@/components/dashboard/article-list';

export const metadata: Metadata = { title: 'Bài viết' };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ArticleList initialFilters={parseArticleFilters(await searchParams)} />;
}
