import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify } from './slug';

describe('slugify', () => {
  it('folds Vietnamese diacritics and đ', () => {
    expect(slugify('Đẩy mạnh truyền thông')).toBe('day-manh-truyen-thong');
    expect(slugify('Giáo dục & Đào tạo: năm học 2019 - 2020')).toBe('giao-duc-dao-tao-nam-hoc-2019-2020');
  });

  it('handles composed and decomposed input alike', () => {
    expect(slugify('Thể thao'.normalize('NFD'))).toBe(slugify('Thể thao'.normalize('NFC')));
  });

  it('cuts long titles on a word boundary', () => {
    const slug = slugify('Đẩy mạnh truyền thông, tạo sự đồng thuận của toàn xã hội trong thực hiện nhiệm vụ phát triển sự nghiệp Giáo dục và Đào tạo');
    expect(slug.length).toBeLessThanOrEqual(90);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('day-manh-truyen-thong-tao-su-dong-thuan')).toBe(true);
  });

  it('folds text for search matching', () => {
    expect(foldVietnamese('Giáo Dục Đào Tạo')).toBe('giao duc dao tao');
  });
});
