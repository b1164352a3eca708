import { statusLabels } from '@/lib/articles/policy';
import type { ArticleStatus } from '@/lib/db/schema';

export type ArticleSort = 'updated_desc' | 'updated_asc' | 'published_desc' | 'title_asc';
export type ArticleFilters = { status: ArticleStatus | ''; sectionId: string; authorId: string; q: string; sort: ArticleSort; page: number };

export const sortLabels: Record<ArticleSort, string> = {
  updated_desc: 'Mới cập nhật trước',
  updated_asc: 'Cũ nhất trước',
  published_desc: 'Mới xuất bản trước',
  title_asc: 'Tiêu đề A–Z',
};

/** Filters from the address bar, so a filtered list survives a reload and the back button. */
export function parseArticleFilters(params: Record<string, string | string[] | undefined>): ArticleFilters {
  const one = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const status = one('status');
  const sort = one('sort');
  const page = Number(one('page'));
  return {
    status: status in statusLabels ? (status as ArticleStatus) : '',
    sectionId: /^\d+$/.test(one('sectionId')) ? one('sectionId') : '',
    authorId: /^\d+$/.test(one('authorId')) ? one('authorId') : '',
    q: one('q').slice(0, 200),
    sort: sort in sortLabels ? (sort as ArticleSort) : 'updated_desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
