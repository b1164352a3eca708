'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEditor } from '@tiptap/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { can, statusLabels, type WorkflowAction } from '@/lib/articles/policy';
import { allowedWorkflow, fieldLabels, groupFieldErrors, type DashboardAction } from '@/lib/dashboard/article-actions';
import { api, ApiError, errorMessage } from '@/lib/dashboard/api-client';
import { emptyBody, plainTextOf, toEditorContent, toServerBody } from '@/lib/dashboard/body';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { EditableArticle, MediaSummary, RevisionSummary, Section, Tag } from '@/lib/dashboard/types';
import { formatVietnamSavedAt, toVietnamLocalInput, vietnamLocalInputToIso } from '@/lib/dashboard/vietnam-time';
import { slugify } from '@/lib/text/slug';
import { formatVietnamDateTime } from '@/lib/time/format';
import { MediaPickerDialog } from './media-picker-dialog';
import { MissingAltBadge } from './media-library';
import { RevisionPanel, type ComparableContent } from './revision-panel';
import { articleEditorAttributes, articleExtensions, RichTextEditor } from './rich-text-editor';
import { TagInput } from './tag-input';
import { buttonClass, FieldError, inputClass, labelClass, Loading, Notice, StatusBadge } from './ui';
import { useDashboardUser } from './user-context';
import { DiffLegend, WordDiff } from './word-diff';
import { CharacterCount } from './character-count';

const AUTOSAVE_DELAY_MS = 3000;

/** Ids of the fields, so error messages can point at them. */
const fieldIds: Record<string, string> = {
  title: 'article-title',
  slug: 'article-slug',
  lead: 'article-lead',
  sectionId: 'article-section',
  byline: 'article-byline',
  body: 'article-body',
  media: 'article-body',
  tags: 'article-tags',
  coverMediaId: 'article-cover',
  seoTitle: 'article-seo-title',
  seoDescription: 'article-seo-description',
  publishAt: 'article-publish-at',
};

type FormState = {
  title: string;
  slug: string;
  /** False while the slug follows the title; typing in the slug field takes it over. */
  slugEdited: boolean;
  lead: string;
  sectionId: string;
  tags: string[];
  coverMediaId: number | null;
  byline: string;
  seoTitle: string;
  seoDescription: string;
};

type Problem = { message: string; fieldErrors: Record<string, string[]>; offline?: boolean };
type Conflict = { message: string; current: EditableArticle };

function formFrom(a: EditableArticle): FormState {
  return {
    title: a.title,
    slug: a.slug,
    // A draft whose address is still its title's keeps following the title; once an address may be public, it stays put.
    slugEdited: a.status !== 'draft' || a.publishedAt !== null || a.slug !== slugify(a.title),
    lead: a.lead,
    sectionId: String(a.sectionId),
    tags: a.tags,
    coverMediaId: a.coverMediaId,
    byline: a.byline,
    seoTitle: a.seoTitle ?? '',
    seoDescription: a.seoDescription ?? '',
  };
}

const emptyForm: FormState = { title: '', slug: '', slugEdited: false, lead: '', sectionId: '', tags: [], coverMediaId: null, byline: '', seoTitle: '', seoDescription: '' };

/** Loads the article (or starts a new one) and hands it to the form once, so background refreshes never overwrite typing. */
export function ArticleEditor({ articleId }: { articleId: number | null }) {
  const detail = useQuery({
    queryKey: queryKeys.articles.detail(articleId ?? 0),
    queryFn: () => api<EditableArticle>(`/api/articles/${articleId}`),
    enabled: articleId !== null,
    staleTime: 0,
  });
  const sections = useQuery({ queryKey: queryKeys.sections, queryFn: () => api<Section[]>('/api/sections'), staleTime: 5 * 60_000 });
  const tags = useQuery({ queryKey: queryKeys.tags, queryFn: () => api<Tag[]>('/api/tags'), staleTime: 5 * 60_000 });

  if (articleId !== null && detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div className="rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-xl font-bold">{notFound ? 'Không tìm thấy bài viết' : 'Không mở được bài viết'}</h1>
        <p role="alert" className="mt-2 text-sm text-muted">
          {notFound ? 'Bài viết không tồn tại, đã bị xóa, hoặc bạn không có quyền xem.' : errorMessage(detail.error)}
        </p>
        <Link href="/quan-tri" className={`${buttonClass('secondary')} mt-4`}>
          Về danh sách bài viết
        </Link>
      </div>
    );
  }
  if (sections.isError) return <Notice tone="error">Không tải được danh sách chuyên mục: {errorMessage(sections.error)}</Notice>;
  // Wait for a fresh copy even when one is cached: editing must start from the latest version.
  if ((articleId !== null && (!detail.data || !detail.isFetchedAfterMount)) || !sections.data) return <Loading label="Đang mở bài viết…" />;

  return <EditorForm key={articleId ?? 'moi'} initial={articleId !== null ? (detail.data ?? null) : null} sections={sections.data} tagSuggestions={tags.data?.map((t) => t.name) ?? []} />;
}

