
/** Previous / next links with "Trang N/M": section, tag, author and search pages. */
export function Pagination({ page, pageCount, href, label = 'Phân trang' }: { page: number; pageCount: number; href: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  const link = 'rounded border border-gray-300 px-4 py-2 font-semibold hover:border-brand';
  return (
    <nav aria-label={label} className="mt-8 flex items-center justify-between gap-4 border-t border-gray-200 pt-4">
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)} className={link}>
          ← Trang trước
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Trang {page}/{pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={href(page + 1)} className={link}>
          Trang sau →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
