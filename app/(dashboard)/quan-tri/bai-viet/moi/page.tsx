import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/dashboard/article-editor';

export const metadata: Metadata = { title: 'Viết bài mới' };

export default function NewArticlePage() {
  return <ArticleEditor articleId={null} />;
}
