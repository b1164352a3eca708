import type { Metadata } from 'next';
import { MediaLibrary } from '@/components/dashboard/media-library';
import { PageHeader } from '@/components/dashboard/ui';

export const metadata: Metadata = { title: 'Thư viện ảnh' };

export default function MediaLibraryPage() {
  return (
    <>
      <PageHeader title="Thư viện ảnh" description="Ảnh dùng trong bài viết. Mỗi ảnh cần mô tả (alt) trước khi bài có ảnh được xuất bản." />
      <MediaLibrary mode="manage" />
    </>
  );
}
