import { Fragment } from 'react';
import type { SearchPageContent } from '@/lib/search/search-page';
import { searchPageHref } from '@/lib/search/search-page';
import { highlight, snippet, type Segment } from '@/lib/search/text';
import { articlePath } from '@/lib/site/config';
import { formatVietnamDateTime, toVietnamOffsetIso } from '@/lib/time/format';
import { Pagination } from './pagination';

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

const CONTROL = 'w-full rounded border border-gray-300 px-3 py-2';

/** A labelled control of the search form: the whole row when `wide`, a third of it from tablet width. */
function Field({ id, label, wide = false, children }: { id: string; label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? 'sm:col-span-6' : 'sm:col-span-2'}>
      <label htmlFor={id} className="mb-1 block text-sm font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * Everything inside the search page's main landmark: the form (keeping what was typed), a
 * problem with the query, and the results. A plain component without Next.js: the page renders
 * it, and so do the production server's search workers (lib/search/worker.tsx), which put it
 * into the page around it where `data-search-body` marks its place (lib/server/search-pages.mjs).
 */
export function SearchPageBody({ typed, query, problem, sections, result }: SearchPageContent) {
  const hasQuery = query.q.trim().length > 0;
  return (
    <div data-search-body="" className="mx-auto max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-brand">Tìm kiếm</h1>
      <form role="search" action="/tim-kiem" method="get" className="grid gap-3 rounded border border-gray-200 bg-gray-50 p-4 sm:grid-cols-6">
        <Field id="tim-q" label="Từ khóa" wide>
          <input id="tim-q" name="q" type="search" defaultValue={typed.q ?? ''} maxLength={200} placeholder="Ví dụ: giáo dục, bưởi Đoan Hùng" className={CONTROL} />
        </Field>
        <Field id="tim-muc" label="Chuyên mục">
          <select id="tim-muc" name="section" defaultValue={query.section ?? ''} className={CONTROL}>
            <option value="">Tất cả chuyên mục</option>
            {sections.map((s) => (
              <option key={s.id} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="tim-tu" label="Từ ngày">
          <input id="tim-tu" name="from" type="date" defaultValue={typed.from ?? ''} className={CONTROL} />
        </Field>
        <Field id="tim-den" label="Đến ngày">
          <input id="tim-den" name="to" type="date" defaultValue={typed.to ?? ''} className={CONTROL} />
        </Field>
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
          <Pagination page={result.page} pageCount={result.pageCount} href={(n) => searchPageHref(query, n)} label="Phân trang kết quả" />
        </section>
      ) : (
        <p className="mt-6 text-muted">Nhập từ khóa để tìm bài viết, có dấu hoặc không dấu đều được.</p>
      )}
    </div>
  );
}
