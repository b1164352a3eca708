import type { z } from 'zod';

/** Errors a command may throw; lib/http/respond.ts maps each to one HTTP status. */
export class ValidationError extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>, message = 'Dữ liệu không hợp lệ.') {
    super(message);
  }
  static fromZod(error: z.ZodError): ValidationError {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join('.') || '_';
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return new ValidationError(fieldErrors);
  }
}
export class UnauthenticatedError extends Error {
  constructor(message = 'Bạn cần đăng nhập.') {
    super(message);
  }
}
export class ForbiddenError extends Error {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này.') {
    super(message);
  }
}
export class NotFoundError extends Error {
  constructor(message = 'Không tìm thấy.') {
    super(message);
  }
}
export class ConflictError extends Error {
  /** What the client needs to resolve the conflict, e.g. the current version of an article. */
  constructor(message: string, public readonly details?: unknown) {
    super(message);
  }
}

/** The database cannot be reached: answered 503, the site keeps serving cached pages. */
export class UnavailableError extends Error {
  constructor(message = 'Hệ thống đang bảo trì, vui lòng thử lại sau ít phút.') {
    super(message);
  }
}
