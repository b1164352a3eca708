import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/site/article-view';
import { JsonLd } from '@/components/site/json-ld';
import { getArticleRedirect, getPublicArticle } from '@/lib/articles/public';
import { PUBLISHER_LOGO } from '@/lib/seo/brand-image';
import { articleBreadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { articlePath, siteConfig, siteUrl } from '@/lib/site/config';
import { toVietnamOffsetIso } from '@/lib/time/format';
import { feedAlternates } from '@/lib/seo/page-metadata';
import { shortenForImage } from '@/lib/seo/og-text';

// Rendered on first request, then served from the cache until a write
// refreshes its tags (lib/cache/tags.ts); the timer is only a safety net.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await getPublicArticle(slug);
  if (!article) return { title: 'Không tìm thấy bài viết', robots: { index: false } };
  const path = articlePath(article.section.slug, article.slug);
  const description = article.seoDescription ?? shortenForImage(article.lead, 200);
  return {
    title: article.seoTitle ?? article.title,
    description,
    alternates: { canonical: path, types: feedAlternates(article.section) },
    authors: [{ name: article.byline }],
    openGraph: {
      type: 'article',
      siteName: siteConfig.name,
      title: article.title,
      description,
      url: path,
      locale: 'vi_VN',
      publishedTime: toVietnamOffsetIso(article.publishedAt),
      modifiedTime: toVietnamOffsetIso(article.updatedAt),
      section: article.section.name,
      // No `images` here: Next.js uses ./opengraph-image.tsx (1200×630, drawn
      // per article) for og:image and twitter:image only when this key is
      // absent. The cover photo stays the image of the structured data below.
    },
    twitter: { card: 'summary_large_image', title: article.title, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublicArticle(slug);
  if (!article) {
    const moved = await getArticleRedirect(slug);
    if (moved) permanentRedirect(articlePath(moved.sectionSlug, moved.slug));
    notFound();
  }
  // One canonical URL: a wrong or renamed section redirects to the right one.
  if (article.section.slug !== section) permanentRedirect(articlePath(article.section.slug, article.slug));
  const path = articlePath(article.section.slug, article.slug);
  const origin = siteUrl();
  const structured = {
    title: article.title,
    description: article.seoDescription ?? shortenForImage(article.lead, 200),
    byline: article.byline,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    section: article.section,
    coverUrl: article.cover?.url ?? null,
  };
  return (
    <>
      <JsonLd
        data={newsArticleJsonLd(structured, path, {
          origin,
          name: siteConfig.name,
          logoPath: PUBLISHER_LOGO.path,
          logoSize: { width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
        })}
      />
      <JsonLd data={articleBreadcrumbJsonLd(structured, path, origin)} />
      <ArticleView article={article} />
    </>
  );
}
