import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { SignInForm } from '@/components/dashboard/sign-in-form';
import { siteConfig } from '@/lib/site/config';

export const metadata: Metadata = { title: 'Đăng nhập tòa soạn' };

export default function SignInPage() {
  return (
    <main id="noi-dung" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <Link href="/" className="mb-6 text-center text-2xl font-bold text-brand">
        {siteConfig.name}
      </Link>
      <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-bold">Đăng nhập tòa soạn</h1>
        <p className="mb-5 text-sm text-muted">Dành cho phóng viên, biên tập viên và quản trị viên.</p>
        <Suspense>
          <SignInForm />
        </Suspense>
      </div>
    </main>
  );
}
