import type { PublicArticle } from '@/lib/articles/queries';
import { articlePath, siteConfig, siteUrl } from '@/lib/site/config';
import { formatVietnamDateTime, toVietnamOffsetIso } from '@/lib/time/format';
import { ArticleBody, ArticleFigure } from './article-body';
import { ArticleDiscovery } from './article-discovery';
import { Island } from './island';
import { slugify } from '@/lib/text/slug';

/**
 * The article as readers see it. Previews render this same component, so a
 * draft looks exactly like the published page; they leave out what only a
 * published article has (rating, view counting, related reading).
 */
export function ArticleView({ article, mode = 'public' }: { article: PublicArticle; mode?: 'public' | 'preview' }) {
  const isPublic = mode === 'public';
  const url = `${siteUrl()}${articlePath(article.section.slug, article.slug)}`;
  const mailto = `mailto:?subject=${encodeURIComponent(article.title)}&body=${encodeURIComponent(`${article.title}\n\n${url}`)}`;
  // The lead figure is the first one in the body; the cover is shown only when the body has none.
  const bodyHasFigure = article.body.content.some((n) => n.type === 'figure');
  return (
    <>
    <article className="mx-auto max-w-3xl" aria-labelledby="tieu-de">
      <nav aria-label="Đường dẫn" className="no-print mb-3 text-sm">
        <ol className="flex flex-wrap gap-1 text-muted">
          <li>
            <a href="/" className="hover:underline">
              Trang chủ
            </a>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <a href={`/${article.section.slug}`} className="font-semibold uppercase text-brand hover:underline">
              {article.section.name}
            </a>
          </li>
        </ol>
      </nav>
      {/* A printed page says where it came from: the header is not printed. */}
      <p className="print-only mb-3 border-b-2 border-brand pb-1 text-lg font-bold text-brand">
        {siteConfig.name} <span className="text-sm font-normal text-ink">– {siteConfig.tagline}</span>
      </p>
      <p className="print-only text-sm font-semibold uppercase">{article.section.name}</p>
      <h1 id="tieu-de" className="text-2xl font-bold leading-snug text-ink sm:text-3xl">
        {article.title}
      </h1>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 pb-3">
        <time dateTime={toVietnamOffsetIso(article.publishedAt)} className="text-sm text-muted">
          {formatVietnamDateTime(article.publishedAt)}
        </time>
        <div className="no-print flex flex-wrap items-center gap-2">
          <Island name="TextSizeControl" props={{}} />
          {/* Email and sharing send the public address, which answers 404 until the article is out. */}
          {isPublic ? (
            <a
              href={mailto}
              className="inline-flex items-center gap-1 rounded border border-gray-300 px-2 py-1 text-sm hover:border-brand"
            >
              <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
                <rect x="2" y="4" width="20" height="16" rx="2" />
                <path d="m22 6-10 7L2 6" />
              </svg>
              Email
            </a>
          ) : null}
          <Island name="PrintButton" props={{}} />
        </div>
      </div>
      <div className="article-text mt-4">
        <p className="font-bold">{article.lead}</p>
      </div>
      {!bodyHasFigure && article.cover ? <ArticleFigure image={article.cover} caption={article.cover.caption} priority /> : null}
      <div className="mt-4">
        <ArticleBody doc={article.body} media={article.media} />
      </div>
      <p className="article-text mt-6 text-right font-bold">
        {article.byline && slugify(article.byline) ? (
          <a href={`/tac-gia/${slugify(article.byline)}`} rel="author" className="hover:text-brand hover:underline">
            {article.byline}
          </a>
        ) : (
          article.byline
        )}
      </p>
      {article.tags.length > 0 ? (
        <ul aria-label="Từ khóa" className="no-print mt-6 flex flex-wrap gap-2 text-sm">
          {article.tags.map((t) => (
            <li key={t.slug}>
              <a href={`/the/${t.slug}`} className="block rounded-full bg-gray-100 px-3 py-1 text-gray-800 hover:bg-gray-200">
                {t.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="print-only mt-6 text-sm">Địa chỉ bài viết: {url}</p>
      {isPublic ? (
        <>
          <Island name="ShareButtons" props={{ url, title: article.title }} />
          <Island name="ArticleRating" props={{ articleId: article.id }} />
          <Island name="ViewBeacon" props={{ articleId: article.id }} />
        </>
      ) : null}
    </article>
    {isPublic ? <ArticleDiscovery articleId={article.id} sectionSlug={article.section.slug} tagSlugs={article.tags.map((t) => t.slug)} /> : null}
    </>
  );
}
