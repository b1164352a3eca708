import Link from 'next/link';
import type { ArticleCard as Card, Page } from '@/lib/articles/queries';
import { ArticleCard } from './article-card';

/** A titled, paginated list of articles: tag and author pages. Page N lives at {basePath}/trang/N. */
export function ArticleListPage({ title, kicker, page, basePath }: { title: string; kicker: string; page: Page<Card>; basePath: string }) {
  const href = (n: number) => (n > 1 ? `${basePath}/trang/${n}` : basePath);
  return (
    <>
      <header className="mb-6 border-b-2 border-brand pb-2">
        <p className="text-sm font-semibold uppercase text-muted">{kicker}</p>
        <h1 className="text-2xl font-bold text-brand">{title}</h1>
        <p className="mt-1 text-sm text-muted">{page.total} bài viết</p>
      </header>
      <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {page.items.map((a, i) => (
          <ArticleCard key={a.id} article={a} priority={i === 0} />
        ))}
      </div>
      {page.pageCount > 1 ? (
        <nav aria-label="Phân trang" className="mt-8 flex items-center justify-between gap-4 border-t border-gray-200 pt-4">
          {page.page > 1 ? (
            <Link rel="prev" href={href(page.page - 1)} className="rounded border border-gray-300 px-4 py-2 font-semibold hover:border-brand">
              ← Trang trước
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-muted">
            Trang {page.page}/{page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link rel="next" href={href(page.page + 1)} className="rounded border border-gray-300 px-4 py-2 font-semibold hover:border-brand">
              Trang sau →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
