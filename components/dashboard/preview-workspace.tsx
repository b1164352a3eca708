'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import { formatVietnamDateTime } from '@/lib/time/format';
import { buttonClass, inputClass, labelClass, Loading, Notice, PageHeader } from './ui';

type PreviewLink = { id: number; createdBy: string | null; createdAt: string; expiresAt: string; revokedAt: string | null; lastOpenedAt: string | null; openCount: number; active: boolean };
type Created = { id: number; token: string; path: string; expiresAt: string };

const devices = [
  { id: 'phone', label: 'Điện thoại', width: 375 },
  { id: 'desktop', label: 'Máy tính', width: 1280 },
] as const;

const expiries = [
  { hours: 2, label: '2 giờ' },
  { hours: 24, label: '1 ngày' },
  { hours: 48, label: '2 ngày (mặc định)' },
  { hours: 168, label: '7 ngày' },
];

/**
 * The preview workspace: the draft as readers will see it (the same page
 * components, in a frame at phone or desktop width), and the share links for
 * people without an account.
 */
export function PreviewWorkspace({ articleId }: { articleId: number }) {
  const [device, setDevice] = useState<(typeof devices)[number]['id']>('phone');
  const [hours, setHours] = useState(48);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState('');
  const [frameKey, setFrameKey] = useState(0);
  const queryClient = useQueryClient();
  const links = useQuery({ queryKey: queryKeys.articles.previewLinks(articleId), queryFn: () => api<PreviewLink[]>(`/api/articles/${articleId}/preview-links`) });
  // A double tap makes one link: the mutation's own pending state reaches the button a moment too late.
  const creating = useRef(false);
  const create = useMutation({
    mutationFn: async () => {
      if (creating.current) return null;
      creating.current = true;
      try {
        return await api<Created>(`/api/articles/${articleId}/preview-links`, { method: 'POST', json: { expiresInHours: hours } });
      } finally {
        creating.current = false;
      }
    },
    onSuccess: (link) => {
      if (!link) return;
      setCreated(link);
      setCopied('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.articles.previewLinks(articleId) });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: number) => api<void>(`/api/articles/${articleId}/preview-links/${linkId}`, { method: 'DELETE' }),
    onMutate: async (linkId) => {
      // Shown as revoked at once; the list is re-read afterwards either way.
      queryClient.setQueryData<PreviewLink[]>(queryKeys.articles.previewLinks(articleId), (old) => old?.map((l) => (l.id === linkId ? { ...l, active: false, revokedAt: new Date().toISOString() } : l)));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.articles.previewLinks(articleId) }),
  });
  const width = devices.find((d) => d.id === device)!.width;
  const fullUrl = created ? `${window.location.origin}${created.path}` : '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(fullUrl);
      setCopied('Đã sao chép liên kết.');
    } catch {
      setCopied('Không sao chép được: hãy chọn và sao chép liên kết bằng tay.');
    }
  }

  return (
    <div>
      <PageHeader
        title="Xem trước bài viết"
        description="Bản đã lưu gần nhất (kể cả bản tự động lưu), hiển thị đúng như bạn đọc sẽ thấy."
        actions={
          <Link href={`/quan-tri/bai-viet/${articleId}`} className={buttonClass('secondary')}>
            ← Về trang soạn bài
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="khung-xem" className="min-w-0">
          <h2 id="khung-xem" className="sr-only">
            Khung xem trước
          </h2>
          <div role="group" aria-label="Kích thước màn hình" className="mb-3 flex flex-wrap items-center gap-2">
            {devices.map((d) => (
              <button key={d.id} type="button" aria-pressed={device === d.id} onClick={() => setDevice(d.id)} className={buttonClass(device === d.id ? 'primary' : 'secondary', 'sm')}>
                {d.label} ({d.width} px)
              </button>
            ))}
            <button type="button" onClick={() => setFrameKey((k) => k + 1)} className={buttonClass('ghost', 'sm')}>
              Tải lại bản mới nhất
            </button>
            <a href={`/xem-truoc/bai-viet/${articleId}`} target="_blank" rel="noopener" className={buttonClass('ghost', 'sm')}>
              Mở toàn trang<span className="sr-only"> (thẻ mới)</span>
            </a>
          </div>
          <div className="overflow-x-auto rounded-lg border border-gray-300 bg-gray-200 p-3">
            <iframe
              key={`${device}-${frameKey}`}
              title={`Xem trước ở độ rộng ${width} px`}
              src={`/xem-truoc/bai-viet/${articleId}`}
              // Always the width it names, even on a phone narrower than the frame (the box scrolls):
              // a squeezed frame would show a layout no reader gets.
              style={{ width, minWidth: width }}
              className="mx-auto block h-[75vh] rounded bg-white shadow"
            />
          </div>
        </section>

        <section aria-labelledby="lien-ket-chia-se" className="rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="lien-ket-chia-se" className="text-lg font-bold">
            Liên kết xem trước
          </h2>
          <p className="mt-1 text-sm text-muted">Gửi cho người không có tài khoản (ví dụ tổng biên tập trên điện thoại). Ai có liên kết đều xem được cho tới khi hết hạn hoặc bị thu hồi.</p>
          <form
            className="mt-3 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate();
            }}
          >
            <div className="min-w-40 flex-1">
              <label htmlFor="preview-expiry" className={labelClass}>
                Hết hạn sau
              </label>
              <select id="preview-expiry" value={hours} onChange={(e) => setHours(Number(e.target.value))} className={inputClass}>
                {expiries.map((x) => (
                  <option key={x.hours} value={x.hours}>
                    {x.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={create.isPending} className={buttonClass('primary')}>
              {create.isPending ? 'Đang tạo…' : 'Tạo liên kết'}
            </button>
          </form>
          {create.error ? (
            <Notice tone="error" className="mt-3">
              {create.error instanceof ApiError ? create.error.message : 'Không tạo được liên kết.'}
            </Notice>
          ) : null}
          {created ? (
            <div className="mt-3 rounded border border-green-300 bg-green-50 p-3 text-sm">
              <label htmlFor="preview-url" className="font-semibold">
                Liên kết mới (chỉ hiện một lần)
              </label>
              <input id="preview-url" readOnly value={fullUrl} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} mt-1 font-mono text-xs`} />
              <div className="mt-2 flex items-center gap-2">
                <button type="button" onClick={copy} className={buttonClass('secondary', 'sm')}>
                  Sao chép liên kết
                </button>
                <span role="status" className="text-green-900">
                  {copied}
                </span>
              </div>
              <p className="mt-1 text-xs text-muted">Hết hạn lúc {formatVietnamDateTime(created.expiresAt)}.</p>
            </div>
          ) : null}

          <h3 className="mt-5 text-sm font-bold uppercase text-muted">Các liên kết đã tạo</h3>
          {links.isLoading ? (
            <Loading />
          ) : links.data && links.data.length > 0 ? (
            <ul className="mt-2 divide-y divide-gray-200 text-sm">
              {links.data.map((link) => (
                <li key={link.id} className="py-2">
                  <p>
                    <strong>#{link.id}</strong> · {link.createdBy ?? 'Không rõ'} tạo lúc {formatVietnamDateTime(link.createdAt)}
                  </p>
                  <p className="text-muted">
                    {link.revokedAt ? `Đã thu hồi lúc ${formatVietnamDateTime(link.revokedAt)}` : link.active ? `Hết hạn lúc ${formatVietnamDateTime(link.expiresAt)}` : `Đã hết hạn lúc ${formatVietnamDateTime(link.expiresAt)}`}
                    {' · '}
                    {link.lastOpenedAt ? `Mở lần cuối ${formatVietnamDateTime(link.lastOpenedAt)} (${link.openCount} lần)` : 'Chưa ai mở'}
                  </p>
                  {link.active ? (
                    <button type="button" onClick={() => revoke.mutate(link.id)} className={`${buttonClass('danger', 'sm')} mt-1`}>
                      Thu hồi<span className="sr-only"> liên kết #{link.id}</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">Chưa có liên kết nào.</p>
          )}
        </section>
      </div>
    </div>
  );
}
