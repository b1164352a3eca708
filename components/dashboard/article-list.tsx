'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { can, canSeeAllArticles, statusLabels, type WorkflowAction } from '@/lib/articles/policy';
import { allowedStatusActions, fieldLabels, groupFieldErrors } from '@/lib/dashboard/article-actions';
import { api, ApiError, errorMessage, withQuery } from '@/lib/dashboard/api-client';
import { sortLabels, type ArticleFilters, type ArticleSort } from '@/lib/dashboard/article-filters';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { ArticleListItem, ArticleStatus, Author, Page, Section } from '@/lib/dashboard/types';
import { formatVietnamDateTime } from '@/lib/time/format';
import { buttonClass, inputClass, labelClass, Loading, Notice, PageHeader, Pagination, StatusBadge } from './ui';
import { useDashboardUser } from './user-context';

const PAGE_SIZE = 20;

type Flash = { tone: 'success' | 'error'; text: string; details?: string[] };

export function ArticleList({ initialFilters }: { initialFilters: ArticleFilters }) {
  const user = useDashboardUser();
  const queryClient = useQueryClient();
  const seesAll = canSeeAllArticles(user);
  const [filters, setFilters] = useState<ArticleFilters>(initialFilters);
  const [search, setSearch] = useState(initialFilters.q);
  const [flash, setFlash] = useState<Flash | null>(null);
  const ids = useId();

  // Typing waits for a pause before it asks the server.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === search.trim() ? f : { ...f, q: search.trim(), page: 1 })), 350);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const url = withQuery('/quan-tri', {
      status: filters.status,
      sectionId: filters.sectionId,
      authorId: filters.authorId,
      q: filters.q,
      sort: filters.sort === 'updated_desc' ? '' : filters.sort,
      page: filters.page > 1 ? filters.page : '',
    });
    window.history.replaceState(null, '', url);
  }, [filters]);

  const apiFilters = { ...filters, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: queryKeys.articles.list(apiFilters),
    queryFn: () => api<Page<ArticleListItem>>(withQuery('/api/articles', apiFilters)),
    placeholderData: keepPreviousData,
  });
  const sections = useQuery({ queryKey: queryKeys.sections, queryFn: () => api<Section[]>('/api/sections'), staleTime: 5 * 60_000 });
  const authors = useQuery({ queryKey: queryKeys.authors, queryFn: () => api<Author[]>('/api/authors'), staleTime: 5 * 60_000, enabled: seesAll });

  const update = (patch: Partial<ArticleFilters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  const workflow = useMutation({
    mutationFn: ({ item, action }: { item: ArticleListItem; action: Exclude<WorkflowAction, 'schedule'>; done: string }) =>
      api(`/api/articles/${item.id}/workflow`, { method: 'POST', json: { action, version: item.version } }),
    onSuccess: (_data, { item, done }) => setFlash({ tone: 'success', text: `“${item.title}”: ${done}` }),
    onError: (error, { item }) => setFlash(errorFlash(`Không thực hiện được với bài “${item.title}”.`, error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.articles.all }),
  });
  const remove = useMutation({
    mutationFn: (item: ArticleListItem) => api(`/api/articles/${item.id}`, { method: 'DELETE' }),
    onSuccess: (_data, item) => setFlash({ tone: 'success', text: `Đã xóa bài “${item.title}”.` }),
    onError: (error, item) => setFlash(errorFlash(`Không xóa được bài “${item.title}”.`, error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.articles.all }),
  });
  const busy = workflow.isPending || remove.isPending;

  function runAction(item: ArticleListItem, action: Exclude<WorkflowAction, 'schedule'>, done: string) {
    if (action === 'unpublish' && !window.confirm(`Gỡ bài “${item.title}” khỏi trang? Bạn đọc sẽ không xem được bài này nữa.`)) return;
    setFlash(null);
    workflow.mutate({ item, action, done });
  }
  function deleteItem(item: ArticleListItem) {
    if (!window.confirm(`Xóa hẳn bản nháp “${item.title}”? Không thể hoàn tác.`)) return;
    setFlash(null);
    remove.mutate(item);
  }

  const data = list.data;
  const actions = (item: ArticleListItem) => (
    <RowActions item={item} busy={busy} onWorkflow={(action, done) => runAction(item, action, done)} onDelete={() => deleteItem(item)} />
  );

  return (
    <div>
      <PageHeader
        title="Bài viết"
        description={seesAll ? 'Tất cả bài viết của tòa soạn.' : 'Các bài viết của bạn.'}
        actions={
          <Link href="/quan-tri/bai-viet/moi" className={buttonClass('primary')}>
            Viết bài mới
          </Link>
        }
      />

      <form role="search" aria-label="Lọc bài viết" onSubmit={(e) => e.preventDefault()} className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor={`${ids}-q`} className={labelClass}>
            Tìm kiếm
          </label>
          <input id={`${ids}-q`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Tiêu đề, sapo, bút danh…" className={inputClass} />
        </div>
        <div>
          <label htmlFor={`${ids}-status`} className={labelClass}>
            Trạng thái
          </label>
          <select id={`${ids}-status`} value={filters.status} onChange={(e) => update({ status: e.target.value as ArticleStatus | '' })} className={inputClass}>
            <option value="">Tất cả trạng thái</option>
            {(Object.keys(statusLabels) as ArticleStatus[]).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-section`} className={labelClass}>
            Chuyên mục
          </label>
          <select id={`${ids}-section`} value={filters.sectionId} onChange={(e) => update({ sectionId: e.target.value })} className={inputClass}>
            <option value="">Tất cả chuyên mục</option>
            {sections.data?.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {seesAll ? (
          <div>
            <label htmlFor={`${ids}-author`} className={labelClass}>
              Tác giả
            </label>
            <select id={`${ids}-author`} value={filters.authorId} onChange={(e) => update({ authorId: e.target.value })} className={inputClass}>
              <option value="">Tất cả tác giả</option>
              {authors.data?.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor={`${ids}-sort`} className={labelClass}>
            Sắp xếp
          </label>
          <select id={`${ids}-sort`} value={filters.sort} onChange={(e) => update({ sort: e.target.value as ArticleSort })} className={inputClass}>
            {(Object.keys(sortLabels) as ArticleSort[]).map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </div>
      </form>

      {flash ? (
        <Notice tone={flash.tone} className="mb-4">
          <p>{flash.text}</p>
          {flash.details?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {flash.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}

      {list.isError ? (
        <Notice tone="error">Không tải được danh sách bài viết: {errorMessage(list.error)}</Notice>
      ) : !data ? (
        <Loading label="Đang tải danh sách bài viết…" />
      ) : data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-8 text-center text-muted">
          {filters.q || filters.status || filters.sectionId || filters.authorId ? 'Không có bài viết nào khớp bộ lọc.' : 'Chưa có bài viết nào.'}
        </p>
      ) : (
        <div aria-busy={list.isFetching}>
          {/* Phones: one card per article. */}
          <ul className="space-y-3 md:hidden" aria-label="Danh sách bài viết">
            {data.items.map((item) => (
              <li key={item.id} className="rounded-lg border border-gray-200 bg-white p-4">
                <div className="mb-2 flex items-start justify-between gap-3">
                  <TitleLink item={item} />
                  <StatusBadge status={item.status} pendingEdit={item.hasPendingEdit} />
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                  <dt className="text-muted">Chuyên mục</dt>
                  <dd>{item.section.name}</dd>
                  <dt className="text-muted">Tác giả</dt>
                  <dd>
                    <AuthorCell item={item} />
                  </dd>
                  <dt className="text-muted">Cập nhật</dt>
                  <dd>
                    <time dateTime={item.updatedAt}>{formatVietnamDateTime(item.updatedAt)}</time>
                  </dd>
                </dl>
                <div className="mt-3 flex flex-wrap gap-2">{actions(item)}</div>
              </li>
            ))}
          </ul>

          {/* Wider screens: a table that scrolls inside its own box if it must. */}
          <div className="hidden overflow-x-auto rounded-lg border border-gray-200 bg-white md:block">
            <table className="w-full min-w-[56rem] text-left text-sm">
              <caption className="sr-only">Danh sách bài viết</caption>
              <thead className="border-b border-gray-200 bg-gray-50 text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Tiêu đề
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Trạng thái
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Chuyên mục
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Tác giả
                  </th>
                  <th scope="col" className="px-3 py-3">
                    Cập nhật
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Thao tác
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {data.items.map((item) => (
                  <tr key={item.id} className="align-top hover:bg-gray-50">
                    <td className="max-w-md px-4 py-3">
                      <TitleLink item={item} />
                    </td>
                    <td className="px-3 py-3">
                      <StatusBadge status={item.status} pendingEdit={item.hasPendingEdit} />
                    </td>
                    <td className="px-3 py-3">{item.section.name}</td>
                    <td className="px-3 py-3">
                      <AuthorCell item={item} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-3">
                      <time dateTime={item.updatedAt}>{formatVietnamDateTime(item.updatedAt)}</time>
                    </td>
                    <td className="px-4 py-3">
                      <div className="flex flex-wrap gap-1.5">{actions(item)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={(page) => setFilters((f) => ({ ...f, page }))} label="Phân trang bài viết" />
        </div>
      )}
    </div>
  );
}

function errorFlash(text: string, error: unknown): Flash {
  if (error instanceof ApiError) {
    const details = Object.entries(groupFieldErrors(error.fieldErrors)).flatMap(([field, messages]) => messages.map((m) => `${fieldLabels[field] ?? field}: ${m}`));
    return { tone: 'error', text: `${text} ${error.message}`, details };
  }
  return { tone: 'error', text: `${text} ${errorMessage(error)}` };
}

function TitleLink({ item }: { item: ArticleListItem }) {
  return (
    <Link href={`/quan-tri/bai-viet/${item.id}`} className="font-semibold text-ink underline-offset-2 hover:text-brand hover:underline">
      {item.title}
    </Link>
  );
}

function AuthorCell({ item }: { item: ArticleListItem }) {
  const name = item.author?.name;
  if (!name) return <>{item.byline || '—'}</>;
  return (
    <>
      {name}
      {item.byline && item.byline !== name ? <span className="block text-xs text-muted">Bút danh: {item.byline}</span> : null}
    </>
  );
}

function RowActions({
  item,
  busy,
  onWorkflow,
  onDelete,
}: {
  item: ArticleListItem;
  busy: boolean;
  onWorkflow: (action: Exclude<WorkflowAction, 'schedule'>, done: string) => void;
  onDelete: () => void;
}) {
  const user = useDashboardUser();
  const access = { authorId: item.author?.id ?? null, status: item.status };
  const context = <span className="sr-only"> bài “{item.title}”</span>;
  return (
    <>
      <Link href={`/quan-tri/bai-viet/${item.id}`} className={buttonClass('secondary', 'sm')}>
        {can(user, 'edit', access) ? 'Sửa' : 'Xem'}
        {context}
      </Link>
      {allowedStatusActions(user, access).map((b) => (
        <button key={b.action} type="button" disabled={busy} onClick={() => onWorkflow(b.action, b.done)} className={buttonClass(b.action === 'publish' ? 'primary' : 'secondary', 'sm')}>
          {b.label}
          {context}
        </button>
      ))}
      {can(user, 'delete', access) ? (
        <button type="button" disabled={busy} onClick={onDelete} className={buttonClass('danger', 'sm')}>
          Xóa
          {context}
        </button>
      ) : null}
    </>
  );
}
