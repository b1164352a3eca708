import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Không tìm thấy bài viết', robots: { index: false } };

/** The newsroom's own preview of an article that does not exist, was deleted, or is not theirs to see. */
export default function SessionPreviewNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold text-brand">Không tìm thấy bài viết</h1>
      <p className="mt-2 text-muted">Bài viết không tồn tại, đã bị xóa, hoặc bạn không có quyền xem trước bài này.</p>
      <p className="mt-6">
        <a href="/quan-tri" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Về trang quản trị
        </a>
      </p>
    </div>
  );
}
