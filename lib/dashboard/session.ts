import 'server-only';
import { connection } from 'next/server';
import { cache } from 'react';
import { getSessionUser } from '@/lib/auth/session';

/**
 * The signed-in user, read once per request however many layouts and pages
 * ask. Waiting for the request first keeps every dashboard page dynamic: they
 * are never rendered at build time, when no database may be read.
 */
export const getDashboardUser = cache(async () => {
  await connection();
  return getSessionUser();
});
