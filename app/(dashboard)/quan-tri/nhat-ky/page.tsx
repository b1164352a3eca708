import type { Metadata } from 'next';
import { AuditLog } from '@/components/dashboard/audit-log';
import { Forbidden } from '@/components/dashboard/ui';
import { canViewAuditLog } from '@/lib/articles/policy';
import { getDashboardUser } from '@/lib/dashboard/session';

export const metadata: Metadata = { title: 'Nhật ký' };

export default async function AuditPage() {
  const user = await getDashboardUser();
  if (!user || !canViewAuditLog(user)) return <Forbidden message="Chỉ biên tập viên và quản trị viên được xem nhật ký." />;
  return <AuditLog />;
}
