/**
 * The shapes the dashboard reads from the API. They are the server's own types,
 * imported as types only, so a change on the server shows up here at compile
 * time and no server code reaches the browser.
 */
export type { ArticleListItem, EditableArticle } from '@/lib/articles/admin-queries';
export type { Page } from '@/lib/articles/queries';
export type { Revision, RevisionSummary } from '@/lib/articles/revisions';
export type { AuditEntry } from '@/lib/audit/queries';
export type { MediaSummary } from '@/lib/media/types';
export type { Section } from '@/lib/sections/queries';
export type { Tag } from '@/lib/tags/commands';
export type { UserSummary } from '@/lib/users/commands';
export type { ArticleStatus, UserRole } from '@/lib/db/schema';

import type { MediaSummary } from '@/lib/media/types';
import type { UserRole } from '@/lib/db/schema';

/** GET /api/me */
export type DashboardUser = { id: number; role: UserRole; email: string; displayName: string };

/** GET /api/authors */
export type Author = { id: number; name: string; role: UserRole };

/** An item of GET /api/media */
export type MediaItem = MediaSummary & { createdAt: string };
