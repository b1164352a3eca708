'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';

/** Only same-site paths are followed after sign-in, never an address from outside. */
function safeCallback(raw: string | null): string {
  if (!raw) return '/quan-tri';
  try {
    const url = new URL(raw, window.location.origin);
    return url.origin === window.location.origin ? `${url.pathname}${url.search}` : '/quan-tri';
  } catch {
    return '/quan-tri';
  }
}

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    // Said before asking the server, which would only answer "wrong email or password".
    const missing = !email && !password ? 'Hãy nhập email và mật khẩu.' : !email ? 'Hãy nhập email.' : !password ? 'Hãy nhập mật khẩu.' : !/^[^\s@]+@[^\s@]+$/.test(email) ? 'Email không hợp lệ (ví dụ: ten@toasoan.vn).' : '';
    if (missing) {
      setError(missing);
      return;
    }
    setPending(true);
    setError('');
    const result = await signIn('credentials', { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Email hoặc mật khẩu không đúng.');
      return;
    }
    router.replace(safeCallback(params.get('callbackUrl')));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-semibold">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="w-full rounded border border-gray-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-semibold">
          Mật khẩu
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-gray-300 px-3 py-2" />
      </div>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
    </form>
  );
}
