'use client';

import type { Editor, Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { EditorContent, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useRef, useState } from 'react';
import { Figure } from './figure-node';
import { buttonClass, inputClass } from './ui';

/** The same rule as the server (lib/articles/body.ts): web addresses, e-mail, or a path on this site. */
const ALLOWED_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

/**
 * Exactly the nodes and marks the server accepts: paragraphs, headings 2–3,
 * lists, quotes, line breaks, bold, italic, links and library images.
 */
export function articleExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: ['http', 'https', 'mailto'],
      defaultProtocol: 'https',
      isAllowedUri: (url) => ALLOWED_HREF.test(url.trim()),
      HTMLAttributes: { target: null, rel: null, class: null },
    }),
    Figure,
  ];
}

/** "baophutho.vn" → "https://baophutho.vn"; null when it cannot become an allowed link. */
export function normalizeHref(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (ALLOWED_HREF.test(value)) return value;
  if (/^[^\s@/]+@[^\s@/]+\.[a-z]{2,}$/i.test(value)) return `mailto:${value}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(value)) return `https://${value}`;
  return null;
}

type ToolbarState = {
  bold: boolean;
  italic: boolean;
  h2: boolean;
  h3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
};

/**
 * Attributes of the editable area itself: it is named by the visible "Nội dung"
 * label and described by the body's error message when there is one.
 */
export function articleEditorAttributes(labelId: string, errorId: string): Record<string, string> {
  return {
    id: 'article-body',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-describedby': errorId,
    class: articleBodyClass,
  };
}

/** Reading styles inside the editor, close to the published article. */
const articleBodyClass = [
  'min-h-80 px-4 py-3 text-base leading-relaxed focus:outline-none sm:text-[1.0625rem]',
  '[&_p]:my-3 [&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mt-5 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-bold',
  '[&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li_p]:my-1',
  '[&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-brand/60 [&_blockquote]:pl-4 [&_blockquote]:italic [&_blockquote]:text-gray-700',
  '[&_a]:text-brand [&_a]:underline [&_.ProseMirror-selectednode]:outline-none',
].join(' ');

