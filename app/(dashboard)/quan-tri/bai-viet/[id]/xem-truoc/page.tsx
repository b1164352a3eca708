import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreviewWorkspace } from '@/components/dashboard/preview-workspace';

export const metadata: Metadata = { title: 'Xem trước bài viết' };

export default async function PreviewWorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  return <PreviewWorkspace articleId={Number(id)} />;
}
