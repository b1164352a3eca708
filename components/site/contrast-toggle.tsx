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
    <button
      type="button"
      aria-pressed={high}
      onClick={toggle}
      className="js-only inline-flex items-center gap-1 whitespace-nowrap rounded border border-gray-300 px-2 py-1.5 text-xs font-semibold hover:border-brand"
      data-contrast-toggle
    >
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="9" />
        <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
      </svg>
      {/* On phones the icon alone (the name stays for screen readers): the header has no room for the words. */}
      <span className="sr-only sm:not-sr-only">Tương phản cao</span>
    </button>
  );
}
