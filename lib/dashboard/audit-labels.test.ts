import { describe, expect, it } from 'vitest';
import { auditActionLabel, describeAuditDetails } from './audit-labels';

describe('the audit log in words', () => {
  it('names waiting-edit and image actions in Vietnamese', () => {
    expect(auditActionLabel('article.publish_pending')).toBe('Đăng bản sửa');
    expect(auditActionLabel('article.discard_pending')).toBe('Bỏ bản sửa');
    expect(auditActionLabel('media.update')).toBe('Sửa thông tin ảnh');
  });

  it('describes lists, empty or not, without English keys', () => {
    expect(describeAuditDetails({ fileName: 'cau-rong.jpg', articles: [] })).toBe('Tệp: cau-rong.jpg; Dùng trong bài: không có');
    expect(describeAuditDetails({ fileName: 'cau-rong.jpg', articles: [12, 40] })).toBe('Tệp: cau-rong.jpg; Dùng trong bài: 12, 40');
    expect(describeAuditDetails({ from: 'draft', to: 'in_review' })).toBe('Bản nháp → Chờ duyệt');
  });
});
