'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { canManageTaxonomy, canManageUsers, canViewAuditLog, roleLabels } from '@/lib/articles/policy';
import { ApiError } from '@/lib/dashboard/api-client';
import type { DashboardUser } from '@/lib/dashboard/types';
import { UserProvider } from './user-context';

type NavItem = { href: string; label: string; match: (path: string) => boolean };

function navItemsFor(user: DashboardUser): NavItem[] {
  const items: NavItem[] = [
    { href: '/quan-tri', label: 'Bài viết', match: (p) => p === '/quan-tri' || (p.startsWith('/quan-tri/bai-viet/') && p !== '/quan-tri/bai-viet/moi') },
    { href: '/quan-tri/bai-viet/moi', label: 'Viết bài mới', match: (p) => p === '/quan-tri/bai-viet/moi' },
    { href: '/quan-tri/thu-vien-anh', label: 'Thư viện ảnh', match: (p) => p.startsWith('/quan-tri/thu-vien-anh') },
  ];
  if (canManageTaxonomy(user)) {
    items.push(
      { href: '/quan-tri/chuyen-muc', label: 'Chuyên mục', match: (p) => p.startsWith('/quan-tri/chuyen-muc') },
      { href: '/quan-tri/tu-khoa', label: 'Từ khóa', match: (p) => p.startsWith('/quan-tri/tu-khoa') },
    );
  }
  if (canViewAuditLog(user)) items.push({ href: '/quan-tri/nhat-ky', label: 'Nhật ký', match: (p) => p.startsWith('/quan-tri/nhat-ky') });
  if (canManageUsers(user)) items.push({ href: '/quan-tri/nguoi-dung', label: 'Tài khoản', match: (p) => p.startsWith('/quan-tri/nguoi-dung') });
  return items;
}

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A refusal (4xx) will not change by asking again.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** The dashboard frame: data cache, the signed-in user, the top bar and the navigation. */
export function DashboardShell({ user, siteName, children }: { user: DashboardUser; siteName: string; children: React.ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const pathname = usePathname() ?? '/quan-tri';
  const items = navItemsFor(user);
  const menuRef = useRef<HTMLDetailsElement>(null);

  // The phone menu closes once a link in it has been followed.
  useEffect(() => {
    if (menuRef.current) menuRef.current.open = false;
  }, [pathname]);

  const links = (layout: 'row' | 'column') =>
    items.map((item) => {
      const active = item.match(pathname);
      const base = layout === 'row' ? 'block rounded px-3 py-2 text-sm font-semibold' : 'block rounded px-3 py-2.5 font-semibold';
      return (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={`${base} ${active ? 'bg-brand text-white' : 'text-ink hover:bg-gray-100'}`}
          >
            {item.label}
          </Link>
        </li>
      );
    });

  return (
    <QueryClientProvider client={queryClient}>
      <UserProvider user={user}>
        <a href="#noi-dung" className="skip-link">
          Bỏ qua, đến nội dung chính
        </a>
        <header className="border-b-4 border-brand bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
            <div className="flex min-w-0 items-baseline gap-2">
              <Link href="/" className="text-xl font-bold tracking-tight text-brand">
                {siteName}
              </Link>
              <span className="text-sm font-semibold text-muted">Tòa soạn</span>
            </div>
            <details ref={menuRef} className="relative md:hidden">
              <summary className="flex cursor-pointer list-none items-center gap-2 rounded border border-gray-300 px-3 py-2 text-sm font-semibold [&::-webkit-details-marker]:hidden">
                <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M3 6h18M3 12h18M3 18h18" />
                </svg>
                Menu
              </summary>
              <nav aria-label="Quản trị" className="absolute right-0 z-30 mt-2 w-64 rounded border border-gray-200 bg-white p-2 shadow-lg">
                <ul>{links('column')}</ul>
              </nav>
            </details>
            <div className="flex w-full items-center justify-between gap-3 text-sm md:w-auto md:justify-end">
              <p className="min-w-0 truncate">
                <span className="font-semibold">{user.displayName}</span>
                <span className="text-muted"> · {roleLabels[user.role]}</span>
              </p>
              <button type="button" onClick={() => signOut({ callbackUrl: '/dang-nhap' })} className="shrink-0 rounded border border-gray-300 px-3 py-1.5 font-semibold hover:bg-gray-100">
                Đăng xuất
              </button>
            </div>
          </div>
          <nav aria-label="Quản trị" className="hidden border-t border-gray-200 md:block">
            <ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-3 py-1.5">{links('row')}</ul>
          </nav>
        </header>
        <main id="noi-dung" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none">
          {children}
        </main>
      </UserProvider>
    </QueryClientProvider>
  );
}
