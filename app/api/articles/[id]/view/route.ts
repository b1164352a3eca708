import { getDb } from '@/lib/db/client';
import { isBot, recordView } from '@/lib/views/commands';

/**
 * The reading beacon (navigator.sendBeacon) behind "Đọc nhiều": counting here
 * keeps article pages cacheable. Bots are not counted. Always 204: the beacon
 * has nobody to tell.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (/^\d{1,12}$/.test(id) && !isBot(request.headers.get('user-agent'))) {
    try {
      await recordView(getDb(), Number(id));
    } catch (error) {
      console.warn('[views] not counted:', error instanceof Error ? error.message : error);
    }
  }
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
