import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Liên kết xem trước không còn hiệu lực', robots: { index: false } };

export default function PreviewNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold text-brand">Liên kết xem trước không còn hiệu lực</h1>
      <p className="mt-2 text-muted">Liên kết đã hết hạn, đã bị thu hồi hoặc không đúng. Hãy đề nghị người gửi tạo liên kết mới.</p>
      <p className="mt-6">
        <a href="/" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Về trang chủ
        </a>
      </p>
    </div>
  );
}
