'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { api, errorMessage } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { Tag } from '@/lib/dashboard/types';
import { foldVietnamese, slugify } from '@/lib/text/slug';
import { buttonClass, inputClass, labelClass, Loading, Notice, PageHeader } from './ui';

type Flash = { tone: 'success' | 'error'; text: string };

export function TagsManager() {
  const queryClient = useQueryClient();
  const ids = useId();
  const [flash, setFlash] = useState<Flash | null>(null);
  const [newName, setNewName] = useState('');
  const [filter, setFilter] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const tags = useQuery({ queryKey: queryKeys.tags, queryFn: () => api<Tag[]>('/api/tags') });

  const create = useMutation({
    mutationFn: (name: string) => api<Tag>('/api/tags', { method: 'POST', json: { name } }),
    onSuccess: (tag) => {
      setNewName('');
      setFlash({ tone: 'success', text: `Đã tạo từ khóa “${tag.name}”.` });
    },
    onError: (error) => setFlash({ tone: 'error', text: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
  });

  // The new name shows at once; the old one comes back if the server refuses.
  const rename = useMutation({
    mutationFn: ({ tag, name }: { tag: Tag; name: string }) => api<Tag>(`/api/tags/${tag.id}`, { method: 'PATCH', json: { name } }),
    onMutate: async ({ tag, name }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.tags });
      const previous = queryClient.getQueryData<Tag[]>(queryKeys.tags);
      queryClient.setQueryData<Tag[]>(queryKeys.tags, (list) => list?.map((t) => (t.id === tag.id ? { ...t, name, slug: slugify(name) } : t)));
      return { previous };
    },
    onError: (error, { tag, name }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.tags, context.previous);
      setFlash({ tone: 'error', text: `Không đổi được tên “${tag.name}” thành “${name}”: ${errorMessage(error)}` });
    },
    onSuccess: (_updated, { tag, name }) => setFlash({ tone: 'success', text: `Đã đổi “${tag.name}” thành “${name}”.` }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
  });

  const remove = useMutation({
    mutationFn: (tag: Tag) => api(`/api/tags/${tag.id}`, { method: 'DELETE' }),
    onSuccess: (_d, tag) => setFlash({ tone: 'success', text: `Đã xóa từ khóa “${tag.name}”.` }),
    onError: (error) => setFlash({ tone: 'error', text: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
  });

  const visible = useMemo(() => {
    const needle = foldVietnamese(filter.trim());
    return (tags.data ?? []).filter((t) => !needle || foldVietnamese(t.name).includes(needle) || t.slug.includes(needle));
  }, [tags.data, filter]);

  function submitRename(tag: Tag) {
    const name = renaming?.name.trim() ?? '';
    setRenaming(null);
    if (!name || name === tag.name) return;
    setFlash(null);
    rename.mutate({ tag, name });
  }

  return (
    <div>
      <PageHeader title="Từ khóa" description="Từ khóa gắn với bài viết; bạn đọc xem được danh sách bài theo từng từ khóa." />

      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!newName.trim()) return;
          setFlash(null);
          create.mutate(newName.trim());
        }}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-4"
      >
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor={`${ids}-new`} className={labelClass}>
            Từ khóa mới
          </label>
          <input id={`${ids}-new`} type="text" maxLength={60} value={newName} onChange={(e) => setNewName(e.target.value)} className={inputClass} />
        </div>
        <button type="submit" disabled={create.isPending || !newName.trim()} className={buttonClass('primary')}>
          {create.isPending ? 'Đang tạo…' : 'Tạo từ khóa'}
        </button>
      </form>

      {flash ? (
        <Notice tone={flash.tone} className="mt-4">
          {flash.text}
        </Notice>
      ) : null}

      <div className="mb-3 mt-6 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-bold">
          Danh sách từ khóa{tags.data ? <span className="font-normal text-muted"> ({tags.data.length})</span> : null}
        </h2>
        <div className="w-full sm:w-72">
          <label htmlFor={`${ids}-filter`} className={labelClass}>
            Lọc từ khóa
          </label>
          <input id={`${ids}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className={inputClass} />
        </div>
      </div>

      {tags.isError ? (
        <Notice tone="error">Không tải được từ khóa: {errorMessage(tags.error)}</Notice>
      ) : !tags.data ? (
        <Loading />
      ) : visible.length === 0 ? (
        <p className="text-muted">{filter ? 'Không có từ khóa nào khớp.' : 'Chưa có từ khóa nào.'}</p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
          {visible.map((tag) => (
            <li key={tag.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              {renaming?.id === tag.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    submitRename(tag);
                  }}
                  className="flex min-w-0 flex-1 flex-wrap items-end gap-2"
                >
                  <div className="min-w-0 flex-1 basis-48">
                    <label htmlFor={`${ids}-rename-${tag.id}`} className="mb-0.5 block text-xs font-semibold">
                      Tên mới cho “{tag.name}”
                    </label>
                    <input
                      id={`${ids}-rename-${tag.id}`}
                      type="text"
                      autoFocus
                      maxLength={60}
                      value={renaming.name}
                      onChange={(e) => setRenaming({ id: tag.id, name: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') setRenaming(null);
                      }}
                      className={inputClass}
                    />
                  </div>
                  <button type="submit" className={buttonClass('primary', 'sm')}>
                    Lưu
                  </button>
                  <button type="button" onClick={() => setRenaming(null)} className={buttonClass('secondary', 'sm')}>
                    Hủy
                  </button>
                </form>
              ) : (
                <>
                  <div className="min-w-0">
                    <p className="font-semibold">{tag.name}</p>
                    <p className="text-sm text-muted">
                      {tag.slug} · {tag.articles} bài viết
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <button type="button" onClick={() => setRenaming({ id: tag.id, name: tag.name })} className={buttonClass('secondary', 'sm')}>
                      Đổi tên<span className="sr-only"> từ khóa {tag.name}</span>
                    </button>
                    <button
                      type="button"
                      disabled={remove.isPending}
                      onClick={() => {
                        const usage = tag.articles ? ` Từ khóa đang gắn với ${tag.articles} bài viết; các bài sẽ không còn từ khóa này.` : '';
                        if (!window.confirm(`Xóa từ khóa “${tag.name}”?${usage}`)) return;
                        setFlash(null);
                        remove.mutate(tag);
                      }}
                      className={buttonClass('danger', 'sm')}
                    >
                      Xóa<span className="sr-only"> từ khóa {tag.name}</span>
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
