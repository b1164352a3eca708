import type { JSONContent } from '@tiptap/core';
import type { BodyDocument } from '@/lib/articles/body';
import { bodyPlainText } from '@/lib/articles/body-text';
import type { MediaSummary } from '@/lib/media/types';

/**
 * The editor's figures carry `src` and `alt` so they can be drawn; the stored
 * document keeps only `mediaId` and `caption` (the server would strip the rest
 * anyway). These two functions convert between the shapes.
 */
export function toEditorContent(body: BodyDocument, media: Record<number, MediaSummary>): JSONContent {
  const visit = (node: JSONContent): JSONContent => {
    if (node.type === 'figure') {
      const mediaId = Number(node.attrs?.mediaId);
      const image = media[mediaId];
      return { type: 'figure', attrs: { mediaId, caption: node.attrs?.caption ?? '', src: image?.url ?? null, alt: image?.alt ?? '' } };
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node;
  };
  return visit(body as unknown as JSONContent);
}

export function toServerBody(json: JSONContent): BodyDocument {
  const visit = (node: JSONContent): JSONContent => {
    if (node.type === 'figure') {
      const caption = typeof node.attrs?.caption === 'string' ? node.attrs.caption.trim() : '';
      return { type: 'figure', attrs: { mediaId: Number(node.attrs?.mediaId), caption: caption || null } };
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node;
  };
  const doc = visit(json);
  return { type: 'doc', content: (doc.content ?? []) as BodyDocument['content'] };
}

/** Plain text of a document, the same way the server computes it for revisions. */
/** The text of a body as versions are compared: pictures included, one line each. */
export function plainTextOf(doc: BodyDocument): string {
  return bodyPlainText(doc, { figures: true });
}

export const emptyBody: BodyDocument = { type: 'doc', content: [] };
