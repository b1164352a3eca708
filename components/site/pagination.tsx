import Link from 'next/link';
import { sectionPath } from '@/lib/site/config';

export function Pagination({ sectionSlug, page, pageCount }: { sectionSlug: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Phân trang" className="mt-8 flex items-center justify-between gap-4 border-t border-gray-200 pt-4">
      {page > 1 ? (
        <Link rel="prev" href={sectionPath(sectionSlug, page - 1)} className="rounded border border-gray-300 px-4 py-2 font-semibold hover:border-brand">
          ← Trang trước
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Trang {page}/{pageCount}
      </span>
      {page < pageCount ? (
        <Link rel="next" href={sectionPath(sectionSlug, page + 1)} className="rounded border border-gray-300 px-4 py-2 font-semibold hover:border-brand">
          Trang sau →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
