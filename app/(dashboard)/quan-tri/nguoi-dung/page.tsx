import type { Metadata } from 'next';
import { UsersManager } from '@/components/dashboard/users-manager';
import { Forbidden } from '@/components/dashboard/ui';
import { canManageUsers } from '@/lib/articles/policy';
import { getDashboardUser } from '@/lib/dashboard/session';

export const metadata: Metadata = { title: 'Tài khoản' };

export default async function UsersPage() {
  const user = await getDashboardUser();
  if (!user || !canManageUsers(user)) return <Forbidden message="Chỉ quản trị viên được quản lý tài khoản." />;
  return <UsersManager />;
}
