import { getDb } from '@/lib/db/client';
import { getMediaFile } from '@/lib/media/queries';
import { errorResponse } from '@/lib/http/respond';

/** Stored images. An id's bytes never change, so they are cached for a year everywhere. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!/^\d{1,12}$/.test(id)) return new Response('Không tìm thấy ảnh.', { status: 404 });
  let media: Awaited<ReturnType<typeof getMediaFile>>;
  try {
    media = await getMediaFile(getDb(), Number(id), decodeURIComponent(file));
  } catch (error) {
    return errorResponse(error);
  }
  if (!media) return new Response('Không tìm thấy ảnh.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(media.data), {
    headers: {
      'Content-Type': media.mimeType,
      'Content-Length': String(media.byteSize),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
