import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/dashboard/article-editor';

export const metadata: Metadata = { title: 'Sửa bài viết' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  return <ArticleEditor key={id} articleId={Number(id)} />;
}
