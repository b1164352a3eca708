import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../db/schema';
import { can, canCreateArticle, canManageTaxonomy, canManageUsers, canSeeAllArticles, canViewAuditLog, transitionFor, type Actor, type ArticleAction } from './policy';

const reporter: Actor = { id: 1, role: 'reporter' };
const otherReporter: Actor = { id: 2, role: 'reporter' };
const editor: Actor = { id: 3, role: 'editor' };
const admin: Actor = { id: 4, role: 'admin' };
const statuses: ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'];
const actions: ArticleAction[] = ['view', 'edit', 'delete', 'submit', 'publish', 'schedule', 'unpublish', 'backToDraft', 'preview'];

/** What the issue asks for, written out as a table rather than derived from the code under test. */
function expected(actor: Actor, action: ArticleAction, status: ArticleStatus, own: boolean): boolean {
  if (actor.role === 'reporter') {
    if (!own) return false;
    if (action === 'view') return true;
    if (action === 'preview') return status !== 'unpublished';
    if (action === 'edit' || action === 'delete' || action === 'submit') return status === 'draft';
    return false;
  }
  const table: Record<ArticleAction, ArticleStatus[]> = {
    view: statuses,
    preview: statuses,
    edit: statuses,
    delete: ['draft'],
    submit: ['draft'],
    publish: ['draft', 'in_review', 'scheduled', 'unpublished'],
    schedule: ['draft', 'in_review', 'scheduled', 'unpublished'],
    unpublish: ['published', 'scheduled'],
    backToDraft: ['in_review', 'scheduled', 'unpublished'],
  };
  return table[action].includes(status);
}

describe('article policy: every role × action × status', () => {
  for (const actor of [reporter, otherReporter, editor, admin]) {
    for (const action of actions) {
      for (const status of statuses) {
        const article = { authorId: reporter.id, status };
        const own = actor.id === reporter.id;
        it(`${actor.role}#${actor.id} ${action} ${status} → ${expected(actor, action, status, own)}`, () => {
          expect(can(actor, action, article)).toBe(expected(actor, action, status, own));
        });
      }
    }
  }

  it('a reporter never publishes, schedules or unpublishes, even their own article', () => {
    for (const status of statuses) {
      for (const action of ['publish', 'schedule', 'unpublish', 'backToDraft'] as const) {
        expect(can(reporter, action, { authorId: reporter.id, status })).toBe(false);
      }
    }
  });
});

describe('other permissions', () => {
  it('everyone in the newsroom writes; editors manage sections and tags; admins manage accounts', () => {
    expect([reporter, editor, admin].map(canCreateArticle)).toEqual([true, true, true]);
    expect([reporter, editor, admin].map(canManageTaxonomy)).toEqual([false, true, true]);
    expect([reporter, editor, admin].map(canManageUsers)).toEqual([false, false, true]);
    expect([reporter, editor, admin].map(canViewAuditLog)).toEqual([false, true, true]);
    expect([reporter, editor, admin].map(canSeeAllArticles)).toEqual([false, true, true]);
  });

  it('follows the workflow: draft → review → published or scheduled → unpublished → draft', () => {
    expect(transitionFor('submit', 'draft')).toBe('in_review');
    expect(transitionFor('publish', 'in_review')).toBe('published');
    expect(transitionFor('schedule', 'in_review')).toBe('scheduled');
    expect(transitionFor('unpublish', 'published')).toBe('unpublished');
    expect(transitionFor('backToDraft', 'unpublished')).toBe('draft');
    expect(transitionFor('submit', 'published')).toBeNull();
    expect(transitionFor('publish', 'published')).toBeNull();
    expect(transitionFor('backToDraft', 'draft')).toBeNull();
  });
});
