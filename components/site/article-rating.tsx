'use client';

import { useEffect, useState } from 'react';

type Summary = { count: number; average: number | null; myStars: number | null };

/**
 * "Đánh giá bài viết": the count is fetched live so the cached page never
 * carries a stale number. Without JavaScript the stars are a plain form post.
 */
export function ArticleRating({ articleId }: { articleId: number }) {
  const endpoint = `/api/articles/${articleId}/rating`;
  const [summary, setSummary] = useState<Summary | null>(null);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let alive = true;
    fetch(endpoint, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: Summary | null) => alive && data && setSummary(data))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [endpoint]);

  async function vote(stars: number) {
    setPending(true);
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ stars }),
      });
      const data = await response.json().catch(() => ({}));
      if (response.ok) {
        // The answer carries the article's totals; the reader's own stars are the ones just given.
        setSummary({ ...data.summary, myStars: stars });
        setMessage(`Cảm ơn bạn đã đánh giá ${stars} sao.`);
      } else if (response.status === 409) {
        if (data.summary) setSummary((previous) => ({ ...data.summary, myStars: data.summary.myStars ?? previous?.myStars ?? null }));
        setMessage(data.error ?? 'Bạn đã đánh giá bài viết này rồi.');
      } else {
        setMessage(data.error ?? 'Chưa gửi được đánh giá. Vui lòng thử lại.');
      }
    } catch {
      setMessage('Không kết nối được máy chủ. Vui lòng thử lại.');
    } finally {
      setPending(false);
    }
  }

  const voted = summary?.myStars ?? null;
  return (
    <section aria-labelledby="danh-gia" className="no-print mt-8 rounded border border-gray-200 bg-gray-50 p-4">
      <h2 id="danh-gia" className="text-base font-bold uppercase text-brand">
        Đánh giá bài viết{' '}
        <span className="inline-block min-w-[3ch] font-normal text-ink" data-testid="rating-count">
          {summary ? `(${summary.count})` : ''}
        </span>
      </h2>
      {summary && summary.average !== null ? (
        <p className="text-sm text-muted">Điểm trung bình: {summary.average.toLocaleString('vi-VN')}/5</p>
      ) : null}
      <form
        method="post"
        action={endpoint}
        className="mt-2 flex flex-wrap items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value) void vote(Number(submitter.value));
        }}
      >
        {[1, 2, 3, 4, 5].map((stars) => (
          <button
            key={stars}
            type="submit"
            name="stars"
            value={stars}
            disabled={pending}
            aria-label={`Đánh giá ${stars} sao`}
            // Only the star given is "pressed": screen readers then say which rating it was.
            aria-pressed={voted !== null ? voted === stars : undefined}
            className={`text-3xl leading-none transition-colors hover:text-amber-500 disabled:opacity-60 ${
              voted !== null && voted >= stars ? 'text-amber-500' : 'text-gray-500'
            }`}
          >
            ★
          </button>
        ))}
      </form>
      <p role="status" aria-live="polite" className="mt-2 min-h-6 text-sm">
        {message}
      </p>
    </section>
  );
}
