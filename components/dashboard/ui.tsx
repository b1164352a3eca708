'use client';

import { statusLabels } from '@/lib/articles/policy';
import type { ArticleStatus } from '@/lib/db/schema';

/** Small shared pieces of the dashboard: buttons, badges, messages, pagination. */

type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<ButtonVariant, string> = {
  primary: 'border border-brand bg-brand text-white hover:bg-brand-dark',
  secondary: 'border border-gray-300 bg-white text-ink hover:bg-gray-100',
  danger: 'border border-red-300 bg-white text-red-800 hover:bg-red-50',
  ghost: 'border border-transparent text-ink hover:bg-gray-100',
};

export function buttonClass(variant: ButtonVariant = 'secondary', size: 'sm' | 'md' = 'md'): string {
  const sizing = size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-4 py-2 text-sm';
  return `inline-flex items-center justify-center gap-1.5 rounded font-semibold whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-60 ${sizing} ${variants[variant]}`;
}

export const inputClass =
  'w-full rounded border border-gray-300 bg-white px-3 py-2 text-base sm:text-sm aria-[invalid=true]:border-red-600 disabled:bg-gray-100 disabled:text-muted';

export const labelClass = 'mb-1 block text-sm font-semibold';

const statusStyles: Record<ArticleStatus, string> = {
  draft: 'bg-gray-100 text-gray-800 ring-gray-300',
  in_review: 'bg-amber-50 text-amber-900 ring-amber-300',
  scheduled: 'bg-sky-50 text-sky-900 ring-sky-300',
  published: 'bg-green-50 text-green-900 ring-green-300',
  unpublished: 'bg-rose-50 text-rose-900 ring-rose-300',
};

export function StatusBadge({ status, pendingEdit = false }: { status: ArticleStatus; pendingEdit?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${statusStyles[status]}`}>
        {statusLabels[status]}
      </span>
      {pendingEdit ? (
        <span className="inline-block whitespace-nowrap rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">
          Có bản sửa chờ đăng
        </span>
      ) : null}
    </span>
  );
}

/** An error is announced at once (role="alert"); a success or a note politely (role="status"). */
export function Notice({ tone, children, className = '' }: { tone: 'error' | 'success' | 'info' | 'warning'; children: React.ReactNode; className?: string }) {
  const styles = {
    error: 'border-red-200 bg-red-50 text-red-900',
    success: 'border-green-200 bg-green-50 text-green-900',
    info: 'border-sky-200 bg-sky-50 text-sky-900',
    warning: 'border-amber-300 bg-amber-50 text-amber-900',
  }[tone];
  return (
    <div role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'} className={`rounded border px-3 py-2 text-sm ${styles} ${className}`}>
      {children}
    </div>
  );
}

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(' ')}
    </p>
  );
}

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <p role="status" className="py-6 text-center text-sm text-muted">
      {label}
    </p>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Pagination({ page, pageCount, total, onPage, label = 'Phân trang' }: { page: number; pageCount: number; total?: number; onPage: (page: number) => void; label?: string }) {
  if (pageCount <= 1) return total !== undefined ? <p className="mt-4 text-sm text-muted">{total} mục</p> : null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">
        Trang {page}/{pageCount}
        {total !== undefined ? ` · ${total} mục` : ''}
      </p>
      <div className="flex gap-2">
        <button type="button" className={buttonClass('secondary', 'sm')} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ← Trang trước
        </button>
        <button type="button" className={buttonClass('secondary', 'sm')} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Trang sau →
        </button>
      </div>
    </nav>
  );
}

export function Forbidden({ message }: { message: string }) {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6">
      <h1 className="text-xl font-bold">Không có quyền truy cập</h1>
      <p className="mt-2 text-sm text-muted">{message}</p>
    </div>
  );
}
