'use client';

import { useEffect } from 'react';

/** Counts one reading per article per browser session; renders nothing. */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const key = `viewed:${articleId}`;
    try {
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, '1');
    } catch {
      // Storage unavailable: count anyway.
    }
    const url = `/api/articles/${articleId}/view`;
    if (!navigator.sendBeacon?.(url)) void fetch(url, { method: 'POST', keepalive: true }).catch(() => undefined);
  }, [articleId]);
  return null;
}
