'use client';

import { useSyncExternalStore } from 'react';
import { DEFAULT_TEXT_SIZE, isTextSize, TEXT_SIZE_STORAGE_KEY, TEXT_SIZES, type TextSize } from '@/lib/site/text-size';

const listeners = new Set<() => void>();

function readSize(): TextSize {
  const value = document.documentElement.getAttribute('data-text-size');
  return isTextSize(value) ? value : DEFAULT_TEXT_SIZE;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function applySize(size: TextSize) {
  document.documentElement.setAttribute('data-text-size', size);
  try {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Private mode or storage disabled: the size still applies to this page.
  }
  listeners.forEach((l) => l());
}

/** "Xem cỡ chữ": reader text size, remembered across pages (see lib/site/text-size.ts). */
export function TextSizeControl() {
  const current = useSyncExternalStore(subscribe, readSize, () => DEFAULT_TEXT_SIZE);
  return (
    <div role="group" aria-label="Cỡ chữ" className="js-only flex items-center gap-1">
      <span className="mr-1 text-sm text-muted" aria-hidden="true">
        Xem cỡ chữ
      </span>
      {TEXT_SIZES.map((size) => (
        <button
          key={size.id}
          type="button"
          aria-label={size.label}
          aria-pressed={current === size.id}
          data-text-size-button={size.id}
          onClick={() => applySize(size.id)}
          className="min-w-9 rounded border border-gray-300 px-2 py-1 text-sm font-semibold hover:border-brand"
        >
          {size.short}
        </button>
      ))}
    </div>
  );
}
