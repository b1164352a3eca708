'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import Image from 'next/image';
import { useEffect, useId, useState } from 'react';
import { api, ApiError, errorMessage, withQuery } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { MediaItem, MediaSummary, Page } from '@/lib/dashboard/types';
import { formatVietnamDate } from '@/lib/time/format';
import { buttonClass, inputClass, Loading, Notice, Pagination } from './ui';

const ACCEPT = 'image/jpeg,image/png,image/webp';

type MediaPage = Page<MediaItem>;

/** Puts a changed image into every cached page of the library. */
function patchCachedMedia(queryClient: ReturnType<typeof useQueryClient>, media: MediaSummary) {
  queryClient.setQueriesData<MediaPage>({ queryKey: queryKeys.media.all }, (page) =>
    page ? { ...page, items: page.items.map((m) => (m.id === media.id ? { ...m, ...media } : m)) } : page,
  );
}

/** PATCH /api/media/:id, shared by the library cards and the picker's alt prompt. */
export function useUpdateMedia() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...meta }: { id: number; alt?: string; caption?: string | null; credit?: string | null }) =>
      api<MediaSummary>(`/api/media/${id}`, { method: 'PATCH', json: meta }),
    // Shown at once; put back if the server refuses.
    onMutate: async ({ id, ...meta }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.media.all });
      const previous = queryClient.getQueriesData<MediaPage>({ queryKey: queryKeys.media.all });
      queryClient.setQueriesData<MediaPage>({ queryKey: queryKeys.media.all }, (page) =>
        page ? { ...page, items: page.items.map((m) => (m.id === id ? { ...m, ...meta } : m)) } : page,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => context?.previous.forEach(([key, data]: [QueryKey, MediaPage | undefined]) => queryClient.setQueryData(key, data)),
    onSuccess: (media) => patchCachedMedia(queryClient, media),
  });
}

type UploadProblem = { name: string; message: string };

/**
 * The media library: upload by drag and drop or the file picker, search, and
 * a grid of images. In "manage" mode each image's description, caption and
 * credit are edited in place; in "pick" mode each has a "Chọn" button (the
 * editor's picker dialog) and a new upload is picked at once.
 */
