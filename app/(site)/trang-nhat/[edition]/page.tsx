import { notFound } from 'next/navigation';
import { getPublicHomePage } from '@/lib/articles/public';
import { ArticleCard } from '@/components/site/article-card';
import { listingMetadata } from '@/lib/seo/page-metadata';
import { SITE_DESCRIPTION, siteConfig } from '@/lib/site/config';

// The front page is served at "/" (rewritten here by next.config.ts) so it is
// rendered on first request and cached, never at build time.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const metadata = listingMetadata({ title: `${siteConfig.name} – ${siteConfig.tagline}`, description: SITE_DESCRIPTION, path: '/' });

export default async function HomePage({ params }: { params: Promise<{ edition: string }> }) {
  const { edition } = await params;
  if (edition !== 'moi-nhat') notFound();
  const home = await getPublicHomePage();
  return (
    <>
      <h1 className="sr-only">{siteConfig.name} – Tin tức mới nhất</h1>
      {home.lead ? (
        <section aria-label="Tin nổi bật" className="border-b border-gray-200 pb-6">
          <ArticleCard article={home.lead} variant="lead" priority />
        </section>
      ) : (
        <p className="py-12 text-center text-muted">Chưa có bài viết nào được xuất bản.</p>
      )}
      {home.latest.length > 0 ? (
        <section aria-labelledby="tin-moi" className="mt-6">
          <h2 id="tin-moi" className="mb-4 border-l-4 border-brand pl-3 text-xl font-bold uppercase">
            Tin mới nhất
          </h2>
          <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {home.latest.map((a) => (
              <ArticleCard key={a.id} article={a} />
            ))}
          </div>
        </section>
      ) : null}
      {home.sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`muc-${section.slug}`} className="mt-10">
          <h2 id={`muc-${section.slug}`} className="mb-4 flex items-baseline justify-between border-b-2 border-brand pb-1">
            <a href={`/${section.slug}`} className="text-xl font-bold uppercase text-brand hover:underline">
              {section.name}
            </a>
            <a href={`/${section.slug}`} className="text-sm text-muted hover:text-brand">
              Xem tất cả<span className="sr-only"> {section.name}</span> →
            </a>
          </h2>
          <div className="grid gap-6 md:grid-cols-3">
            {articles[0] ? (
              <div className="md:col-span-2">
                <ArticleCard article={articles[0]} variant="feature" />
              </div>
            ) : null}
            <div>
              {articles.slice(1).map((a) => (
                <ArticleCard key={a.id} article={a} variant="compact" />
              ))}
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
