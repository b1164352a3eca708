import type { BlockNode, BodyDocument, InlineNode } from './body';

// Kept apart from body.ts (and its zod schemas) because the dashboard editor
// needs it in the browser, where zod would add weight and probe for eval().

/** Plain text of a document, for feeds, search and word counts. */
export function bodyPlainText(doc: BodyDocument): string {
  const out: string[] = [];
  const inline = (nodes?: InlineNode[]) => (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  const visit = (nodes: BlockNode[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') out.push(inline(node.content));
      else if (node.type === 'blockquote') visit(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') node.content.forEach((item) => visit(item.content));
    }
  };
  visit(doc.content);
  return out.join('\n\n');
}