export function MediaLibrary({ mode, onPick }: { mode: 'manage' | 'pick'; onPick?: (media: MediaSummary) => void }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  const [uploaded, setUploaded] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  const filters = { page, pageSize: mode === 'pick' ? 12 : 24, q };
  const list = useQuery({
    queryKey: queryKeys.media.list(filters),
    queryFn: () => api<MediaPage>(withQuery('/api/media', filters)),
    placeholderData: keepPreviousData,
  });

  async function upload(files: File[]) {
    if (files.length === 0) return;
    setProblems([]);
    setUploaded(0);
    const done: MediaSummary[] = [];
    const failed: UploadProblem[] = [];
    for (const file of files) {
      setUploading(file.name);
      const form = new FormData();
      form.set('file', file);
      try {
        done.push(await api<MediaSummary>('/api/media', { method: 'POST', body: form }));
      } catch (error) {
        const message = error instanceof ApiError ? (error.fieldErrors.file?.join(' ') ?? error.message) : errorMessage(error);
        failed.push({ name: file.name, message });
      }
    }
    setUploading(null);
    setProblems(failed);
    setUploaded(done.length);
    if (done.length) {
      setPage(1);
      await queryClient.invalidateQueries({ queryKey: queryKeys.media.all });
      const first = done[0];
      if (mode === 'pick' && onPick && first) onPick(first);
    }
  }

  const data = list.data;

  return (
    <div>
      <div
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void upload(Array.from(e.dataTransfer.files));
        }}
        className={`flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed p-6 text-center transition-colors ${dragging ? 'border-brand bg-red-50' : 'border-gray-300 bg-white'}`}
      >
        <p className="text-sm text-muted">
          {uploading ? `Đang tải lên “${uploading}”…` : 'Kéo thả ảnh JPEG, PNG hoặc WebP (tối đa 10 MB) vào đây, hoặc'}
        </p>
        <div>
          <input
            id={`${ids}-file`}
            type="file"
            accept={ACCEPT}
            multiple={mode === 'manage'}
            disabled={Boolean(uploading)}
            className="peer sr-only"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              void upload(files);
            }}
          />
          <label
            htmlFor={`${ids}-file`}
            className={`${buttonClass('primary')} cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-700 peer-disabled:cursor-wait peer-disabled:opacity-60`}
          >
            Chọn ảnh
          </label>
        </div>
      </div>

      <div aria-live="polite" className="mt-3 space-y-2 empty:hidden">
        {uploading ? (
          <p role="status" className="text-sm text-muted">
            Đang tải ảnh lên…
          </p>
        ) : null}
        {uploaded > 0 && mode === 'manage' ? (
          <Notice tone="success">
            Đã tải lên {uploaded} ảnh. Hãy nhập mô tả ảnh (alt) cho ảnh mới trước khi dùng trong bài.
          </Notice>
        ) : null}
      </div>
      {problems.length ? (
        <Notice tone="error" className="mt-3">
          <p className="font-semibold">Không tải lên được:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p, i) => (
              <li key={`${p.name}-${i}`}>
                “{p.name}”: {p.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <div className="mt-4 max-w-sm">
        <label htmlFor={`${ids}-q`} className="mb-1 block text-sm font-semibold">
          Tìm ảnh
        </label>
        <input id={`${ids}-q`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Tên tệp, mô tả, chú thích…" className={inputClass} />
      </div>

      <div className="mt-4" aria-busy={list.isFetching}>
        {list.isError ? (
          <Notice tone="error">Không tải được thư viện ảnh: {errorMessage(list.error)}</Notice>
        ) : !data ? (
          <Loading label="Đang tải thư viện ảnh…" />
        ) : data.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 bg-white p-8 text-center text-muted">{q ? 'Không có ảnh nào khớp.' : 'Thư viện chưa có ảnh nào.'}</p>
        ) : (
          <>
            <ul className={`grid gap-4 ${mode === 'pick' ? 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-4' : 'grid-cols-1 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4'}`}>
              {data.items.map((media) => (
                <li key={media.id}>{mode === 'manage' ? <ManagedMediaCard media={media} /> : <PickableMediaCard media={media} onPick={() => onPick?.(media)} />}</li>
              ))}
            </ul>
            <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={setPage} label="Phân trang thư viện ảnh" />
          </>
        )}
      </div>
    </div>
  );
}

function Thumbnail({ media, sizes }: { media: MediaSummary; sizes: string }) {
  return (
    <div className="relative aspect-[4/3] overflow-hidden rounded-t-lg bg-gray-100">
      <Image src={media.url} alt={media.alt} fill sizes={sizes} className="object-cover" />
      {!media.alt.trim() ? <MissingAltBadge className="absolute left-2 top-2" /> : null}
    </div>
  );
}

export function MissingAltBadge({ className = '' }: { className?: string }) {
  return <span className={`inline-block rounded bg-amber-400 px-2 py-0.5 text-xs font-bold text-amber-950 shadow ${className}`}>Thiếu mô tả</span>;
}

function PickableMediaCard({ media, onPick }: { media: MediaItem; onPick: () => void }) {
  return (
    <div className="flex h-full flex-col rounded-lg border border-gray-200 bg-white">
      <Thumbnail media={media} sizes="(min-width: 1024px) 12rem, 45vw" />
      <div className="flex flex-1 flex-col gap-2 p-2">
        <p className="line-clamp-2 text-xs text-muted">{media.alt || media.caption || `Ảnh #${media.id}`}</p>
        <button type="button" onClick={onPick} className={`${buttonClass('secondary', 'sm')} mt-auto w-full`}>
          Chọn<span className="sr-only"> ảnh {media.alt || `#${media.id}`}</span>
        </button>
      </div>
    </div>
  );
}

function ManagedMediaCard({ media }: { media: MediaItem }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [alt, setAlt] = useState(media.alt);
  const [caption, setCaption] = useState(media.caption ?? '');
  const [credit, setCredit] = useState(media.credit ?? '');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const update = useUpdateMedia();
  const remove = useMutation({
    mutationFn: () => api(`/api/media/${media.id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.media.all }),
    onError: (error) => setMessage({ tone: 'error', text: errorMessage(error) }),
  });

  // A save elsewhere (the picker's alt prompt) shows here too.
  useEffect(() => setAlt(media.alt), [media.alt]);
  useEffect(() => setCaption(media.caption ?? ''), [media.caption]);
  useEffect(() => setCredit(media.credit ?? ''), [media.credit]);

  const changed = alt !== media.alt || caption !== (media.caption ?? '') || credit !== (media.credit ?? '');
  const fileName = decodeURIComponent(media.url.split('/').pop() ?? '');

  function save(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    setFieldErrors({});
    update.mutate(
      { id: media.id, alt: alt.trim(), caption: caption.trim() || null, credit: credit.trim() || null },
      {
        onSuccess: () => setMessage({ tone: 'success', text: 'Đã lưu thông tin ảnh.' }),
        onError: (error) => {
          setMessage({ tone: 'error', text: errorMessage(error) });
          if (error instanceof ApiError) setFieldErrors(error.fieldErrors);
        },
      },
    );
  }

  function confirmDelete() {
    if (!window.confirm(`Xóa ảnh “${fileName}” khỏi thư viện? Không thể hoàn tác.`)) return;
    setMessage(null);
    remove.mutate();
  }

  const field = (name: 'alt' | 'caption' | 'credit', label: string, value: string, set: (v: string) => void, props: { maxLength: number; multiline?: boolean }) => {
    const inputId = `${id}-${name}`;
    const errors = fieldErrors[name];
    const common = {
      id: inputId,
      value,
      maxLength: props.maxLength,
      'aria-invalid': errors ? true : undefined,
      'aria-describedby': errors ? `${inputId}-error` : undefined,
      className: `${inputClass} text-sm`,
    };
    return (
      <div>
        <label htmlFor={inputId} className="mb-0.5 block text-xs font-semibold">
          {label}
        </label>
        {props.multiline ? <textarea {...common} rows={2} onChange={(e) => set(e.target.value)} /> : <input {...common} type="text" onChange={(e) => set(e.target.value)} />}
        {errors ? (
          <p id={`${inputId}-error`} className="mt-0.5 text-xs text-red-700">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <article aria-label={`Ảnh ${fileName}`} className="flex h-full flex-col rounded-lg border border-gray-200 bg-white">
      <Thumbnail media={media} sizes="(min-width: 1280px) 18rem, (min-width: 1024px) 30vw, (min-width: 640px) 45vw, 90vw" />
      <form onSubmit={save} className="flex flex-1 flex-col gap-2 p-3">
        <p className="truncate text-xs text-muted" title={fileName}>
          {fileName} · {media.width}×{media.height} · {formatVietnamDate(media.createdAt)}
        </p>
        {field('alt', 'Mô tả ảnh (alt)', alt, setAlt, { maxLength: 300, multiline: true })}
        {field('caption', 'Chú thích', caption, setCaption, { maxLength: 500 })}
        {field('credit', 'Nguồn ảnh', credit, setCredit, { maxLength: 120 })}
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${message.tone === 'error' ? 'text-red-700' : 'text-green-800'}`}>
            {message.text}
          </p>
        ) : null}
        <div className="mt-auto flex flex-wrap gap-2 pt-1">
          <button type="submit" disabled={!changed || update.isPending} className={buttonClass('primary', 'sm')}>
            {update.isPending ? 'Đang lưu…' : 'Lưu'}
            <span className="sr-only"> thông tin ảnh {fileName}</span>
          </button>
          <button type="button" onClick={confirmDelete} disabled={remove.isPending} className={buttonClass('danger', 'sm')}>
            Xóa<span className="sr-only"> ảnh {fileName}</span>
          </button>
        </div>
      </form>
    </article>
  );
}