function EditorForm({ initial, sections, tagSuggestions }: { initial: EditableArticle | null; sections: Section[]; tagSuggestions: string[] }) {
  const user = useDashboardUser();
  const queryClient = useQueryClient();
  const router = useRouter();
  const labelId = useId();

  const [base, setBase] = useState<EditableArticle | null>(initial);
  const [form, setForm] = useState<FormState>(() => (initial ? formFrom(initial) : emptyForm));
  const [media, setMedia] = useState<Record<number, MediaSummary>>(initial?.media ?? {});
  const [dirty, setDirty] = useState(false);
  const [changeTick, setChangeTick] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(initial?.updatedAt ?? null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyAction, setBusyAction] = useState<DashboardAction | 'restore' | null>(null);
  const [publishAt, setPublishAt] = useState('');
  const [picker, setPicker] = useState<'body' | 'cover' | null>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const actionBar = useRef<HTMLDivElement>(null);

  // The editor's toolbar sticks just below the action bar, whose height changes as its buttons wrap.
  useEffect(() => {
    const bar = actionBar.current;
    const form = formElement.current;
    if (!bar || !form) return;
    const observer = new ResizeObserver(() => form.style.setProperty('--editor-bar-height', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  const access = base ? { authorId: base.authorId, status: base.status } : null;
  const canEdit = access ? can(user, 'edit', access) : true;

  // The latest values for timers and async callbacks, which outlive the render that made them.
  const baseRef = useRef(base);
  const formRef = useRef(form);
  const dirtyRef = useRef(dirty);
  const canEditRef = useRef(canEdit);
  const changeSeq = useRef(0);
  const savingRef = useRef(false);
  formRef.current = form;
  dirtyRef.current = dirty;
  canEditRef.current = canEdit;

  const markChanged = useCallback(() => {
    if (!canEditRef.current) return;
    changeSeq.current += 1;
    setDirty(true);
    setChangeTick((t) => t + 1);
    setNotice(null);
  }, []);

  // Created once: the editor reads these only when it is made.
  const [editorSetup] = useState(() => ({
    extensions: articleExtensions(),
    content: toEditorContent(initial?.body ?? emptyBody, initial?.media ?? {}),
    editorProps: { attributes: articleEditorAttributes(labelId, 'article-body-error') },
  }));
  const editor = useEditor({
    ...editorSetup,
    editable: canEdit,
    immediatelyRender: false,
    onUpdate: () => markChanged(),
  });

  useEffect(() => {
    if (!editor || editor.options.editable === canEdit) return;
    editor.setEditable(canEdit, false);
    // A transaction that changes nothing, so the toolbar and image captions notice the switch.
    editor.view.dispatch(editor.state.tr.setMeta('editableChanged', canEdit));
  }, [editor, canEdit]);

  function setField<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'title' && !f.slugEdited) next.slug = slugify(String(value));
      return next;
    });
    markChanged();
  }

  const payloadFrom = useCallback(
    (f: FormState) => ({
      title: f.title,
      // An empty slug lets the server pick a free one from the title (drafts only).
      slug: f.slugEdited ? f.slug.trim() : '',
      lead: f.lead,
      body: editor ? toServerBody(editor.getJSON()) : emptyBody,
      sectionId: f.sectionId ? Number(f.sectionId) : null,
      tags: f.tags,
      coverMediaId: f.coverMediaId,
      byline: f.byline,
      seoTitle: f.seoTitle.trim() || null,
      seoDescription: f.seoDescription.trim() || null,
    }),
    [editor],
  );

  const refreshLists = useCallback(
    (id: number) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.articles.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.articles.revisions(id) });
    },
    [queryClient],
  );

  /** A version from the server becomes the base of the next save; what the user typed since stays. */
  function adopt(saved: EditableArticle, seq: number) {
    baseRef.current = saved;
    setBase(saved);
    setMedia((m) => ({ ...m, ...saved.media }));
    setSavedAt(saved.updatedAt);
    setProblem(null);
    setConflict(null);
    if (changeSeq.current === seq) setDirty(false);
    queryClient.setQueryData(queryKeys.articles.detail(saved.id), saved);
    refreshLists(saved.id);
  }

  /** Replaces everything in the form with a version from the server. */
  function load(article: EditableArticle) {
    changeSeq.current += 1;
    baseRef.current = article;
    setBase(article);
    setForm(formFrom(article));
    const allMedia = { ...media, ...article.media };
    setMedia(allMedia);
    editor?.commands.setContent(toEditorContent(article.body, allMedia), { emitUpdate: false });
    setDirty(false);
    setSavedAt(article.updatedAt);
    setConflict(null);
    setProblem(null);
    queryClient.setQueryData(queryKeys.articles.detail(article.id), article);
    refreshLists(article.id);
  }

  function showError(error: unknown) {
    if (error instanceof ApiError) {
      if (error.status === 409 && error.current) {
        setConflict({ message: error.message, current: error.current as EditableArticle });
        return;
      }
      const fieldErrors = groupFieldErrors(error.fieldErrors);
      // A taken address is the only other conflict a save can meet.
      if (error.status === 409 && /đường dẫn/i.test(error.message)) fieldErrors.slug = [error.message];
      setProblem({ message: error.message, fieldErrors });
      return;
    }
    // No answer at all (offline, server unreachable): nothing for the writer to fix; saved once the network is back.
    setProblem({ message: errorMessage(error), fieldErrors: {}, offline: error instanceof TypeError });
  }

  async function save(options: { baseVersion?: number; explicit?: boolean } = {}): Promise<EditableArticle | null> {
    if (savingRef.current || !editor) return null;
    savingRef.current = true;
    setSaving(true);
    const seq = changeSeq.current;
    const sent = formRef.current;
    const payload = payloadFrom(sent);
    const current = baseRef.current;
    try {
      const saved = current
        ? await api<EditableArticle>(`/api/articles/${current.id}`, { method: 'PATCH', json: { ...payload, version: options.baseVersion ?? current.version } })
        : await api<EditableArticle>('/api/articles', { method: 'POST', json: payload });
      adopt(saved, seq);
      // The address the server settled on (e.g. "…-2" when the title's was taken), unless the user has typed since.
      setForm((f) => (f.slug === sent.slug && f.title === sent.title ? { ...f, slug: saved.slug } : f));
      // The new draft takes its own address when the writer saves it, not on an autosave: that may
      // come while they are still typing, and changing the address renders the page anew from what
      // was sent. Until then later saves go to the draft already made.
      if (options.explicit && /\/bai-viet\/moi$/.test(window.location.pathname)) router.replace(`/quan-tri/bai-viet/${saved.id}`);
      return saved;
    } catch (error) {
      showError(error);
      return null;
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }

  // Autosave: three seconds after the last change, and again after a save if typing went on meanwhile.
  // A new article is saved as a draft as soon as it has a title the server takes and a section,
  // so a story written on a phone is not lost to a closed tab or the Back button.
  const creatable = form.title.trim().length >= 5 && form.title.trim().length <= 250 && Boolean(form.sectionId);
  useEffect(() => {
    if ((!base && !creatable) || !dirty || conflict || !canEdit) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // save() reads refs, so the render it comes from does not matter.
  }, [changeTick, base, creatable, dirty, conflict, canEdit]);

  // Back online after a failed save: save at once, without waiting for the next keystroke.
  useEffect(() => {
    if (!problem?.offline) return;
    const retry = () => void save();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [problem]);

  // Leaving with unsaved changes asks first: closing the tab, and links inside the dashboard.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      // A link inside the text being written is being edited, not followed.
      if ((event.target as Element | null)?.closest?.('[contenteditable="true"]')) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#') || link.getAttribute('target') === '_blank') return;
      if (!window.confirm('Bài viết có thay đổi chưa lưu. Rời trang và bỏ các thay đổi này?')) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  async function runWorkflow(action: DashboardAction, done: string, extra: Record<string, string> = {}) {
    const start = baseRef.current;
    if (!start) return;
    setNotice(null);
    setProblem(null);
    let target = start;
    if (dirtyRef.current && canEditRef.current) {
      const saved = await save();
      if (!saved) return;
      target = saved;
    }
    setBusyAction(action);
    const seq = changeSeq.current;
    try {
      const updated = await api<EditableArticle>(`/api/articles/${target.id}/workflow`, { method: 'POST', json: { action, version: target.version, ...extra } });
      adopt(updated, seq);
      if (action === 'schedule') setPublishAt('');
      setNotice(done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && /người khác/i.test(error.message)) {
        // Someone changed the article since it was opened: show their version before anything else happens.
        try {
          const latest = await api<EditableArticle>(`/api/articles/${target.id}`);
          if (!dirtyRef.current) load(latest);
          else setConflict({ message: error.message, current: latest });
        } catch {
          /* the message below still explains */
        }
        setProblem({ message: `${error.message} Bản mới nhất đã được tải; hãy kiểm tra rồi thực hiện lại.`, fieldErrors: {} });
      } else showError(error);
    } finally {
      setBusyAction(null);
    }
  }

  function onWorkflowClick(action: Exclude<DashboardAction, 'schedule'>, done: string) {
    if (action === 'discardPending' && !window.confirm('Bỏ bản sửa đang chờ? Các thay đổi chưa đăng sẽ không còn trên bài (vẫn xem được trong lịch sử phiên bản).')) return;
    if (action === 'unpublish' && !window.confirm('Gỡ bài này khỏi trang? Bạn đọc sẽ không xem được bài nữa.')) return;
    void runWorkflow(action, done);
  }

  function onSchedule() {
    const iso = vietnamLocalInputToIso(publishAt);
    if (!iso) {
      setProblem({ message: 'Chưa hẹn giờ được.', fieldErrors: { publishAt: ['Hãy chọn ngày và giờ đăng.'] } });
      return;
    }
    void runWorkflow('schedule', `Đã hẹn giờ đăng lúc ${formatVietnamDateTime(iso)}.`, { publishAt: iso });
  }

  async function restore(revision: RevisionSummary) {
    const b = baseRef.current;
    if (!b) return;
    const question = dirtyRef.current
      ? `Nội dung đang soạn có thay đổi chưa lưu. Khôi phục phiên bản ${revision.version} sẽ thay thế chúng. Tiếp tục?`
      : `Khôi phục phiên bản ${revision.version}? Nội dung hiện tại vẫn được giữ trong lịch sử.`;
    if (!window.confirm(question)) return;
    setBusyAction('restore');
    setNotice(null);
    try {
      const restored = await api<EditableArticle>(`/api/articles/${b.id}/revisions/${revision.id}/restore`, { method: 'POST', json: { version: b.version } });
      load(restored);
      setNotice(`Đã khôi phục phiên bản ${revision.version} (lưu thành phiên bản ${restored.version}).`);
    } catch (error) {
      showError(error);
    } finally {
      setBusyAction(null);
    }
  }

  async function keepMine() {
    if (!conflict) return;
    const saved = await save({ baseVersion: conflict.current.version });
    if (saved) setNotice('Đã lưu bản của bạn thành phiên bản mới nhất.');
  }

  function useLatest() {
    if (!conflict) return;
    load(conflict.current);
    setNotice('Đã tải bản mới nhất; các thay đổi chưa lưu của bạn đã được bỏ.');
  }

  const currentContent = (): ComparableContent => ({
    title: form.title.trim(),
    lead: form.lead.trim(),
    text: editor ? plainTextOf(toServerBody(editor.getJSON())) : '',
    tags: form.tags,
  });

  function onPicked(picked: MediaSummary) {
    setMedia((m) => ({ ...m, [picked.id]: picked }));
    if (picker === 'cover') setField('coverMediaId', picked.id);
    else {
      editor?.chain().focus().insertFigure({ mediaId: picked.id, caption: picked.caption ?? '', src: picked.url, alt: picked.alt }).run();
      // Closing the dialog hands focus back to the "Chèn ảnh" button; writing goes on in the text instead.
      setTimeout(() => editor?.commands.focus(), 0);
    }
  }

  const errors = problem?.fieldErrors ?? {};
  const errorProps = (field: string, countId?: string) => {
    const messages = errors[field];
    const describedBy = [countId, messages?.length ? `${fieldIds[field]}-error` : null].filter(Boolean).join(' ');
    return { ...(messages?.length ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
  };
  const workflow = access ? allowedWorkflow(user, access, Boolean(base?.pendingEdit)) : [];
  const canSchedule = access ? can(user, 'schedule', access) : false;
  const cover = form.coverMediaId ? media[form.coverMediaId] : undefined;
  const busy = saving || busyAction !== null;

  const saveStatus = saving
    ? 'Đang lưu…'
    : conflict
      ? 'Chưa lưu: có người vừa lưu bản khác'
      : dirty || !base
        ? problem
          ? problem.offline
            ? 'Chưa lưu: đang chờ kết nối mạng'
            : 'Chưa lưu: cần sửa lỗi'
          : 'Chưa lưu'
        : savedAt
          ? `Đã lưu lúc ${formatVietnamSavedAt(savedAt)}`
          : 'Chưa lưu';

  return (
    <>
      <div className="mb-4">
        <Link href="/quan-tri" className="text-sm font-semibold text-brand hover:underline">
          ← Danh sách bài viết
        </Link>
        <h1 className="mt-1 text-2xl font-bold">{base ? (canEdit ? 'Sửa bài viết' : 'Xem bài viết') : 'Viết bài mới'}</h1>
      </div>

      {problem ? (
        <div role="alert" className="mb-4 rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{problem.message}</p>
          {Object.keys(errors).length ? (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(errors).map(([field, messages]) => (
                <li key={field}>
                  {fieldIds[field] ? (
                    <a href={`#${fieldIds[field]}`} className="font-semibold underline">
                      {fieldLabels[field] ?? field}
                    </a>
                  ) : (
                    <span className="font-semibold">{fieldLabels[field] ?? field}</span>
                  )}
                  : {messages.join(' ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {conflict ? <ConflictPanel conflict={conflict} mine={currentContent()} mineForm={form} busy={busy} onKeepMine={keepMine} onUseLatest={useLatest} /> : null}

      {notice ? (
        <Notice tone="success" className="mb-4">
          {notice}
        </Notice>
      ) : null}

      <form
        ref={formElement}
        onSubmit={(e) => {
          e.preventDefault();
          if (canEdit) void save({ explicit: true });
        }}
        noValidate
        aria-label={base ? 'Sửa bài viết' : 'Viết bài mới'}
      >
        {/* Status and actions stay in reach above the long fields. */}
        <div ref={actionBar} className="sticky top-0 z-20 -mx-4 mb-5 flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-gray-200 bg-gray-50/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
          {base ? <StatusBadge status={base.status} /> : <span className="text-sm font-semibold">Bài mới</span>}
          <p role="status" aria-live="polite" className="text-sm text-muted">
            {saveStatus}
          </p>
          <div className="ml-auto flex flex-wrap gap-2">
            {canEdit ? (
              <button type="submit" disabled={busy} className={buttonClass(base ? 'secondary' : 'primary')}>
                {base ? 'Lưu' : saving ? 'Đang lưu…' : 'Lưu nháp'}
              </button>
            ) : null}
            {base && access && can(user, 'preview', access) ? (
              <Link href={`/quan-tri/bai-viet/${base.id}/xem-truoc`} className={buttonClass('ghost')} title="Xem bản đã lưu gần nhất như bạn đọc sẽ thấy, ở cỡ điện thoại và máy tính">
                Xem trước
              </Link>
            ) : null}
            {workflow.map((b) => (
              <button
                key={b.action}
                type="button"
                disabled={busy}
                onClick={() => onWorkflowClick(b.action, b.done)}
                className={buttonClass(b.action === 'publish' || b.action === 'submit' ? 'primary' : 'secondary')}
              >
                {busyAction === b.action ? 'Đang xử lý…' : b.label}
              </button>
            ))}
          </div>
        </div>

        {base && base.status === 'published' && canEdit ? (
          <Notice tone={base.pendingEdit ? 'warning' : 'info'} className="mb-4">
            {base.pendingEdit
              ? 'Có bản sửa đang chờ đăng: bạn đọc vẫn thấy bản đang xuất bản cho tới khi bấm “Đăng bản sửa”. Dùng “Xem trước” để xem bản sửa.'
              : 'Bài đang xuất bản: mọi thay đổi được lưu thành bản sửa chờ đăng; bạn đọc vẫn thấy bản hiện tại cho tới khi bấm “Đăng bản sửa”.'}
          </Notice>
        ) : null}

        {base && !canEdit ? (
          <Notice tone="info" className="mb-4">
            Bài đang ở trạng thái “{statusLabels[base.status]}”: chỉ biên tập viên được sửa. Bạn vẫn xem được nội dung và lịch sử phiên bản.
          </Notice>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-5">
            <div>
              <label htmlFor="article-title" className={labelClass}>
                Tiêu đề
              </label>
              <input
                id="article-title"
                type="text"
                value={form.title}
                // Read-only rather than disabled: a long title can still be scrolled and selected on a phone.
                readOnly={!canEdit}
                onChange={(e) => setField('title', e.target.value)}
                className={`${inputClass} text-lg font-semibold sm:text-lg ${canEdit ? '' : 'bg-gray-100! text-muted'}`}
                {...errorProps('title', 'article-title-count')}
              />
              <CharacterCount id="article-title-count" value={form.title} max={250} />
              <FieldError id="article-title-error" messages={errors.title} />
            </div>

            <div>
              <label htmlFor="article-slug" className={labelClass}>
                Đường dẫn
              </label>
              <div className="flex min-w-0 items-center rounded border border-gray-300 bg-white has-disabled:bg-gray-100 has-disabled:text-muted focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-blue-700">
                <span className="hidden shrink-0 pl-3 text-sm text-muted sm:inline" aria-hidden="true">
                  /{base?.section.slug ?? sections.find((s) => String(s.id) === form.sectionId)?.slug ?? 'chuyen-muc'}/
                </span>
                <input
                  id="article-slug"
                  type="text"
                  value={form.slug}
                  maxLength={120}
                  disabled={!canEdit}
                  spellCheck={false}
                  autoCapitalize="off"
                  onChange={(e) => {
                    const value = e.target.value.toLowerCase().replace(/\s+/g, '-');
                    setForm((f) => ({ ...f, slug: value, slugEdited: value !== '' }));
                    markChanged();
                  }}
                  aria-describedby={['article-slug-hint', errors.slug ? 'article-slug-error' : null].filter(Boolean).join(' ')}
                  aria-invalid={errors.slug ? true : undefined}
                  className="w-full min-w-0 rounded bg-transparent px-3 py-2 text-base focus:outline-none sm:pl-0.5 sm:text-sm"
                />
              </div>
              <p id="article-slug-hint" className="mt-1 text-xs text-muted">
                {!canEdit
                  ? 'Địa chỉ của bài trên trang.'
                  : form.slugEdited
                    ? 'Chữ thường không dấu, số và dấu gạch ngang. Xóa trống để tạo lại từ tiêu đề.'
                    : 'Tự tạo từ tiêu đề; sửa nếu muốn đường dẫn khác.'}
              </p>
              <FieldError id="article-slug-error" messages={errors.slug} />
            </div>

            <div>
              <label htmlFor="article-lead" className={labelClass}>
                Sapo
              </label>
              <textarea
                id="article-lead"
                rows={3}
                value={form.lead}
                disabled={!canEdit}
                onChange={(e) => setField('lead', e.target.value)}
                className={inputClass}
                {...errorProps('lead', 'article-lead-count')}
              />
              <CharacterCount id="article-lead-count" value={form.lead} max={1000} />
              <FieldError id="article-lead-error" messages={errors.lead} />
            </div>

            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="article-section" className={labelClass}>
                  Chuyên mục
                </label>
                <select
                  id="article-section"
                  value={form.sectionId}
                  disabled={!canEdit}
                  onChange={(e) => setField('sectionId', e.target.value)}
                  className={inputClass}
                  {...errorProps('sectionId')}
                >
                  <option value="">— Chọn chuyên mục —</option>
                  {sections.map((s) => (
                    <option key={s.id} value={String(s.id)}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <FieldError id="article-section-error" messages={errors.sectionId} />
              </div>
              <div>
                <label htmlFor="article-byline" className={labelClass}>
                  Bút danh
                </label>
                <input
                  id="article-byline"
                  type="text"
                  value={form.byline}
                  disabled={!canEdit}
                  placeholder={base?.authorName ?? user.displayName}
                  onChange={(e) => setField('byline', e.target.value)}
                  className={inputClass}
                  {...errorProps('byline', 'article-byline-count')}
                />
                <CharacterCount id="article-byline-count" value={form.byline} max={120} />
                <FieldError id="article-byline-error" messages={errors.byline} />
              </div>
            </div>

            <div>
              <label id={labelId} className={`${labelClass} cursor-text`} onClick={() => editor?.commands.focus()}>
                Nội dung
              </label>
              <RichTextEditor editor={editor} editable={canEdit} invalid={Boolean(errors.body || errors.media)} onInsertImage={() => setPicker('body')} />
              <div id="article-body-error">
                <FieldError id="article-body-error-body" messages={errors.body} />
                <FieldError id="article-body-error-media" messages={errors.media} />
              </div>
            </div>
          </div>

          <div className="space-y-5">
            <div role="group" aria-labelledby="article-cover-label" className="rounded-lg border border-gray-200 bg-white p-4">
              <label id="article-cover-label" htmlFor="article-cover" className={labelClass}>
                Ảnh đại diện
              </label>
              {cover ? (
                <figure className="mb-3">
                  <div className="relative">
                    <img src={cover.url} alt={cover.alt} className="aspect-[3/2] w-full rounded object-cover" />
                    {!cover.alt.trim() ? <MissingAltBadge className="absolute left-2 top-2" /> : null}
                  </div>
                  {cover.alt ? <figcaption className="mt-1 text-xs text-muted">Mô tả: {cover.alt}</figcaption> : null}
                </figure>
              ) : form.coverMediaId ? (
                <p className="mb-3 text-sm text-muted">Ảnh #{form.coverMediaId}</p>
              ) : (
                <p className="mb-3 text-sm text-muted">Chưa có ảnh đại diện.</p>
              )}
              {canEdit ? (
                <div className="flex flex-wrap gap-2">
                  <button id="article-cover" type="button" onClick={() => setPicker('cover')} className={buttonClass('secondary', 'sm')} aria-label={form.coverMediaId ? 'Đổi ảnh đại diện' : 'Chọn ảnh đại diện'}>
                    {form.coverMediaId ? 'Đổi ảnh' : 'Chọn ảnh'}
                  </button>
                  {form.coverMediaId ? (
                    <button type="button" onClick={() => setField('coverMediaId', null)} className={buttonClass('ghost', 'sm')}>
                      Bỏ ảnh đại diện
                    </button>
                  ) : null}
                </div>
              ) : null}
              <FieldError id="article-cover-error" messages={errors.coverMediaId} />
            </div>

            <div className="rounded-lg border border-gray-200 bg-white p-4">
              <TagInput
                id="article-tags"
                value={form.tags}
                onChange={(tags) => setField('tags', tags)}
                suggestions={tagSuggestions}
                disabled={!canEdit}
                invalid={Boolean(errors.tags)}
                errorId="article-tags-error"
              />
              <FieldError id="article-tags-error" messages={errors.tags} />
            </div>

            {canSchedule && base ? (
              <div className="rounded-lg border border-gray-200 bg-white p-4">
                <label htmlFor="article-publish-at" className={labelClass}>
                  Hẹn giờ đăng (giờ Việt Nam)
                </label>
                {base.status === 'scheduled' && base.publishedAt ? (
                  <p className="mb-2 text-sm">
                    Đang hẹn đăng lúc <strong>{formatVietnamDateTime(base.publishedAt)}</strong>.
                  </p>
                ) : null}
                <input
                  id="article-publish-at"
                  type="datetime-local"
                  value={publishAt}
                  min={toVietnamLocalInput(new Date().toISOString())}
                  onChange={(e) => setPublishAt(e.target.value)}
                  className={inputClass}
                  {...errorProps('publishAt')}
                />
                <FieldError id="article-publish-at-error" messages={errors.publishAt} />
                <button type="button" disabled={busy} onClick={onSchedule} className={`${buttonClass('secondary')} mt-2 w-full`}>
                  {busyAction === 'schedule' ? 'Đang hẹn giờ…' : 'Hẹn giờ'}
                </button>
              </div>
            ) : null}

            {base?.status === 'published' && base.publishedAt ? (
              <p className="text-sm">
                Xuất bản lúc {formatVietnamDateTime(base.publishedAt)} ·{' '}
                <a href={`/${base.section.slug}/${base.slug}`} target="_blank" rel="noopener" className="font-semibold text-brand underline">
                  Xem trên trang
                </a>
              </p>
            ) : null}

            <fieldset className="space-y-4 rounded-lg border border-gray-200 bg-white p-4">
              <legend className="px-1 text-sm font-bold">Tối ưu tìm kiếm (SEO)</legend>
              <div>
                <label htmlFor="article-seo-title" className={labelClass}>
                  Tiêu đề SEO
                </label>
                <input
                  id="article-seo-title"
                  type="text"
                  value={form.seoTitle}
                  disabled={!canEdit}
                  placeholder="Mặc định: tiêu đề bài"
                  onChange={(e) => setField('seoTitle', e.target.value)}
                  className={inputClass}
                  {...errorProps('seoTitle', 'article-seo-title-count')}
                />
                <CharacterCount id="article-seo-title-count" value={form.seoTitle} max={120} />
                <FieldError id="article-seo-title-error" messages={errors.seoTitle} />
              </div>
              <div>
                <label htmlFor="article-seo-description" className={labelClass}>
                  Mô tả SEO
                </label>
                <textarea
                  id="article-seo-description"
                  rows={3}
                  value={form.seoDescription}
                  disabled={!canEdit}
                  placeholder="Mặc định: sapo"
                  onChange={(e) => setField('seoDescription', e.target.value)}
                  className={inputClass}
                  {...errorProps('seoDescription', 'article-seo-description-count')}
                />
                <CharacterCount id="article-seo-description-count" value={form.seoDescription} max={300} />
                <FieldError id="article-seo-description-error" messages={errors.seoDescription} />
              </div>
            </fieldset>

            {base ? (
              <p className="text-xs text-muted">
                {/* The version number counts workflow steps too, so it is not named here: the history lists saved texts. */}
                Tạo lúc {formatVietnamDateTime(base.createdAt)}
                {base.authorName ? ` bởi ${base.authorName}` : ''} · Thay đổi gần nhất {formatVietnamDateTime(base.pendingEdit?.updatedAt ?? base.updatedAt)}
              </p>
            ) : null}
          </div>
        </div>
      </form>

      {base ? (
        <div className="mt-8">
          <RevisionPanel
            articleId={base.id}
            canRestore={canEdit}
            getCurrent={currentContent}
            onRestore={(r) => void restore(r)}
            restoring={busyAction === 'restore'}
          />
        </div>
      ) : null}

      <MediaPickerDialog
        open={picker !== null}
        title={picker === 'cover' ? 'Chọn ảnh đại diện' : 'Chèn ảnh vào bài'}
        onClose={() => setPicker(null)}
        onPick={onPicked}
      />
    </>
  );
}

const otherFieldChecks: Array<[string, (a: EditableArticle, f: FormState) => boolean]> = [
  ['Đường dẫn', (a, f) => f.slugEdited && a.slug !== f.slug.trim()],
  ['Chuyên mục', (a, f) => String(a.sectionId) !== f.sectionId],
  ['Từ khóa', (a, f) => a.tags.join('\u0000') !== f.tags.join('\u0000')],
  ['Ảnh đại diện', (a, f) => a.coverMediaId !== f.coverMediaId],
  ['Bút danh', (a, f) => a.byline !== f.byline.trim()],
  ['Tiêu đề SEO', (a, f) => (a.seoTitle ?? '') !== f.seoTitle.trim()],
  ['Mô tả SEO', (a, f) => (a.seoDescription ?? '') !== f.seoDescription.trim()],
];

function ConflictPanel({
  conflict,
  mine,
  mineForm,
  busy,
  onKeepMine,
  onUseLatest,
}: {
  conflict: Conflict;
  mine: ComparableContent;
  mineForm: FormState;
  busy: boolean;
  onKeepMine: () => void;
  onUseLatest: () => void;
}) {
  const latest = conflict.current;
  const rows: Array<[string, string, string]> = [
    ['Tiêu đề', latest.title, mine.title],
    ['Sapo', latest.lead, mine.lead],
    ['Nội dung', plainTextOf(latest.body), mine.text],
  ];
  const others = otherFieldChecks.filter(([, differs]) => differs(latest, mineForm)).map(([label]) => label);
  return (
    <section aria-labelledby="conflict-heading" className="mb-5 rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
      <div role="alert">
        <h2 id="conflict-heading" className="text-lg font-bold text-amber-950">
          Có người khác vừa lưu bài viết này
        </h2>
        <p className="mt-1 text-sm text-amber-950">
          {conflict.message} Bản mới nhất (phiên bản {latest.version}) được lưu lúc {formatVietnamDateTime(latest.updatedAt)}. Nội dung của bạn vẫn còn nguyên trong khung soạn thảo.
        </p>
      </div>
      <div className="mt-3 rounded bg-white p-3">
        <h3 className="mb-1 text-sm font-semibold">Khác biệt giữa bản mới nhất và bản của bạn</h3>
        <DiffLegend removed="chỉ có trong bản mới nhất" added="chỉ có trong bản của bạn" />
        <dl className="mt-3 space-y-3">
          {rows.map(([label, before, after]) => (
            <div key={label}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</dt>
              <dd className="mt-1 max-h-64 overflow-y-auto rounded border border-gray-200 bg-gray-50 p-2">
                <WordDiff before={before} after={after} />
              </dd>
            </div>
          ))}
        </dl>
        {others.length ? <p className="mt-3 text-sm">Các trường khác cũng khác nhau: {others.join(', ')}.</p> : null}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} disabled={busy} className={buttonClass('primary')}>
          Giữ bản của tôi
        </button>
        <button type="button" onClick={onUseLatest} disabled={busy} className={buttonClass('secondary')}>
          Dùng bản mới nhất
        </button>
      </div>
      <p className="mt-2 text-xs text-amber-950">“Giữ bản của tôi” lưu nội dung của bạn thành phiên bản mới nhất; bản kia vẫn còn trong lịch sử phiên bản.</p>
    </section>
  );
}

