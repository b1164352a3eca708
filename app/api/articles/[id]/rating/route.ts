import { cookies } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/respond';
import { getReaderVote, getRatingSummary } from '@/lib/ratings/queries';
import { READER_COOKIE } from '@/lib/ratings/identity';
import { answerVote, parseArticleId } from '@/lib/ratings/vote-request';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const noStore = { 'Cache-Control': 'private, no-store' };

/** Live count and average, and the stars this reader gave, if any. */
export async function GET(_request: Request, { params }: Context) {
  try {
    const articleId = parseArticleId((await params).id);
    const readerId = (await cookies()).get(READER_COOKIE)?.value;
    const db = getDb();
    const [summary, myStars] = await Promise.all([getRatingSummary(db, articleId), readerId ? getReaderVote(db, articleId, readerId) : null]);
    return Response.json({ ...summary, myStars }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A vote (lib/ratings/vote-request.ts; the production server answers most of them itself). */
export async function POST(request: Request, { params }: Context) {
  return answerVote(getDb(), request, (await params).id);
}
