import 'server-only';
import { cache } from 'react';
import { getSessionUser } from '@/lib/auth/session';

/** The signed-in user, read once per request however many layouts and pages ask. */
export const getDashboardUser = cache(() => getSessionUser());
