'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { roleLabels } from '@/lib/articles/policy';
import { api, ApiError, errorMessage } from '@/lib/dashboard/api-client';
import { queryKeys } from '@/lib/dashboard/query-keys';
import type { UserRole, UserSummary } from '@/lib/dashboard/types';
import { formatVietnamDate } from '@/lib/time/format';
import { buttonClass, FieldError, inputClass, labelClass, Loading, Notice, PageHeader } from './ui';
import { useDashboardUser } from './user-context';

type Flash = { tone: 'success' | 'error'; text: string };
type UserPatch = { displayName?: string; role?: UserRole; active?: boolean; password?: string };

const roles = Object.keys(roleLabels) as UserRole[];
const MIN_PASSWORD = 10;

export function UsersManager() {
  const me = useDashboardUser();
  const queryClient = useQueryClient();
  const [flash, setFlash] = useState<Flash | null>(null);
  const [resetFor, setResetFor] = useState<number | null>(null);
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => api<UserSummary[]>('/api/users') });

  // Role and lock changes show at once and are put back if the server refuses.
  const update = useMutation({
    mutationFn: ({ user, patch }: { user: UserSummary; patch: UserPatch; done: string }) => api<UserSummary>(`/api/users/${user.id}`, { method: 'PATCH', json: patch }),
    onMutate: async ({ user, patch }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.users });
      const previous = queryClient.getQueryData<UserSummary[]>(queryKeys.users);
      const { password: _password, ...visible } = patch;
      queryClient.setQueryData<UserSummary[]>(queryKeys.users, (list) => list?.map((u) => (u.id === user.id ? { ...u, ...visible } : u)));
      return { previous };
    },
    onError: (error, { user }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.users, context.previous);
      const details = error instanceof ApiError ? Object.values(error.fieldErrors).flat().join(' ') : '';
      setFlash({ tone: 'error', text: `Không cập nhật được tài khoản ${user.displayName}: ${details || errorMessage(error)}` });
    },
    onSuccess: (_u, { done }) => setFlash({ tone: 'success', text: done }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.authors });
    },
  });

  function changeRole(user: UserSummary, role: UserRole) {
    setFlash(null);
    update.mutate({ user, patch: { role }, done: `${user.displayName} giờ là ${roleLabels[role].toLowerCase()}.` });
  }
  function toggleActive(user: UserSummary) {
    if (user.active && !window.confirm(`Khóa tài khoản ${user.displayName}? Người này sẽ không đăng nhập được nữa.`)) return;
    setFlash(null);
    update.mutate({ user, patch: { active: !user.active }, done: user.active ? `Đã khóa tài khoản ${user.displayName}.` : `Đã mở khóa tài khoản ${user.displayName}.` });
  }

  return (
    <div>
      <PageHeader title="Tài khoản" description="Tài khoản của phóng viên, biên tập viên và quản trị viên." />
      <CreateUserForm onCreated={(u) => setFlash({ tone: 'success', text: `Đã tạo tài khoản ${u.displayName} (${u.email}).` })} />
      {flash ? (
        <Notice tone={flash.tone} className="mt-4">
          {flash.text}
        </Notice>
      ) : null}
      <h2 className="mb-3 mt-6 text-lg font-bold">Danh sách tài khoản</h2>
      {users.isError ? (
        <Notice tone="error">Không tải được tài khoản: {errorMessage(users.error)}</Notice>
      ) : !users.data ? (
        <Loading />
      ) : (
        <ul className="space-y-3">
          {users.data.map((user) => {
            const self = user.id === me.id;
            return (
              <li key={user.id} className={`rounded-lg border bg-white p-4 ${user.active ? 'border-gray-200' : 'border-gray-200 bg-gray-50'}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold">
                      {user.displayName}
                      {self ? <span className="font-normal text-muted"> (bạn)</span> : null}
                    </p>
                    <p className="break-all text-sm text-muted">{user.email}</p>
                    <p className="mt-1 text-xs text-muted">
                      Tạo ngày {formatVietnamDate(user.createdAt)} ·{' '}
                      <span className={user.active ? 'font-semibold text-green-800' : 'font-semibold text-red-800'}>{user.active ? 'Đang hoạt động' : 'Đã khóa'}</span>
                    </p>
                  </div>
                  <div className="flex flex-wrap items-end gap-2">
                    <div>
                      <label htmlFor={`role-${user.id}`} className="mb-0.5 block text-xs font-semibold">
                        Vai trò<span className="sr-only"> của {user.displayName}</span>
                      </label>
                      <select
                        id={`role-${user.id}`}
                        value={user.role}
                        disabled={self}
                        onChange={(e) => changeRole(user, e.target.value as UserRole)}
                        className="rounded border border-gray-300 bg-white px-2 py-1.5 text-sm disabled:bg-gray-100"
                      >
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="button" disabled={self} onClick={() => toggleActive(user)} className={buttonClass(user.active ? 'danger' : 'secondary', 'sm')}>
                      {user.active ? 'Khóa tài khoản' : 'Mở khóa'}
                      <span className="sr-only"> {user.displayName}</span>
                    </button>
                    <button
                      type="button"
                      aria-expanded={resetFor === user.id}
                      onClick={() => setResetFor(resetFor === user.id ? null : user.id)}
                      className={buttonClass('secondary', 'sm')}
                    >
                      Đặt lại mật khẩu<span className="sr-only"> cho {user.displayName}</span>
                    </button>
                  </div>
                </div>
                {resetFor === user.id ? (
                  <ResetPasswordForm
                    user={user}
                    onDone={(text) => {
                      setResetFor(null);
                      setFlash({ tone: 'success', text });
                    }}
                    onCancel={() => setResetFor(null)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function ResetPasswordForm({ user, onDone, onCancel }: { user: UserSummary; onDone: (text: string) => void; onCancel: () => void }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const reset = useMutation({
    mutationFn: () => api<UserSummary>(`/api/users/${user.id}`, { method: 'PATCH', json: { password } }),
    onSuccess: () => onDone(`Đã đặt mật khẩu mới cho ${user.displayName}. Hãy báo mật khẩu cho người dùng qua kênh an toàn.`),
    onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors.password?.join(' ') ?? e.message) : errorMessage(e)),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (password.length < MIN_PASSWORD) {
          setError(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự.`);
          return;
        }
        setError('');
        reset.mutate();
      }}
      noValidate
      className="mt-3 flex flex-wrap items-end gap-2 border-t border-gray-100 pt-3"
    >
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor={`${id}-password`} className={labelClass}>
          Mật khẩu mới cho {user.displayName}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={password}
          autoFocus
          minLength={MIN_PASSWORD}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          className={inputClass}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          Ít nhất {MIN_PASSWORD} ký tự.
        </p>
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={reset.isPending} className={buttonClass('primary', 'sm')}>
        {reset.isPending ? 'Đang lưu…' : 'Lưu mật khẩu'}
      </button>
      <button type="button" onClick={onCancel} className={buttonClass('secondary', 'sm')}>
        Hủy
      </button>
    </form>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserSummary) => void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const empty = { email: '', displayName: '', role: 'reporter' as UserRole, password: '' };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState('');
  const create = useMutation({
    mutationFn: () => api<UserSummary>('/api/users', { method: 'POST', json: draft }),
    onSuccess: (user) => {
      setDraft(empty);
      setErrors({});
      setMessage('');
      onCreated(user);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.authors });
    },
    onError: (error) => {
      setMessage(errorMessage(error));
      if (error instanceof ApiError) setErrors(error.status === 409 ? { email: [error.message] } : error.fieldErrors);
    },
  });
  const field = (name: 'email' | 'displayName' | 'password') => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [name]: e.target.value }),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
    className: inputClass,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setMessage('');
        create.mutate();
      }}
      noValidate
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-gray-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="mb-3 text-lg font-bold">
        Tạo tài khoản
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor={`${id}-email`} className={labelClass}>
            Email
          </label>
          <input {...field('email')} type="email" autoComplete="off" />
          <FieldError id={`${id}-email-error`} messages={errors.email} />
        </div>
        <div>
          <label htmlFor={`${id}-displayName`} className={labelClass}>
            Tên hiển thị
          </label>
          <input {...field('displayName')} type="text" maxLength={80} />
          <FieldError id={`${id}-displayName-error`} messages={errors.displayName} />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className={labelClass}>
            Vai trò
          </label>
          <select id={`${id}-role`} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as UserRole })} className={inputClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-role-error`} messages={errors.role} />
        </div>
        <div>
          <label htmlFor={`${id}-password`} className={labelClass}>
            Mật khẩu
          </label>
          <input {...field('password')} type="password" autoComplete="new-password" minLength={MIN_PASSWORD} />
          <p className="mt-1 text-xs text-muted">Ít nhất {MIN_PASSWORD} ký tự.</p>
          <FieldError id={`${id}-password-error`} messages={errors.password} />
        </div>
      </div>
      {message ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <button type="submit" disabled={create.isPending} className={`${buttonClass('primary')} mt-3`}>
        {create.isPending ? 'Đang tạo…' : 'Tạo tài khoản'}
      </button>
    </form>
  );
}
