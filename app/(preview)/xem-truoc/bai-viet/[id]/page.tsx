import { notFound, redirect } from 'next/navigation';
import { ArticleView } from '@/components/site/article-view';
import { PreviewBanner } from '@/components/site/preview-banner';
import { getSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/articles/policy';
import { getDb } from '@/lib/db/client';
import { getArticlePreview } from '@/lib/previews/queries';

export const dynamic = 'force-dynamic';

/** The newsroom's own preview of the latest saved version (autosaves included). */
export default async function SessionPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  const db = getDb();
  const user = await getSessionUser(db);
  if (!user) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(`/xem-truoc/bai-viet/${id}`)}`);
  const author = await db.selectFrom('articles').select(['author_id', 'status']).where('id', '=', Number(id)).executeTakeFirst();
  if (!author || !can(user, 'preview', { authorId: author.author_id, status: author.status })) notFound();
  const preview = await getArticlePreview(db, Number(id));
  if (!preview) notFound();
  return (
    <>
      <PreviewBanner status={preview.status} savedAt={preview.savedAt} pending={preview.pending} via="session" />
      <div className="mt-4">
        <ArticleView article={preview.article} mode="preview" />
      </div>
    </>
  );
}
