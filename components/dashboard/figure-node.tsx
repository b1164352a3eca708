'use client';

import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, useEditorState, type ReactNodeViewProps } from '@tiptap/react';
import { useId } from 'react';

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
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
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
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={captionId} className="mb-0.5 block text-xs font-semibold text-muted">
            Chú thích ảnh
          </label>
          <input
            id={captionId}
            type="text"
            value={attrs.caption ?? ''}
            maxLength={500}
            disabled={!editable}
            onChange={(e) => updateAttributes({ caption: e.target.value })}
            placeholder="Chú thích hiển thị dưới ảnh"
            className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm italic"
          />
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
