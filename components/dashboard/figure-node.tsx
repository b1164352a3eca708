'use client';

import { mergeAttributes, Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { NodeViewWrapper, ReactNodeViewRenderer, useEditorState, type ReactNodeViewProps } from '@tiptap/react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, ApiError, errorMessage } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { MediaSummary } from '@/lib/dashboard/types';
import { CharacterCount } from './character-count';

export type FigureAttrs = { mediaId: number; caption: string; src: string | null; alt: string };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts an image from the library at the selection, as its own block. */
      insertFigure: (attrs: FigureAttrs) => ReturnType;
    };
  }
}

/**
 * An image from the media library inside the article body. Only `mediaId` and
 * `caption` are stored (lib/articles/body.ts); `src` and `alt` are there so
 * the editor can draw the picture, and are dropped before saving.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (element) => Number(element.getAttribute('data-media-id')) || null,
        renderHTML: (attrs) => ({ 'data-media-id': attrs.mediaId }),
      },
      caption: {
        default: '',
        parseHTML: (element) => element.querySelector('figcaption')?.textContent ?? '',
        renderHTML: () => ({}),
      },
      src: {
        default: null,
        parseHTML: (element) => element.querySelector('img')?.getAttribute('src') ?? null,
        renderHTML: () => ({}),
      },
      alt: {
        default: '',
        parseHTML: (element) => element.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes), ['img', { src: node.attrs.src ?? '', alt: node.attrs.alt ?? '' }], ['figcaption', {}, String(node.attrs.caption ?? '')]];
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands, state }) =>
          // A selected image (just inserted, or tapped) stays: the new one goes after it, where
          // insertContent would replace it, caption and all.
          state.selection instanceof NodeSelection
            ? commands.insertContentAt(state.selection.to, { type: this.name, attrs })
            : commands.insertContent({ type: this.name, attrs }),
    };
  },
});

function FigureView({ node, updateAttributes, deleteNode, selected, editor }: ReactNodeViewProps) {
  const attrs = node.attrs as FigureAttrs;
  const captionId = useId();
  // Follows the editor becoming read-only (e.g. after a reporter submits the article).
  const editable = useEditorState({ editor, selector: ({ editor: e }) => e.options.editable });
  return (
    <NodeViewWrapper
      as="figure"
      data-media-id={attrs.mediaId}
      className={`my-5 rounded-lg border bg-gray-50 p-2 ${selected ? 'border-blue-600 ring-2 ring-blue-600' : 'border-gray-200'}`}
    >
      <div data-drag-handle draggable={editable} className={editable ? 'cursor-grab' : undefined}>
        {attrs.src ? (
          <img src={attrs.src} alt={attrs.alt} className="mx-auto max-h-96 w-auto rounded" draggable={false} />
        ) : (
          <p className="p-6 text-center text-sm text-muted">Ảnh #{attrs.mediaId} không còn trong thư viện.</p>
        )}
      </div>
      {attrs.src && !attrs.alt?.trim() ? <MissingAlt mediaId={attrs.mediaId} editable={editable} onSaved={(alt) => updateAttributes({ alt })} /> : null}
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={captionId} className="mb-0.5 block text-xs font-semibold text-muted">
            Chú thích ảnh
          </label>
          <input
            id={captionId}
            type="text"
            value={attrs.caption ?? ''}
            aria-describedby={(attrs.caption ?? '').trim().length > 500 ? `${captionId}-count` : undefined}
            disabled={!editable}
            onChange={(e) => updateAttributes({ caption: e.target.value })}
            onKeyDown={(e) => {
              // Enter ends the caption rather than submitting the article form.
              if (e.key === 'Enter') {
                e.preventDefault();
                editor.commands.focus();
              }
            }}
            placeholder="Chú thích hiển thị dưới ảnh"
            className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm italic"
          />
          <CharacterCount id={`${captionId}-count`} value={attrs.caption ?? ''} max={500} quietUnder />
        </div>
        {editable ? (
          <button type="button" onClick={() => deleteNode()} className="rounded border border-red-300 bg-white px-2.5 py-1 text-sm font-semibold text-red-800 hover:bg-red-50">
            Xóa ảnh<span className="sr-only"> khỏi bài</span>
          </button>
        ) : null}
      </div>
    </NodeViewWrapper>
  );
}

/** An image without a description blocks publishing; it can be described right here. */
function MissingAlt({ mediaId, editable, onSaved }: { mediaId: number; editable: boolean; onSaved: (alt: string) => void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [alt, setAlt] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);

  async function save() {
    if (!alt.trim()) {
      setError('Hãy mô tả ngắn gọn nội dung ảnh.');
      return;
    }
    setPending(true);
    setError('');
    try {
      const media = await api<MediaSummary>(`/api/media/${mediaId}`, { method: 'PATCH', json: { alt: alt.trim() } });
      void queryClient.invalidateQueries({ queryKey: queryKeys.media.all });
      onSaved(media.alt);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors.alt?.join(' ') ?? e.message) : errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2">
      <p className="text-sm text-amber-950">
        <span className="mr-2 inline-block rounded bg-amber-400 px-2 py-0.5 text-xs font-bold">Thiếu mô tả</span>
        Ảnh chưa có mô tả (alt): bài chưa thể xuất bản.
      </p>
      {editable ? (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={id} className="mb-0.5 block text-xs font-semibold">
              Mô tả ảnh (alt)
            </label>
            <input
              id={id}
              type="text"
              maxLength={300}
              value={alt}
              onChange={(e) => setAlt(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void save();
                }
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm"
            />
          </div>
          <button type="button" disabled={pending} onClick={() => void save()} className="rounded border border-gray-300 bg-white px-2.5 py-1 text-sm font-semibold hover:bg-gray-100 disabled:opacity-60">
            {pending ? 'Đang lưu…' : 'Lưu mô tả'}
          </button>
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
