import { z } from 'zod';

/**
 * Article bodies are structured documents (the ProseMirror/TipTap JSON shape),
 * never raw HTML: the renderer decides what markup exists, so nothing a writer
 * types can become a script. Only these nodes and marks are accepted.
 */
const safeHref = z
  .string()
  .trim()
  .max(2000)
  .refine((href) => /^(https?:\/\/|mailto:|\/(?![\/\\])|#)/i.test(href) && !/[\u0000-\u001f\\]/.test(href), 'Liên kết phải bắt đầu bằng http://, https://, mailto: hoặc /');

const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);

const textSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1),
  marks: z.array(markSchema).optional(),
});
const hardBreakSchema = z.object({ type: z.literal('hardBreak') });
const inlineSchema = z.discriminatedUnion('type', [textSchema, hardBreakSchema]);

export type InlineNode = z.infer<typeof inlineSchema>;
export type Mark = z.infer<typeof markSchema>;

export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] };
export type HeadingNode = { type: 'heading'; attrs: { level: 2 | 3 }; content?: InlineNode[] };
export type FigureNode = { type: 'figure'; attrs: { mediaId: number; caption?: string | null } };
export type ListItemNode = { type: 'listItem'; content: BlockNode[] };
export type ListNode = { type: 'bulletList' | 'orderedList'; content: ListItemNode[] };
export type BlockquoteNode = { type: 'blockquote'; content: BlockNode[] };
export type BlockNode = ParagraphNode | HeadingNode | FigureNode | ListNode | BlockquoteNode;
export type BodyDocument = { type: 'doc'; content: BlockNode[] };

const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema).optional() }),
    z.object({
      type: z.literal('heading'),
      attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
      content: z.array(inlineSchema).optional(),
    }),
    z.object({
      type: z.literal('figure'),
      attrs: z.object({ mediaId: z.number().int().positive(), caption: z.string().max(500, 'Chú thích ảnh tối đa 500 ký tự.').nullish() }),
    }),
    z.object({
      type: z.union([z.literal('bulletList'), z.literal('orderedList')]),
      content: z.array(z.object({ type: z.literal('listItem'), content: z.array(blockSchema) })),
    }),
    z.object({ type: z.literal('blockquote'), content: z.array(blockSchema) }),
  ]),
);

export const bodyDocumentSchema: z.ZodType<BodyDocument> = z.object({
  type: z.literal('doc'),
  content: z.array(blockSchema),
});

export function parseBody(json: string): BodyDocument {
  return bodyDocumentSchema.parse(JSON.parse(json));
}

/** Media ids used by figures, in document order, for loading them in one query. */
export function figureMediaIds(doc: BodyDocument): number[] {
  const ids: number[] = [];
  const visit = (nodes: BlockNode[]) => {
    for (const node of nodes) {
      if (node.type === 'figure') ids.push(node.attrs.mediaId);
      else if (node.type === 'blockquote') visit(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') node.content.forEach((item) => visit(item.content));
    }
  };
  visit(doc.content);
  return [...new Set(ids)];
}

/** Builds a document from plain paragraphs and figures: used by the demo content and tests. */
export function documentFromParagraphs(blocks: Array<string | { mediaId: number; caption?: string }>): BodyDocument {
  return {
    type: 'doc',
    content: blocks.map((block) =>
      typeof block === 'string'
        ? { type: 'paragraph', content: [{ type: 'text', text: block }] }
        : { type: 'figure', attrs: { mediaId: block.mediaId, caption: block.caption ?? null } },
    ),
  };
}
