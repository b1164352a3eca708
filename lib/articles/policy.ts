import type { ArticleStatus, UserRole } from '../db/schema';

/**
 * Who may do what to an article: pure functions, tested for every role ×
 * action in policy.test.ts. Commands call them on the server for every
 * request; the dashboard calls the same functions only to hide buttons.
 */
export type Actor = { id: number; role: UserRole };
export type ArticleAccess = { authorId: number | null; status: ArticleStatus };

export type ArticleAction = 'view' | 'edit' | 'delete' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'backToDraft' | 'preview';

const isEditor = (actor: Actor) => actor.role === 'editor' || actor.role === 'admin';
const isOwn = (actor: Actor, article: ArticleAccess) => article.authorId !== null && article.authorId === actor.id;

export function canCreateArticle(actor: Actor): boolean {
  return actor.role === 'reporter' || isEditor(actor);
}

export function can(actor: Actor, action: ArticleAction, article: ArticleAccess): boolean {
  if (isEditor(actor)) {
    switch (action) {
      case 'view':
      case 'edit':
      case 'preview':
        return true;
      case 'delete':
        return article.status === 'draft';
      default:
        return transitionFor(action, article.status) !== null;
    }
  }
  // Reporters: their own articles only, and only while they are drafts.
  if (!isOwn(actor, article)) return false;
  switch (action) {
    case 'view':
      return true;
    case 'preview':
      // A taken-down article is shown (and shared) again only by an editor's decision.
      return article.status !== 'unpublished';
    case 'edit':
    case 'delete':
      return article.status === 'draft';
    case 'submit':
      return article.status === 'draft';
    default:
      return false;
  }
}

export function canManageTaxonomy(actor: Actor): boolean {
  return isEditor(actor);
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canViewAuditLog(actor: Actor): boolean {
  return isEditor(actor);
}

/** Reporters see their own articles; editors and admins see all. */
export function canSeeAllArticles(actor: Actor): boolean {
  return isEditor(actor);
}

type WorkflowAction = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'backToDraft';

const transitions: Record<WorkflowAction, Partial<Record<ArticleStatus, ArticleStatus>>> = {
  submit: { draft: 'in_review' },
  publish: { draft: 'published', in_review: 'published', scheduled: 'published', unpublished: 'published' },
  schedule: { draft: 'scheduled', in_review: 'scheduled', scheduled: 'scheduled', unpublished: 'scheduled' },
  unpublish: { published: 'unpublished', scheduled: 'unpublished' },
  backToDraft: { in_review: 'draft', scheduled: 'draft', unpublished: 'draft' },
};

/** The status an action leads to from a status, or null when the workflow does not allow it. */
export function transitionFor(action: ArticleAction, from: ArticleStatus): ArticleStatus | null {
  if (!(action in transitions)) return null;
  return transitions[action as WorkflowAction][from] ?? null;
}

export const workflowActions = Object.keys(transitions) as WorkflowAction[];
export type { WorkflowAction };

export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Bản nháp',
  in_review: 'Chờ duyệt',
  scheduled: 'Hẹn giờ',
  published: 'Đã xuất bản',
  unpublished: 'Đã gỡ',
};

export const roleLabels: Record<UserRole, string> = {
  reporter: 'Phóng viên',
  editor: 'Biên tập viên',
  admin: 'Quản trị',
};
