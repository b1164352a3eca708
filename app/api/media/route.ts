import { z } from 'zod';
import { listMedia, MAX_UPLOAD_BYTES, mediaMetaSchema, uploadImage } from '@/lib/media/commands';
import { ValidationError } from '@/lib/http/errors';
import { authedRoute, json, readQuery } from '@/lib/http/route';
import { consume, rateRules, tooManyRequests } from '@/lib/rate-limit/limiter';

const listSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
  q: z.string().trim().max(100).optional(),
});

export const GET = authedRoute(async (request, _ctx, _user, db) => json(await listMedia(db, readQuery(request, listSchema))));

/** multipart/form-data: file, and optional alt, caption, credit. */
export const POST = authedRoute(async (request, _ctx, user, db) => {
  const decision = await consume(db, rateRules.upload(), `user:${user.id}`);
  if (!decision.allowed) return tooManyRequests(decision, false);
  // Refused before the body is read: formData() would hold all of it in memory first.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw new ValidationError({ file: [`Ảnh quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`] });
  const form = await request.formData().catch(() => {
    throw new ValidationError({ file: ['Hãy gửi ảnh dưới dạng multipart/form-data.'] });
  });
  const file = form.get('file');
  if (!(file instanceof File)) throw new ValidationError({ file: ['Hãy chọn một ảnh để tải lên.'] });
  const meta = mediaMetaSchema.safeParse({
    alt: form.get('alt') ?? undefined,
    caption: form.get('caption') ?? undefined,
    credit: form.get('credit') ?? undefined,
  });
  if (!meta.success) throw ValidationError.fromZod(meta.error);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return json(await uploadImage(db, user, { name: file.name, bytes }, meta.data), 201);
});
