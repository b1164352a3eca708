import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Fragment } from 'react';
import { getDb } from '@/lib/db/client';
import { getPublicSections } from '@/lib/sections/public';
import { searchArticles, searchQuerySchema, type SearchQuery } from '@/lib/search/queries';
import { highlight, snippet, type Segment } from '@/lib/search/text';
import { articlePath } from '@/lib/site/config';
import { Pagination } from '@/components/site/pagination';
import { formatVietnamDateTime, toVietnamOffsetIso } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Tìm kiếm', robots: { index: false, follow: true } };

// Every query is different: rendered per request.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}

function pageHref(query: SearchQuery, page: number) {
  const params = new URLSearchParams({ q: query.q });
  if (query.section) params.set('section', query.section);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (page > 1) params.set('page', String(page));
  return `/tim-kiem?${params}`;
}

/**
 * The query as asked, with what is wrong in it set aside: a bad date is reported and left out,
 * and the rest is still searched (a 201-character query is reported and searches nothing).
 */
function readSearchQuery(typed: Record<string, string | undefined>): { query: SearchQuery; problem: string | null } {
  const parsed = searchQuerySchema.safeParse(typed);
  if (parsed.success) return { query: parsed.data, problem: null };
  const wrong = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const rest = searchQuerySchema.safeParse(Object.fromEntries(Object.entries(typed).filter(([key]) => !wrong.has(key))));
  return { query: rest.success ? rest.data : { q: '', page: 1, section: undefined }, problem: parsed.error.issues[0]?.message ?? 'Yêu cầu tìm kiếm không hợp lệ.' };
}

/** Search is per query, so it is rendered on each request; the index makes it cheap (see npm run bench). */
export default async function SearchPage({ searchParams }: Props) {
  const typed = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { query, problem } = readSearchQuery(typed);
  const [sections, result] = await Promise.all([getPublicSections(), searchArticles(getDb(), query)]);
  const hasQuery = query.q.trim().length > 0;
  // Past the last page (an old link, a hand-edited address): the last page there is.
  if (result.pageCount > 0 && query.page > result.pageCount) redirect(pageHref(query, result.pageCount));

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-brand">Tìm kiếm</h1>
      <form role="search" action="/tim-kiem" method="get" className="grid gap-3 rounded border border-gray-200 bg-gray-50 p-4 sm:grid-cols-6">
        <div className="sm:col-span-6">
          <label htmlFor="tim-q" className="mb-1 block text-sm font-semibold">
            Từ khóa
          </label>
          <input id="tim-q" name="q" type="search" defaultValue={typed.q ?? ''} maxLength={200} placeholder="Ví dụ: giáo dục, bưởi Đoan Hùng" className="w-full rounded border border-gray-300 px-3 py-2" />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="tim-muc" className="mb-1 block text-sm font-semibold">
            Chuyên mục
          </label>
          <select id="tim-muc" name="section" defaultValue={query.section ?? ''} className="w-full rounded border border-gray-300 px-3 py-2">
            <option value="">Tất cả chuyên mục</option>
            {sections.map((s) => (
              <option key={s.id} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="tim-tu" className="mb-1 block text-sm font-semibold">
            Từ ngày
          </label>
          <input id="tim-tu" name="from" type="date" defaultValue={typed.from ?? ''} className="w-full rounded border border-gray-300 px-3 py-2" />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="tim-den" className="mb-1 block text-sm font-semibold">
            Đến ngày
          </label>
          <input id="tim-den" name="to" type="date" defaultValue={typed.to ?? ''} className="w-full rounded border border-gray-300 px-3 py-2" />
        </div>
        <div className="sm:col-span-6">
          <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
            Tìm kiếm
          </button>
        </div>
      </form>

      {problem ? (
        <p role="alert" className="mt-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      ) : null}

      {hasQuery ? (
        <section aria-labelledby="ket-qua" className="mt-6">
          <h2 id="ket-qua" className="mb-3 text-lg font-bold" aria-live="polite">
            {result.total > 0 ? `Tìm thấy ${result.total} bài viết cho “${query.q}”` : `Không tìm thấy bài viết nào cho “${query.q}”`}
          </h2>
          {result.total === 0 ? (
            <div className="rounded border border-gray-200 p-4 text-sm text-muted">
              <p>Gợi ý:</p>
              <ul className="mt-2 list-disc pl-6">
                <li>Kiểm tra lỗi chính tả, hoặc thử gõ không dấu (ví dụ “giao duc”).</li>
                <li>Dùng ít từ hơn hoặc từ khóa chung hơn.</li>
                {query.section || query.from || query.to ? (
                  <li>
                    <a className="text-brand underline" href={`/tim-kiem?q=${encodeURIComponent(query.q)}`}>
                      Bỏ các bộ lọc chuyên mục và ngày
                    </a>
                  </li>
                ) : null}
              </ul>
            </div>
          ) : (
            <ol className="divide-y divide-gray-200">
              {result.hits.map((hit) => (
                <li key={hit.id} className="py-4">
                  <article>
                    <h3 className="text-lg font-bold leading-snug hover:text-brand">
                      <a href={articlePath(hit.sectionSlug, hit.slug)}>
                        <Highlighted segments={highlight(hit.title, result.terms)} />
                      </a>
                    </h3>
                    <p className="mt-1 text-xs text-muted">
                      <span className="font-semibold uppercase text-brand">{hit.sectionName}</span> ·{' '}
                      <time dateTime={toVietnamOffsetIso(hit.publishedAt)}>{formatVietnamDateTime(hit.publishedAt)}</time>
                    </p>
                    <p className="mt-1 text-sm text-gray-700">
                      <Highlighted segments={highlight(snippet(hit.lead, result.terms), result.terms)} />
                    </p>
                  </article>
                </li>
              ))}
            </ol>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} href={(n) => pageHref(query, n)} label="Phân trang kết quả" />
        </section>
      ) : (
        <p className="mt-6 text-muted">Nhập từ khóa để tìm bài viết, có dấu hoặc không dấu đều được.</p>
      )}
    </div>
  );
}
