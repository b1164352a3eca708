'use client';

import { useEffect, useState } from 'react';

/**
 * Share without any third-party script: a plain link for Facebook (email is
 * the "Email" action at the top of the article),
 * the system share sheet (Web Share API) where the browser has one — on
 * phones it offers Zalo, Messenger… — and a copy-link button.
 */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const [canShare, setCanShare] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);

  async function copy(note = 'Đã sao chép liên kết bài viết.') {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(note);
    } catch {
      setMessage('Không sao chép được. Hãy chọn địa chỉ trên thanh trình duyệt.');
    }
  }

  async function shareNative() {
    try {
      await navigator.share({ title, url });
    } catch {
      // The reader closed the share sheet.
    }
  }

  const button = 'inline-flex items-center gap-1 rounded border border-gray-300 px-3 py-1.5 text-sm hover:border-brand';
  return (
    <div className="no-print mt-6 border-t border-gray-200 pt-4">
      <p className="mb-2 text-sm font-semibold">Chia sẻ bài viết</p>
      <div className="flex flex-wrap items-center gap-2">
        <a className={button} href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`} target="_blank" rel="noopener noreferrer">
          Facebook<span className="sr-only"> (mở cửa sổ mới)</span>
        </a>
        <button type="button" className={`js-only ${button}`} onClick={() => (canShare ? shareNative() : copy('Đã sao chép liên kết: hãy dán vào Zalo để gửi.'))}>
          Zalo
        </button>
        {canShare ? (
          <button type="button" className={button} onClick={shareNative}>
            Chia sẻ…
          </button>
        ) : null}
        <button type="button" className={`js-only ${button}`} onClick={() => copy()}>
          Sao chép liên kết
        </button>
      </div>
      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-green-800">
        {message}
      </p>
    </div>
  );
}
