import 'server-only';
import { ZodError } from 'zod';
import { databaseAvailability } from '../db/availability';
import { isUniqueViolation } from '../db/errors';
import { databaseUnavailableResponse } from './unavailable';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UnavailableError, ValidationError } from './errors';

/** The one place where errors become HTTP answers. No stack ever reaches the client. */
export function errorResponse(error: unknown): Response {
  const noStore = { 'Cache-Control': 'private, no-store' };
  if (error instanceof ZodError) error = ValidationError.fromZod(error);
  if (error instanceof ValidationError)
    return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 422, headers: noStore });
  if (error instanceof UnauthenticatedError) return Response.json({ error: error.message }, { status: 401, headers: noStore });
  if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403, headers: noStore });
  if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404, headers: noStore });
  if (error instanceof ConflictError)
    return Response.json({ error: error.message, ...(error.details !== undefined ? { current: error.details } : {}) }, { status: 409, headers: noStore });
  if (error instanceof UnavailableError) return databaseUnavailableResponse(false, { error: error.message });
  // Someone else saved the same name or address a moment before (both had found it free).
  if (isUniqueViolation(error)) return Response.json({ error: 'Tên hoặc đường dẫn này vừa được người khác dùng. Vui lòng tải lại và thử lại.' }, { status: 409, headers: noStore });
  // Remembered, so the next requests are answered at once until the database is back.
  if (databaseAvailability().reportFailure(error)) {
    console.error('[api] database unavailable:', error instanceof Error ? error.message : error);
    return databaseUnavailableResponse(false, { error: new UnavailableError().message });
  }
  console.error('[api] unexpected error:', error);
  return Response.json({ error: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.' }, { status: 500, headers: noStore });
}
