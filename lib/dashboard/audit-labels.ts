import { roleLabels, statusLabels } from '@/lib/articles/policy';
import type { AuditAction } from '@/lib/audit/log';
import type { ArticleStatus, UserRole } from '@/lib/db/schema';
import { formatVietnamDateTime } from '@/lib/time/format';

/** Audit actions in plain Vietnamese; unknown actions fall back to their code. */
export const auditActionLabels: Record<AuditAction, string> = {
  sign_in: 'Đăng nhập',
  sign_in_failed: 'Đăng nhập thất bại',
  'article.create': 'Tạo bài viết',
  'article.delete': 'Xóa bài viết',
  'article.submit': 'Gửi duyệt bài viết',
  'article.publish': 'Xuất bản bài viết',
  'article.schedule': 'Hẹn giờ đăng bài',
  'article.unpublish': 'Gỡ bài viết',
  'article.back_to_draft': 'Trả bài về nháp',
  'article.restore': 'Khôi phục phiên bản bài viết',
  'article.publish_pending': 'Đăng bản sửa',
  'article.discard_pending': 'Bỏ bản sửa',
  'media.update': 'Sửa thông tin ảnh',
  'media.delete': 'Xóa ảnh',
  'section.create': 'Tạo chuyên mục',
  'section.update': 'Sửa chuyên mục',
  'section.delete': 'Xóa chuyên mục',
  'user.create': 'Tạo tài khoản',
  'user.role_change': 'Đổi vai trò tài khoản',
  'user.deactivate': 'Khóa tài khoản',
  'user.activate': 'Mở khóa tài khoản',
  'user.password_reset': 'Đặt lại mật khẩu',
};

export const entityTypeLabels: Record<string, string> = {
  article: 'Bài viết',
  media: 'Ảnh',
  section: 'Chuyên mục',
  tag: 'Từ khóa',
  user: 'Tài khoản',
};

export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}

const isStatus = (v: unknown): v is ArticleStatus => typeof v === 'string' && v in statusLabels;
const isRole = (v: unknown): v is UserRole => typeof v === 'string' && v in roleLabels;

/** A value of an audit entry's details, in words: statuses and roles by their labels, times in Vietnam time. */
function describeValue(value: unknown): string {
  if (isStatus(value)) return statusLabels[value];
  if (isRole(value)) return roleLabels[value];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatVietnamDateTime(value);
  if (value === true) return 'có';
  if (value === false) return 'không';
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(', ') : 'không có';
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${detailLabels[k] ?? k}: ${describeValue(v)}`)
      .join(', ');
  }
  return String(value);
}

const detailLabels: Record<string, string> = {
  title: 'Tiêu đề',
  name: 'Tên',
  slug: 'Đường dẫn',
  email: 'Email',
  role: 'Vai trò',
  from: 'Từ',
  to: 'Sang',
  publishAt: 'Giờ đăng',
  fromVersion: 'Từ phiên bản',
  newVersion: 'Phiên bản mới',
  fileName: 'Tệp',
  articles: 'Dùng trong bài',
  scheduled: 'Theo lịch hẹn',
};

/** "Từ: Bản nháp → Sang: Chờ duyệt"-style one-line summary of an entry's details. */
export function describeAuditDetails(details: Record<string, unknown>): string {
  const entries = Object.entries(details);
  if (entries.length === 0) return '';
  if ('from' in details && 'to' in details && entries.length <= 3) {
    const rest = entries.filter(([k]) => k !== 'from' && k !== 'to');
    const change = `${describeValue(details.from)} → ${describeValue(details.to)}`;
    return [change, ...rest.map(([k, v]) => `${detailLabels[k] ?? k}: ${describeValue(v)}`)].join('; ');
  }
  return entries.map(([k, v]) => `${detailLabels[k] ?? k}: ${describeValue(v)}`).join('; ');
}
