'use client';

import { createContext, useContext } from 'react';
import type { DashboardUser } from '@/lib/dashboard/types';

const UserContext = createContext<DashboardUser | null>(null);

/** The signed-in user, read once on the server by the dashboard layout. */
export function UserProvider({ user, children }: { user: DashboardUser; children: React.ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

export function useDashboardUser(): DashboardUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useDashboardUser() must be used inside the dashboard layout.');
  return user;
}
