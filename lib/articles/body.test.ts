import { describe, expect, it } from 'vitest';
import { bodyDocumentSchema, documentFromParagraphs, figureMediaIds } from './body';
import { bodyPlainText } from './body-text';

describe('article body documents', () => {
  it('accepts paragraphs, headings, lists, quotes and figures', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tiêu đề' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Đậm', marks: [{ type: 'bold' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một' }] }] }] },
        { type: 'blockquote', content: [{ type: 'figure', attrs: { mediaId: 7 } }] },
        { type: 'figure', attrs: { mediaId: 3, caption: 'Quang cảnh hội nghị' } },
      ],
    };
    const parsed = bodyDocumentSchema.parse(doc);
    expect(figureMediaIds(parsed)).toEqual([7, 3]);
    expect(bodyPlainText(parsed)).toContain('Tiêu đề');
  });

  it('refuses raw HTML nodes and script links', () => {
    expect(bodyDocumentSchema.safeParse({ type: 'doc', content: [{ type: 'html', html: '<script>alert(1)</script>' }] }).success).toBe(false);
    const link = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    expect(bodyDocumentSchema.safeParse(link).success).toBe(false);
    for (const href of ['//evil.example', '/\\evil.example', 'java\tscript:alert(1)', 'data:text/html,x']) {
      const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }] };
      expect(bodyDocumentSchema.safeParse(doc).success, href).toBe(false);
    }
  });

  it('builds documents from paragraphs and figures', () => {
    const doc = documentFromParagraphs(['Một', { mediaId: 2, caption: 'Ảnh' }, 'Hai']);
    expect(doc.content.map((n) => n.type)).toEqual(['paragraph', 'figure', 'paragraph']);
    expect(bodyPlainText(doc)).toBe('Một\n\nHai');
    // Compared as versions, pictures count too.
    expect(bodyPlainText(doc, { figures: true })).toBe('Một\n\n[Ảnh #2: Ảnh]\n\nHai');
  });
});
