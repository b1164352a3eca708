'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="noi-dung" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-brand">Đã có lỗi xảy ra</h1>
      <p className="mt-2 text-muted">Hệ thống đang gặp sự cố khi tải trang này. Vui lòng thử lại sau ít phút.</p>
      {error.digest ? <p className="mt-2 text-xs text-muted">Mã lỗi: {error.digest}</p> : null}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Thử lại
        </button>
        <a href="/" className="rounded border border-gray-300 px-4 py-2 font-semibold">
          Về trang chủ
        </a>
      </div>
    </main>
  );
}