export function RichTextEditor({ editor, editable: canEdit, invalid, onInsertImage }: { editor: Editor | null; editable: boolean; invalid?: boolean; onInsertImage: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }): ToolbarState => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      orderedList: e?.isActive('orderedList') ?? false,
      blockquote: e?.isActive('blockquote') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const editable = Boolean(editor) && canEdit;

  const tools: Array<{ label: string; text: React.ReactNode; active: boolean; run: (e: Editor) => void }> = [
    { label: 'Đậm', text: <b>B</b>, active: Boolean(state?.bold), run: (e) => e.chain().focus().toggleBold().run() },
    { label: 'Nghiêng', text: <i className="font-serif">I</i>, active: Boolean(state?.italic), run: (e) => e.chain().focus().toggleItalic().run() },
    { label: 'Tiêu đề lớn', text: 'H2', active: Boolean(state?.h2), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: 'Tiêu đề nhỏ', text: 'H3', active: Boolean(state?.h3), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { label: 'Danh sách', text: <ListIcon />, active: Boolean(state?.bulletList), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: 'Danh sách số', text: <OrderedListIcon />, active: Boolean(state?.orderedList), run: (e) => e.chain().focus().toggleOrderedList().run() },
    { label: 'Trích dẫn', text: <QuoteIcon />, active: Boolean(state?.blockquote), run: (e) => e.chain().focus().toggleBlockquote().run() },
  ];
  const toolClass = (active: boolean) =>
    `inline-flex h-9 min-w-8 items-center justify-center rounded px-1.5 text-sm font-semibold disabled:opacity-50 sm:min-w-9 sm:px-2 ${active ? 'bg-brand text-white' : 'text-ink hover:bg-gray-200'}`;

  return (
    <div className={`rounded-lg border bg-white has-[.ProseMirror-focused]:outline-3 has-[.ProseMirror-focused]:outline-offset-2 has-[.ProseMirror-focused]:outline-blue-700 ${invalid ? 'border-red-600' : 'border-gray-300'}`}>
      <div role="toolbar" aria-label="Định dạng nội dung" aria-controls="article-body" className="sticky top-[var(--editor-bar-height,0px)] z-10 flex flex-wrap items-center gap-1 rounded-t-lg border-b border-gray-200 bg-gray-50 p-1.5">
        {tools.map((tool) => (
          <button
            key={tool.label}
            type="button"
            aria-label={tool.label}
            title={tool.label}
            aria-pressed={tool.active}
            disabled={!editable}
            onClick={() => editor && tool.run(editor)}
            className={toolClass(tool.active)}
          >
            {tool.text}
          </button>
        ))}
        <span aria-hidden="true" className="mx-0.5 h-6 w-px bg-gray-300 sm:mx-1" />
        <button
          type="button"
          aria-label="Chèn liên kết"
          title="Chèn liên kết"
          aria-pressed={Boolean(state?.link)}
          aria-expanded={linkOpen}
          disabled={!editable}
          onClick={() => setLinkOpen((open) => !open)}
          className={toolClass(Boolean(state?.link))}
        >
          <LinkIcon />
        </button>
        <button type="button" aria-label="Chèn ảnh" title="Chèn ảnh" disabled={!editable} onClick={onInsertImage} className={toolClass(false)}>
          <ImageIcon />
        </button>
      </div>
      {linkOpen && editor ? <LinkForm editor={editor} onDone={() => setLinkOpen(false)} /> : null}
      {editor ? <EditorContent editor={editor} /> : <div className="min-h-80 px-4 py-3 text-muted">Đang mở trình soạn thảo…</div>}
    </div>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  function apply(event: React.SyntheticEvent) {
    event.preventDefault();
    const normalized = normalizeHref(href);
    if (!normalized) {
      setError('Liên kết phải bắt đầu bằng http://, https://, mailto: hoặc /');
      inputRef.current?.focus();
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href.trim(), marks: [{ type: 'link', attrs: { href: normalized } }] }).run();
    } else {
      chain.setLink({ href: normalized }).run();
    }
    onDone();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onDone();
  }

  return (
    // A nested <form> is not allowed inside the article form, so this is a group handled by key and click.
    <div
      role="group"
      aria-label="Liên kết"
      className="flex flex-wrap items-end gap-2 border-b border-gray-200 bg-white p-2"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === inputRef.current) apply(e);
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
          editor.commands.focus();
        }
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="mb-0.5 block text-xs font-semibold">
          Địa chỉ liên kết
        </label>
        <input
          ref={inputRef}
          id={id}
          type="text"
          inputMode="url"
          autoFocus
          value={href}
          onChange={(e) => {
            setHref(e.target.value);
            setError('');
          }}
          placeholder="https://…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={inputClass}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button type="button" onClick={apply} className={buttonClass('primary', 'sm')}>
        Áp dụng
      </button>
      {current ? (
        <button type="button" onClick={remove} className={buttonClass('secondary', 'sm')}>
          Bỏ liên kết
        </button>
      ) : null}
      <button type="button" onClick={onDone} className={buttonClass('ghost', 'sm')}>
        Hủy
      </button>
    </div>
  );
}

const iconProps = { 'aria-hidden': true, width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function ListIcon() {
  return (
    <svg {...iconProps}>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4" cy="6" r="1" fill="currentColor" />
      <circle cx="4" cy="12" r="1" fill="currentColor" />
      <circle cx="4" cy="18" r="1" fill="currentColor" />
    </svg>
  );
}
function OrderedListIcon() {
  return (
    <svg {...iconProps}>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4v4M3 8h2M3 14h2l-2 3h2" strokeWidth={1.5} />
    </svg>
  );
}
function QuoteIcon() {
  return (
    <svg {...iconProps}>
      <path d="M7 7h4v4c0 3-2 5-4 6M14 7h4v4c0 3-2 5-4 6" />
    </svg>
  );
}
function LinkIcon() {
  return (
    <svg {...iconProps}>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}
function ImageIcon() {
  return (
    <svg {...iconProps}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="M21 16l-5-5-9 9" />
    </svg>
  );
}
