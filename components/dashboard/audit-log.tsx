'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { api, errorMessage, withQuery } from '@/lib/dashboard/api-client';
import { auditActionLabel, auditActionLabels, describeAuditDetails, entityTypeLabels } from '@/lib/dashboard/audit-labels';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { AuditEntry, Page } from '@/lib/dashboard/types';
import { formatVietnamDateTime } from '@/lib/time/format';
import { inputClass, labelClass, Loading, Notice, PageHeader, Pagination } from './ui';

const PAGE_SIZE = 50;

function EntityCell({ entry }: { entry: AuditEntry }) {
  const label = entityTypeLabels[entry.entityType] ?? entry.entityType;
  if (entry.entityId === null) return <>{label}</>;
  if (entry.entityType === 'article' && entry.action !== 'article.delete') {
    return (
      <Link href={`/quan-tri/bai-viet/${entry.entityId}`} className="text-brand underline">
        {label} #{entry.entityId}
      </Link>
    );
  }
  return (
    <>
      {label} #{entry.entityId}
    </>
  );
}

export function AuditLog() {
  const ids = useId();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const filters = { page, pageSize: PAGE_SIZE, action };
  const log = useQuery({
    queryKey: queryKeys.audit(filters),
    queryFn: () => api<Page<AuditEntry>>(withQuery('/api/audit', filters)),
    placeholderData: keepPreviousData,
  });
  const data = log.data;

  return (
    <div>
      <PageHeader title="Nhật ký" description="Ai đã làm gì, lúc nào: đăng nhập, xuất bản, thay đổi chuyên mục và tài khoản." />
      <div className="mb-4 max-w-xs">
        <label htmlFor={`${ids}-action`} className={labelClass}>
          Hành động
        </label>
        <select
          id={`${ids}-action`}
          value={action}
          onChange={(e) => {
            setAction(e.target.value);
            setPage(1);
          }}
          className={inputClass}
        >
          <option value="">Tất cả hành động</option>
          {Object.entries(auditActionLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>

      {log.isError ? (
        <Notice tone="error">Không tải được nhật ký: {errorMessage(log.error)}</Notice>
      ) : !data ? (
        <Loading label="Đang tải nhật ký…" />
      ) : data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-8 text-center text-muted">Chưa có mục nào.</p>
      ) : (
        <div aria-busy={log.isFetching}>
          <ul className="space-y-2 md:hidden" aria-label="Nhật ký hoạt động">
            {data.items.map((entry) => (
              <li key={entry.id} className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
                <p className="font-semibold">{auditActionLabel(entry.action)}</p>
                <p className="text-muted">
                  <time dateTime={entry.createdAt}>{formatVietnamDateTime(entry.createdAt)}</time> · {entry.actor ?? 'Hệ thống'}
                </p>
                <p className="mt-1">
                  <EntityCell entry={entry} />
                </p>
                {describeAuditDetails(entry.details) ? <p className="mt-1 break-words text-muted">{describeAuditDetails(entry.details)}</p> : null}
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-gray-200 bg-white md:block">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">Nhật ký hoạt động</caption>
              <thead className="border-b border-gray-200 bg-gray-50 text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Thời gian
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Người thực hiện
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Hành động
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Đối tượng
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Chi tiết
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {data.items.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td className="whitespace-nowrap px-4 py-2.5">
                      <time dateTime={entry.createdAt}>{formatVietnamDateTime(entry.createdAt)}</time>
                    </td>
                    <td className="px-3 py-2.5">{entry.actor ?? <span className="text-muted">Hệ thống</span>}</td>
                    <td className="px-3 py-2.5 font-semibold">{auditActionLabel(entry.action)}</td>
                    <td className="whitespace-nowrap px-3 py-2.5">
                      <EntityCell entry={entry} />
                    </td>
                    <td className="max-w-md break-words px-4 py-2.5 text-muted">{describeAuditDetails(entry.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={setPage} label="Phân trang nhật ký" />
        </div>
      )}
    </div>
  );
}
