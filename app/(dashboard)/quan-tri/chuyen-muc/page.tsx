import type { Metadata } from 'next';
import { SectionsManager } from '@/components/dashboard/sections-manager';
import { Forbidden } from '@/components/dashboard/ui';
import { canManageTaxonomy } from '@/lib/articles/policy';
import { getDashboardUser } from '@/lib/dashboard/session';

export const metadata: Metadata = { title: 'Chuyên mục' };

export default async function SectionsPage() {
  const user = await getDashboardUser();
  if (!user || !canManageTaxonomy(user)) return <Forbidden message="Chỉ biên tập viên và quản trị viên được quản lý chuyên mục." />;
  return <SectionsManager />;
}
