import { describe, expect, it } from 'vitest';
import { foldForSearch, highlight, searchTerms, snippet } from './text';

describe('search text', () => {
  it('folds diacritics and đ, keeping every character in place', () => {
    const text = 'Sở Giáo dục và Đào tạo';
    expect(foldForSearch(text)).toBe('so giao duc va dao tao');
    expect(foldForSearch(text).length).toBe(text.length);
    expect(foldForSearch('Thể thao'.normalize('NFD'))).toBe('the thao');
  });

  it('reads the same terms from a query with or without diacritics', () => {
    expect(searchTerms('giáo dục')).toEqual(searchTerms('giao duc'));
    expect(searchTerms('Đoan Hùng')).toEqual(['doan', 'hung']);
    expect(searchTerms('  "giáo" -- dục!!')).toEqual(['giao', 'duc']);
    expect(searchTerms("'); drop table articles; --")).toEqual(['drop', 'table', 'articles']);
  });

  it('highlights the original text where the folded text matches', () => {
    const segments = highlight('Ngành Giáo dục tỉnh Phú Thọ', searchTerms('giao duc'));
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Giáo', 'dục']);
    expect(segments.map((s) => s.text).join('')).toBe('Ngành Giáo dục tỉnh Phú Thọ');
    expect(highlight('Đường Đẹp', ['d']).filter((s) => s.match).map((s) => s.text)).toEqual(['Đ', 'Đ']);
  });

  it('cuts a snippet around the first match', () => {
    const long = `${'Mở đầu dài dòng. '.repeat(30)}Trọng tâm là giáo dục vùng cao. ${'Kết thúc. '.repeat(30)}`;
    const s = snippet(long, searchTerms('giao duc'), 120);
    expect(s).toContain('giáo dục');
    expect(s.startsWith('… ')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(130);
  });
});
