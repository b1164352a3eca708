import { describe, expect, it } from 'vitest';
import { createArticleSchema, updateArticleSchema } from './schemas';

describe('article schemas', () => {
  it('a save changes only the fields it sends: the slug alone leaves lead, body, tags, cover and byline as they are', () => {
    expect(updateArticleSchema.parse({ version: 3, slug: 'ten-moi-cua-bai' })).toEqual({ version: 3, slug: 'ten-moi-cua-bai' });
    expect(updateArticleSchema.parse({ version: 3, lead: '  Sapo mới. ', tags: [] })).toEqual({ version: 3, lead: 'Sapo mới.', tags: [] });
  });

  it('a new article starts with what it leaves out empty', () => {
    expect(createArticleSchema.parse({ title: 'Bài viết mới', sectionId: 2 })).toEqual({
      title: 'Bài viết mới',
      sectionId: 2,
      lead: '',
      body: { type: 'doc', content: [] },
      tags: [],
      coverMediaId: null,
      byline: '',
      seoTitle: null,
      seoDescription: null,
    });
  });

  it('a save still names its version, in Vietnamese when it does not', () => {
    const result = updateArticleSchema.safeParse({ slug: 'ten-moi' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Thiếu phiên bản của bài viết.');
  });
});
