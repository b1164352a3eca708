'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, errorMessage } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { Revision, RevisionSummary } from '@/lib/dashboard/types';
import { formatVietnamDateTime } from '@/lib/time/format';
import { buttonClass, Loading, Notice } from './ui';
import { DiffLegend, tidy, WordDiff } from './word-diff';

export type ComparableContent = { title: string; lead: string; text: string; tags: string[] };

/**
 * "Lịch sử phiên bản": every save is a revision. Choosing one compares its
 * title, lead, text (pictures included) and tags with what is in the editor now; restoring saves it as
 * a new version, so nothing in between is lost.
 */
export function RevisionPanel({
  articleId,
  canRestore,
  getCurrent,
  onRestore,
  restoring,
}: {
  articleId: number;
  canRestore: boolean;
  getCurrent: () => ComparableContent;
  onRestore: (revision: RevisionSummary) => void;
  restoring: boolean;
}) {
  const headingId = useId();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const revisions = useQuery({
    queryKey: queryKeys.articles.revisions(articleId),
    queryFn: () => api<RevisionSummary[]>(`/api/articles/${articleId}/revisions`),
  });
  const selected = revisions.data?.find((r) => r.id === selectedId) ?? null;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-gray-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-bold">
        Lịch sử phiên bản
      </h2>
      <p className="mb-3 text-sm text-muted">Mỗi lần lưu là một phiên bản. Chọn một phiên bản để so sánh với nội dung đang soạn.</p>
      {revisions.isError ? (
        <Notice tone="error">Không tải được lịch sử: {errorMessage(revisions.error)}</Notice>
      ) : !revisions.data ? (
        <Loading label="Đang tải lịch sử phiên bản…" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <ol className="max-h-96 space-y-1 overflow-y-auto pr-1" aria-label="Các phiên bản, mới nhất trước">
            {revisions.data.map((r, index) => {
              const active = r.id === selectedId;
              return (
                <li key={r.id}>
                  <button
                    type="button"
                    aria-pressed={active}
                    onClick={() => setSelectedId(active ? null : r.id)}
                    className={`w-full rounded border px-3 py-2 text-left text-sm ${active ? 'border-brand bg-red-50' : 'border-gray-200 hover:bg-gray-50'}`}
                  >
                    <span className="block font-semibold">
                      Phiên bản {r.version}
                      {/* Workflow steps (submit, publish…) take version numbers without a new text, so the newest saved text is named by place. */}
                      {index === 0 ? <span className="font-normal text-muted"> (mới nhất)</span> : null}
                    </span>
                    <span className="block text-xs text-muted">
                      {formatVietnamDateTime(r.createdAt)}
                      {r.createdBy ? ` · ${r.createdBy}` : ''}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="min-w-0">
            {selected ? (
              <RevisionComparison
                articleId={articleId}
                summary={selected}
                getCurrent={getCurrent}
                canRestore={canRestore}
                restoring={restoring}
                onRestore={() => onRestore(selected)}
              />
            ) : (
              <p className="rounded border border-dashed border-gray-300 p-4 text-sm text-muted">Chưa chọn phiên bản nào.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function RevisionComparison({
  articleId,
  summary,
  getCurrent,
  canRestore,
  restoring,
  onRestore,
}: {
  articleId: number;
  summary: RevisionSummary;
  getCurrent: () => ComparableContent;
  canRestore: boolean;
  restoring: boolean;
  onRestore: () => void;
}) {
  const revision = useQuery({
    queryKey: queryKeys.articles.revision(articleId, summary.id),
    queryFn: () => api<Revision>(`/api/articles/${articleId}/revisions/${summary.id}`),
    staleTime: Infinity,
  });
  if (revision.isError) return <Notice tone="error">Không tải được phiên bản: {errorMessage(revision.error)}</Notice>;
  if (!revision.data) return <Loading label="Đang tải phiên bản…" />;
  const old = revision.data;
  const current = getCurrent();
  const rows: Array<[string, string, string]> = [
    ['Tiêu đề', old.title, current.title],
    ['Sapo', old.lead, current.lead],
    ['Nội dung', old.text, current.text],
    ['Từ khóa', old.tags.join(', '), current.tags.join(', ')],
  ];
  const same = rows.every(([, a, b]) => tidy(a) === tidy(b));

  return (
    <div aria-live="polite">
      <h3 className="font-semibold">
        Phiên bản {old.version} so với nội dung đang soạn
        <span className="block text-xs font-normal text-muted">
          Lưu lúc {formatVietnamDateTime(old.createdAt)}
          {old.createdBy ? ` bởi ${old.createdBy}` : ''}
        </span>
      </h3>
      <div className="mt-2">
        <DiffLegend removed="chỉ có trong phiên bản cũ" added="chỉ có trong nội dung đang soạn" />
      </div>
      {same ? <p className="mt-3 text-sm">Tiêu đề, sapo, nội dung (cả ảnh) và từ khóa giống hệt nội dung đang soạn.</p> : null}
      <dl className="mt-3 space-y-3">
        {rows.map(([label, before, after]) => (
          <div key={label}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</dt>
            <dd className="mt-1 max-h-80 overflow-y-auto rounded border border-gray-200 bg-gray-50 p-2">
              <WordDiff before={before} after={after} />
            </dd>
          </div>
        ))}
      </dl>
      {canRestore ? (
        <button type="button" onClick={onRestore} disabled={restoring} className={`${buttonClass('secondary')} mt-4`}>
          {restoring ? 'Đang khôi phục…' : 'Khôi phục phiên bản này'}
        </button>
      ) : null}
    </div>
  );
}
