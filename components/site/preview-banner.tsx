import { statusLabels } from '@/lib/articles/policy';
import type { ArticleStatus } from '@/lib/db/schema';
import { formatVietnamDateTime } from '@/lib/time/format';

export function PreviewBanner({ status, savedAt, via, pending = false }: { status: ArticleStatus; savedAt: string; via: 'session' | 'link'; pending?: boolean }) {
  return (
    <div role="note" aria-label="Bản xem trước" className="no-print sticky top-0 z-30 border-b-2 border-amber-500 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2">
        <p>
          <strong className="uppercase">{pending
            ? 'Bản sửa chờ đăng – bạn đọc vẫn thấy bản đang xuất bản'
            : status === 'published'
              ? 'Bản xem trước'
              : status === 'unpublished'
                ? 'Bài đã gỡ – bạn đọc không xem được'
                : status === 'scheduled'
                  ? 'Bài hẹn giờ – chưa xuất bản'
                  : 'Bản nháp – chưa xuất bản'}</strong>
          <span className="mx-2" aria-hidden="true">·</span>
          Trạng thái: <strong>{statusLabels[status]}</strong>
          <span className="mx-2" aria-hidden="true">·</span>
          Lưu lần cuối: <time dateTime={savedAt}>{formatVietnamDateTime(savedAt)}</time>
        </p>
        <p className="text-xs">{via === 'link' ? 'Liên kết xem trước riêng tư: vui lòng không chia sẻ.' : 'Chỉ người trong tòa soạn nhìn thấy trang này.'}</p>
      </div>
    </div>
  );
}
