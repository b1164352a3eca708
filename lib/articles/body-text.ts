import type { BlockNode, BodyDocument, InlineNode } from './body';

// Kept apart from body.ts (and its zod schemas) because the dashboard editor
// needs it in the browser, where zod would add weight and probe for eval().

/**
 * Plain text of a document, for feeds, search and word counts. With `figures`, each picture is a
 * line of its own ("[Ảnh #12: caption]"), so comparing two versions shows pictures added or gone.
 */
export function bodyPlainText(doc: BodyDocument, options: { figures?: boolean } = {}): string {
  const out: string[] = [];
  const inline = (nodes?: InlineNode[]) => (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  const visit = (nodes: BlockNode[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') out.push(inline(node.content));
      else if (node.type === 'blockquote') visit(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') node.content.forEach((item) => visit(item.content));
      else if (node.type === 'figure' && options.figures) out.push(`[Ảnh #${node.attrs.mediaId}${node.attrs.caption ? `: ${node.attrs.caption}` : ''}]`);
    }
  };
  visit(doc.content);
  return out.join('\n\n');
}
