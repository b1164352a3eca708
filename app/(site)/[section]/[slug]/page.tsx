import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/site/article-view';
import { getArticleRedirect, getPublicArticle } from '@/lib/articles/public';
import { articlePath } from '@/lib/site/config';
import { toVietnamOffsetIso } from '@/lib/time/format';

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
  const description = article.seoDescription ?? article.lead.slice(0, 200);
  return {
    title: article.seoTitle ?? article.title,
    description,
    alternates: { canonical: path },
    authors: [{ name: article.byline }],
    openGraph: {
      type: 'article',
      title: article.title,
      description,
      url: path,
      locale: 'vi_VN',
      publishedTime: toVietnamOffsetIso(article.publishedAt),
      modifiedTime: toVietnamOffsetIso(article.updatedAt),
      section: article.section.name,
      images: article.cover ? [{ url: article.cover.url, width: article.cover.width, height: article.cover.height, alt: article.cover.alt }] : [],
    },
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
  return <ArticleView article={article} />;
}
