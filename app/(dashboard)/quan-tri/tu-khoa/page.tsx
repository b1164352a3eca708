import type { Metadata } from 'next';
import { TagsManager } from '@/components/dashboard/tags-manager';
import { Forbidden } from '@/components/dashboard/ui';
import { canManageTaxonomy } from '@/lib/articles/policy';
import { getDashboardUser } from '@/lib/dashboard/session';

export const metadata: Metadata = { title: 'Từ khóa' };

export default async function TagsPage() {
  const user = await getDashboardUser();
  if (!user || !canManageTaxonomy(user)) return <Forbidden message="Chỉ biên tập viên và quản trị viên được quản lý từ khóa." />;
  return <TagsManager />;
}
