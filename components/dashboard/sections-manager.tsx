'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, ApiError, errorMessage } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { Section } from '@/lib/dashboard/types';
import { slugify } from '@/lib/text/slug';
import { buttonClass, FieldError, inputClass, labelClass, Loading, Notice, PageHeader } from './ui';

type SectionInput = { name: string; slug?: string; description?: string | null; position?: number };
type Draft = { name: string; slug: string; description: string; position: string };
type Flash = { tone: 'success' | 'error'; text: string };
/** The section being edited, with what was typed and, after a refusal, why. */
type Editing = { id: number; draft: Draft; errors: Record<string, string[]>; message: string };

const emptyDraft: Draft = { name: '', slug: '', description: '', position: '' };

function inputFrom(draft: Draft): SectionInput {
  const position = draft.position.trim() === '' ? undefined : Number(draft.position);
  return {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    description: draft.description.trim() || null,
    ...(position !== undefined && Number.isFinite(position) ? { position } : {}),
  };
}

export function SectionsManager() {
  const queryClient = useQueryClient();
  const [flash, setFlash] = useState<Flash | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const sections = useQuery({ queryKey: queryKeys.sections, queryFn: () => api<Section[]>('/api/sections') });

  // Saving closes the form and shows the new values at once; a refusal puts the old ones back and reopens the form.
  const update = useMutation({
    mutationFn: ({ section, draft }: { section: Section; draft: Draft }) => api<Section>(`/api/sections/${section.id}`, { method: 'PATCH', json: inputFrom(draft) }),
    onMutate: async ({ section, draft }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.sections });
      const previous = queryClient.getQueryData<Section[]>(queryKeys.sections);
      const input = inputFrom(draft);
      queryClient.setQueryData<Section[]>(queryKeys.sections, (list) =>
        list?.map((s) => (s.id === section.id ? { ...s, name: input.name, slug: input.slug || s.slug, description: input.description ?? null } : s)),
      );
      return { previous };
    },
    onError: (error, { section, draft }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.sections, context.previous);
      const errors = error instanceof ApiError ? { ...error.fieldErrors, ...(error.status === 409 ? { slug: [error.message] } : {}) } : {};
      setEditing({ id: section.id, draft, errors, message: `Chưa lưu được “${section.name}”: ${errorMessage(error)}` });
    },
    onSuccess: (updated) => setFlash({ tone: 'success', text: `Đã lưu chuyên mục “${updated.name}”.` }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.sections });
      void queryClient.invalidateQueries({ queryKey: queryKeys.articles.all });
    },
  });

  const remove = useMutation({
    mutationFn: (section: Section) => api(`/api/sections/${section.id}`, { method: 'DELETE' }),
    onSuccess: (_d, section) => setFlash({ tone: 'success', text: `Đã xóa chuyên mục “${section.name}”.` }),
    onError: (error) => setFlash({ tone: 'error', text: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sections }),
  });

  return (
    <div>
      <PageHeader title="Chuyên mục" description="Các chuyên mục hiện trên menu của trang, theo thứ tự vị trí." />
      <CreateSectionForm onCreated={(s) => setFlash({ tone: 'success', text: `Đã tạo chuyên mục “${s.name}”.` })} />
      {flash ? (
        <Notice tone={flash.tone} className="mt-4">
          {flash.text}
        </Notice>
      ) : null}
      <h2 className="mb-3 mt-6 text-lg font-bold">Danh sách chuyên mục</h2>
      {sections.isError ? (
        <Notice tone="error">Không tải được chuyên mục: {errorMessage(sections.error)}</Notice>
      ) : !sections.data ? (
        <Loading />
      ) : sections.data.length === 0 ? (
        <p className="text-muted">Chưa có chuyên mục nào.</p>
      ) : (
        <ol className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
          {sections.data.map((section, index) => (
            <li key={section.id} className="p-4">
              {editing?.id === section.id ? (
                <EditSectionForm
                  section={section}
                  editing={editing}
                  onCancel={() => setEditing(null)}
                  onSubmit={(draft) => {
                    setEditing(null);
                    setFlash(null);
                    update.mutate({ section, draft });
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold">
                      <span className="mr-2 text-sm font-normal text-muted">{index + 1}.</span>
                      {section.name}
                    </p>
                    <p className="break-all text-sm text-muted">/{section.slug}</p>
                    {section.description ? <p className="mt-1 text-sm">{section.description}</p> : null}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      onClick={() => {
                        setFlash(null);
                        setEditing({ id: section.id, draft: { name: section.name, slug: section.slug, description: section.description ?? '', position: '' }, errors: {}, message: '' });
                      }}
                      className={buttonClass('secondary', 'sm')}
                    >
                      Sửa<span className="sr-only"> chuyên mục {section.name}</span>
                    </button>
                    <button
                      type="button"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (!window.confirm(`Xóa chuyên mục “${section.name}”? Chỉ xóa được chuyên mục không còn bài viết.`)) return;
                        setFlash(null);
                        remove.mutate(section);
                      }}
                      className={buttonClass('danger', 'sm')}
                    >
                      Xóa<span className="sr-only"> chuyên mục {section.name}</span>
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function SectionFields({ draft, setDraft, errors, idPrefix, autoSlug }: { draft: Draft; setDraft: (d: Draft) => void; errors: Record<string, string[]>; idPrefix: string; autoSlug: string }) {
  const field = (name: keyof Draft) => ({
    id: `${idPrefix}-${name}`,
    value: draft[name],
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${idPrefix}-${name}-error` : undefined,
    className: inputClass,
  });
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_2fr_8rem]">
      <div>
        <label htmlFor={`${idPrefix}-name`} className={labelClass}>
          Tên chuyên mục
        </label>
        <input {...field('name')} type="text" maxLength={80} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <FieldError id={`${idPrefix}-name-error`} messages={errors.name} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-slug`} className={labelClass}>
          Đường dẫn
        </label>
        <input {...field('slug')} type="text" maxLength={120} placeholder={autoSlug} spellCheck={false} onChange={(e) => setDraft({ ...draft, slug: e.target.value.toLowerCase() })} />
        <FieldError id={`${idPrefix}-slug-error`} messages={errors.slug} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-description`} className={labelClass}>
          Mô tả
        </label>
        <input {...field('description')} type="text" maxLength={300} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        <FieldError id={`${idPrefix}-description-error`} messages={errors.description} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-position`} className={labelClass}>
          Vị trí
        </label>
        <input {...field('position')} type="number" min={0} max={1000} inputMode="numeric" placeholder="Giữ nguyên" onChange={(e) => setDraft({ ...draft, position: e.target.value })} />
        <FieldError id={`${idPrefix}-position-error`} messages={errors.position} />
      </div>
    </div>
  );
}

function useSectionErrors() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState('');
  const show = (error: unknown) => {
    setMessage(errorMessage(error));
    if (error instanceof ApiError) {
      const fieldErrors = { ...error.fieldErrors };
      if (error.status === 409) fieldErrors.slug = [error.message];
      setErrors(fieldErrors);
    } else setErrors({});
  };
  const clear = () => {
    setErrors({});
    setMessage('');
  };
  return { errors, message, show, clear };
}

function CreateSectionForm({ onCreated }: { onCreated: (section: Section) => void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const problems = useSectionErrors();
  const create = useMutation({
    mutationFn: (input: SectionInput) => api<Section>('/api/sections', { method: 'POST', json: input }),
    onSuccess: (section) => {
      setDraft(emptyDraft);
      problems.clear();
      onCreated(section);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sections });
    },
    onError: problems.show,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        problems.clear();
        create.mutate(inputFrom(draft));
      }}
      noValidate
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-gray-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="mb-3 text-lg font-bold">
        Thêm chuyên mục
      </h2>
      <SectionFields draft={draft} setDraft={setDraft} errors={problems.errors} idPrefix={`${id}-new`} autoSlug={slugify(draft.name) || 'tu-dong-theo-ten'} />
      {problems.message ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {problems.message}
        </p>
      ) : null}
      <button type="submit" disabled={create.isPending} className={`${buttonClass('primary')} mt-3`}>
        {create.isPending ? 'Đang tạo…' : 'Tạo chuyên mục'}
      </button>
    </form>
  );
}

function EditSectionForm({ section, editing, onSubmit, onCancel }: { section: Section; editing: Editing; onSubmit: (draft: Draft) => void; onCancel: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(editing.draft);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
      noValidate
      aria-label={`Sửa chuyên mục ${section.name}`}
    >
      <SectionFields draft={draft} setDraft={setDraft} errors={editing.errors} idPrefix={id} autoSlug={section.slug} />
      <p className="mt-2 text-xs text-muted">Đổi đường dẫn sẽ đổi địa chỉ trang chuyên mục và các bài trong chuyên mục. Vị trí: số nhỏ đứng trước trên menu.</p>
      {editing.message ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {editing.message}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          Lưu
        </button>
        <button type="button" onClick={onCancel} className={buttonClass('secondary', 'sm')}>
          Hủy
        </button>
      </div>
    </form>
  );
}
