import { can, type Actor, type ArticleAccess, type WorkflowAction } from '@/lib/articles/policy';

/** Workflow actions plus the two for a published article's waiting edit. */
export type DashboardAction = WorkflowAction | 'publishPending' | 'discardPending';

const pendingButtons: Array<{ action: 'publishPending' | 'discardPending'; label: string; done: string }> = [
  { action: 'publishPending', label: 'Đăng bản sửa', done: 'Đã đăng bản sửa: bạn đọc đã thấy nội dung mới.' },
  { action: 'discardPending', label: 'Bỏ bản sửa', done: 'Đã bỏ bản sửa: bài giữ nguyên như đang xuất bản.' },
];

/** Workflow actions in the order the buttons appear, with their Vietnamese names and what a success says. */
export const workflowButtons: Array<{ action: Exclude<WorkflowAction, 'schedule'>; label: string; done: string }> = [
  { action: 'submit', label: 'Gửi duyệt', done: 'Đã gửi bài cho biên tập viên duyệt.' },
  { action: 'publish', label: 'Xuất bản', done: 'Đã xuất bản bài viết.' },
  { action: 'unpublish', label: 'Gỡ bài', done: 'Đã gỡ bài khỏi trang.' },
  { action: 'backToDraft', label: 'Trả về nháp', done: 'Đã trả bài về bản nháp.' },
];

/** Status changes only (the article list's row actions). */
export function allowedStatusActions(actor: Actor, article: ArticleAccess) {
  return workflowButtons.filter((b) => can(actor, b.action, article));
}

export function allowedWorkflow(actor: Actor, article: ArticleAccess, hasPendingEdit = false): Array<{ action: Exclude<DashboardAction, 'schedule'>; label: string; done: string }> {
  const pending = hasPendingEdit && article.status === 'published' && actor.role !== 'reporter' && can(actor, 'edit', article) ? pendingButtons : [];
  return [...pending, ...allowedStatusActions(actor, article)];
}

/** Field errors as "Tên trường: lỗi" lines for a summary. */
export const fieldLabels: Record<string, string> = {
  title: 'Tiêu đề',
  slug: 'Đường dẫn',
  lead: 'Sapo',
  body: 'Nội dung',
  sectionId: 'Chuyên mục',
  tags: 'Từ khóa',
  coverMediaId: 'Ảnh đại diện',
  byline: 'Bút danh',
  seoTitle: 'Tiêu đề SEO',
  seoDescription: 'Mô tả SEO',
  media: 'Ảnh',
  publishAt: 'Hẹn giờ',
  version: 'Phiên bản',
  _: 'Chung',
};

/** Zod paths like "tags.2" or "body.content.3" belong to their top field. */
export function groupFieldErrors(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const key = path.split('.')[0] || '_';
    (grouped[key] ??= []).push(...messages);
  }
  return grouped;
}
