import type { ArticleCard as Card, Page } from '@/lib/articles/queries';
import { ArticleCard } from './article-card';
import { Pagination } from './pagination';

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
      <Pagination page={page.page} pageCount={page.pageCount} href={href} />
    </>
  );
}
