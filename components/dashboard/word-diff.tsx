'use client';

import { diffWords } from 'diff';
import { useMemo } from 'react';

/**
 * A word-level comparison of two texts: words only in `before` are struck
 * through in red, words only in `after` are underlined in green. Screen
 * readers hear "bỏ" and "thêm" before each change.
 */
export function WordDiff({ before: rawBefore, after: rawAfter, emptyLabel = '(trống)' }: { before: string; after: string; emptyLabel?: string }) {
  // Empty paragraphs only make blank gaps in a comparison.
  const before = tidy(rawBefore);
  const after = tidy(rawAfter);
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  if (before === after) {
    return <p className="whitespace-pre-wrap text-sm text-gray-700">{after || <span className="text-muted">{emptyLabel}</span>} <span className="text-xs text-muted">(không đổi)</span></p>;
  }
  return (
    <p className="whitespace-pre-wrap break-words text-sm leading-relaxed">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} className="rounded-sm bg-green-100 text-green-900 underline decoration-green-600">
            <span className="sr-only">[thêm: </span>
            {part.value}
            <span className="sr-only">]</span>
          </ins>
        ) : part.removed ? (
          <del key={index} className="rounded-sm bg-red-100 text-red-900 line-through decoration-red-600">
            <span className="sr-only">[bỏ: </span>
            {part.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

export function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Which colour means what, written once above a group of comparisons. */
export function DiffLegend({ removed, added }: { removed: string; added: string }) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
      <span>
        <del className="bg-red-100 px-1 text-red-900 line-through">gạch đỏ</del>: {removed}
      </span>
      <span>
        <ins className="bg-green-100 px-1 text-green-900 underline">gạch chân xanh</ins>: {added}
      </span>
    </p>
  );
}
