import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/site/article-view';
import { PreviewBanner } from '@/components/site/preview-banner';
import { getDb } from '@/lib/db/client';
import { openPreviewLink } from '@/lib/previews/links';
import { getArticlePreview } from '@/lib/previews/queries';

export const dynamic = 'force-dynamic';

/** A share link opened by someone without an account. An unknown, expired or revoked token shows no content. */
export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const articleId = await openPreviewLink(db, token);
  if (!articleId) notFound();
  const preview = await getArticlePreview(db, articleId);
  if (!preview) notFound();
  return (
    <>
      <PreviewBanner status={preview.status} savedAt={preview.savedAt} pending={preview.pending} via="link" />
      <div className="mt-4">
        <ArticleView article={preview.article} mode="preview" />
      </div>
    </>
  );
}
