import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { expireTagsLocally } from '@/lib/cache/refresh';
import { internalRevalidateToken } from '@/lib/cache/invalidation-poller';

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).max(2000) });

/** Called only by this process's own invalidation poller; anyone else gets 404. */
export async function POST(request: Request) {
  const given = Buffer.from(request.headers.get('x-revalidate-token') ?? '');
  const expected = Buffer.from(internalRevalidateToken());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return new Response('Not found', { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Dữ liệu không hợp lệ.' }, { status: 422 });
  expireTagsLocally(parsed.data.tags);
  return Response.json({ expired: parsed.data.tags.length }, { headers: { 'Cache-Control': 'no-store' } });
}
