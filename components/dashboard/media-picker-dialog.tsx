'use client';

import Image from 'next/image';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@/lib/dashboard/api-client';
import type { MediaSummary } from '@/lib/dashboard/types';
import { MediaLibrary, useUpdateMedia } from './media-library';
import { buttonClass, inputClass } from './ui';

/**
 * The media library in a modal dialog, for the article body and the cover.
 * Readers of the article must be told what an image shows, so an image
 * without a description (alt) is described here before it is handed over.
 * Render it outside any <form>: it holds forms of its own.
 */
export function MediaPickerDialog({ open, title, onClose, onPick }: { open: boolean; title: string; onClose: () => void; onPick: (media: MediaSummary) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [needsAlt, setNeedsAlt] = useState<MediaSummary | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setNeedsAlt(null);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  function choose(media: MediaSummary) {
    if (!media.alt.trim()) {
      setNeedsAlt(media);
      return;
    }
    onPick(media);
    onClose();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto max-h-[92vh] w-[min(64rem,calc(100vw-1rem))] overflow-hidden rounded-lg p-0 shadow-2xl backdrop:bg-black/50"
    >
      {open ? (
        <div className="flex max-h-[92vh] flex-col">
          <div className="flex items-center justify-between gap-3 border-b border-gray-200 px-4 py-3">
            <h2 id={titleId} className="text-lg font-bold">
              {needsAlt ? 'Thêm mô tả cho ảnh' : title}
            </h2>
            <button type="button" onClick={onClose} className={buttonClass('ghost', 'sm')}>
              Đóng
            </button>
          </div>
          <div className="overflow-y-auto p-4">
            {needsAlt ? (
              <AltPrompt media={needsAlt} onBack={() => setNeedsAlt(null)} onDone={choose} />
            ) : (
              <MediaLibrary mode="pick" onPick={choose} />
            )}
          </div>
        </div>
      ) : null}
    </dialog>
  );
}

function AltPrompt({ media, onBack, onDone }: { media: MediaSummary; onBack: () => void; onDone: (media: MediaSummary) => void }) {
  const id = useId();
  const [alt, setAlt] = useState('');
  const [error, setError] = useState('');
  const update = useUpdateMedia();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!alt.trim()) {
      setError('Hãy mô tả ngắn gọn nội dung ảnh (ví dụ: “Lãnh đạo tỉnh thăm mô hình trồng chè tại Thanh Sơn”).');
      return;
    }
    setError('');
    update.mutate(
      { id: media.id, alt: alt.trim() },
      {
        onSuccess: (updated) => onDone(updated),
        onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors.alt?.join(' ') ?? e.message) : errorMessage(e)),
      },
    );
  }

  return (
    <div className="grid gap-4 sm:grid-cols-[16rem_1fr]">
      <div className="relative aspect-[4/3] overflow-hidden rounded bg-gray-100">
        <Image src={media.url} alt="" fill sizes="16rem" className="object-contain" />
      </div>
      <form onSubmit={submit} aria-labelledby={`${id}-intro`} noValidate>
        <p id={`${id}-intro`} className="mb-3 text-sm">
          Ảnh này chưa có mô tả. Mô tả (alt) giúp người khiếm thị và công cụ tìm kiếm hiểu ảnh; bài viết không thể xuất bản khi ảnh thiếu mô tả.
        </p>
        <label htmlFor={`${id}-alt`} className="mb-1 block text-sm font-semibold">
          Mô tả ảnh (alt)
        </label>
        <input
          id={`${id}-alt`}
          type="text"
          autoFocus
          maxLength={300}
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={inputClass}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="submit" disabled={update.isPending} className={buttonClass('primary')}>
            {update.isPending ? 'Đang lưu…' : 'Lưu mô tả và chọn ảnh'}
          </button>
          <button type="button" onClick={onBack} className={buttonClass('secondary')}>
            Chọn ảnh khác
          </button>
        </div>
      </form>
    </div>
  );
}
