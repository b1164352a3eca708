import { getMostRead, getRelatedArticles } from '@/lib/articles/discovery';
import { articlePath } from '@/lib/site/config';
import { ArticleCard } from './article-card';

/** "Tin liên quan" and "Đọc nhiều" under an article: read when the page is rendered, cached with it. */
export async function ArticleDiscovery({ articleId, sectionSlug, tagSlugs }: { articleId: number; sectionSlug: string; tagSlugs: string[] }) {
  const [related, mostRead] = await Promise.all([getRelatedArticles(articleId, sectionSlug, tagSlugs), getMostRead()]);
  return (
    <div className="no-print mt-10 grid gap-8 md:grid-cols-3">
      {related.length > 0 ? (
        <section aria-labelledby="lien-quan" className="md:col-span-2">
          <h2 id="lien-quan" className="mb-4 border-l-4 border-brand pl-3 text-lg font-bold uppercase">
            Tin liên quan
          </h2>
          <div className="grid gap-6 sm:grid-cols-2">
            {related.map((a) => (
              <ArticleCard key={a.id} article={a} />
            ))}
          </div>
        </section>
      ) : null}
      {mostRead.length > 0 ? (
        <section aria-labelledby="doc-nhieu">
          <h2 id="doc-nhieu" className="mb-4 border-l-4 border-brand pl-3 text-lg font-bold uppercase">
            Đọc nhiều
          </h2>
          <ol className="space-y-3">
            {mostRead.map((a, i) => (
              <li key={a.id} className="flex gap-3">
                <span aria-hidden="true" className="text-2xl font-bold text-brand/70">
                  {i + 1}
                </span>
                <a href={articlePath(a.section.slug, a.slug)} className="font-semibold leading-snug hover:text-brand">
                  {a.title}
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
