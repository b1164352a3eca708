import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DashboardShell } from '@/components/dashboard/dashboard-shell';
import { getDashboardUser } from '@/lib/dashboard/session';
import { siteConfig } from '@/lib/site/config';

export const metadata: Metadata = {
  title: { default: `Tòa soạn – ${siteConfig.name}`, template: `%s – Tòa soạn ${siteConfig.name}` },
  robots: { index: false, follow: false },
};

/** Signed-in staff only; the user, as the database knows them now, is handed to the client shell. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getDashboardUser();
  if (!user) redirect('/dang-nhap?callbackUrl=/quan-tri');
  return (
    <DashboardShell user={{ id: user.id, role: user.role, email: user.email, displayName: user.displayName }} siteName={siteConfig.name}>
      {children}
    </DashboardShell>
  );
}
