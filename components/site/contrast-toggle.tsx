'use client';

import { useSyncExternalStore } from 'react';
import { CONTRAST_STORAGE_KEY } from '@/lib/site/text-size';

const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const isHigh = () => document.documentElement.getAttribute('data-contrast') === 'high';

/** High-contrast reading mode, remembered like the text size and applied before first paint. */
export function ContrastToggle() {
  const high = useSyncExternalStore(subscribe, isHigh, () => false);
  function toggle() {
    const next = !isHigh();
    if (next) document.documentElement.setAttribute('data-contrast', 'high');
    else document.documentElement.removeAttribute('data-contrast');
    try {
      if (next) localStorage.setItem(CONTRAST_STORAGE_KEY, 'high');
      else localStorage.removeItem(CONTRAST_STORAGE_KEY);
    } catch {
      // Storage disabled: the mode applies to this page only.
    }
    listeners.forEach((l) => l());
  }
  return (
    <button type="button" aria-pressed={high} onClick={toggle} className="js-only rounded border border-gray-300 px-2 py-1 text-xs font-semibold hover:border-brand" data-contrast-toggle>
      Tương phản cao
    </button>
  );
}
