import Image from 'next/image';
import type { ArticleCard as Card } from '@/lib/articles/queries';
import { articlePath } from '@/lib/site/config';
import { formatVietnamDateTime, toVietnamOffsetIso } from '@/lib/time/format';

type Variant = 'lead' | 'feature' | 'standard' | 'compact';

/** An article in a list. The title is the link; the picture is decorative next to it (alt=""), so screen readers hear the title once. */
export function ArticleCard({ article, variant = 'standard', priority = false }: { article: Card; variant?: Variant; priority?: boolean }) {
  const href = articlePath(article.section.slug, article.slug);
  const time = (
    <time dateTime={toVietnamOffsetIso(article.publishedAt)} className="text-xs text-muted">
      {formatVietnamDateTime(article.publishedAt)}
    </time>
  );
  if (variant === 'compact') {
    return (
      <article className="border-b border-gray-200 py-3 last:border-b-0">
        <h3 className="font-semibold leading-snug hover:text-brand">
          <a href={href}>{article.title}</a>
        </h3>
        {time}
      </article>
    );
  }
  const lead = variant === 'lead';
  const wide = lead || variant === 'feature';
  return (
    <article className={wide ? 'grid gap-4 sm:grid-cols-5' : 'flex flex-col gap-2'}>
      {article.cover ? (
        <a href={href} tabIndex={-1} aria-hidden="true" className={wide ? 'sm:col-span-3' : ''}>
          <Image
            src={article.cover.url}
            alt=""
            width={article.cover.width}
            height={article.cover.height}
            sizes={wide ? '(min-width: 1152px) 420px, (min-width: 640px) 60vw, 100vw' : '(min-width: 1024px) 300px, (min-width: 640px) 45vw, 100vw'}
            className="aspect-video h-auto w-full rounded bg-gray-100 object-cover"
            priority={priority}
          />
        </a>
      ) : null}
      {/* Without a picture the text takes the whole width instead of leaving its column empty. */}
      <div className={wide ? (article.cover ? 'sm:col-span-2' : 'sm:col-span-5 sm:max-w-3xl') : ''}>
        <h3 className={`${lead ? 'text-2xl sm:text-3xl' : variant === 'feature' ? 'text-xl' : 'text-lg'} font-bold leading-snug hover:text-brand`}>
          <a href={href}>{article.title}</a>
        </h3>
        <p className="mt-1">
          <a href={`/${article.section.slug}`} className="text-xs font-semibold uppercase text-brand hover:underline">
            {article.section.name}
          </a>{' '}
          · {time}
        </p>
        {wide ? <p className={`mt-3 text-gray-700 ${lead ? '' : 'line-clamp-4 text-sm'}`}>{article.lead}</p> : <p className="mt-1 line-clamp-3 text-sm text-gray-700">{article.lead}</p>}
      </div>
    </article>
  );
}
