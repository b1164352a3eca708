'use client';

import { useId, useState } from 'react';
import { inputClass, labelClass } from './ui';

const MAX_TAGS = 15;

/** Keywords as removable chips; Enter or a comma adds what was typed, and a pasted "a, b, c" adds three. */
export function TagInput({
  id,
  value,
  onChange,
  suggestions,
  disabled,
  errorId,
  invalid,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  disabled?: boolean;
  errorId?: string;
  invalid?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const hintId = useId();

  function add(raw: string) {
    const names = raw
      .split(',')
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    if (names.length === 0) return;
    const next = [...value];
    for (const name of names) {
      if (next.length >= MAX_TAGS) break;
      if (!next.some((t) => t.toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi'))) next.push(name.slice(0, 60));
    }
    onChange(next);
    setDraft('');
  }

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        Từ khóa
      </label>
      {value.length ? (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label="Đã gắn">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-gray-100 py-0.5 pl-3 pr-1 text-sm">
              {tag}
              {!disabled ? (
                <button
                  type="button"
                  onClick={() => onChange(value.filter((t) => t !== tag))}
                  aria-label={`Bỏ “${tag}”`}
                  className="inline-flex h-6 w-6 items-center justify-center rounded-full text-muted hover:bg-gray-300 hover:text-ink"
                >
                  <span aria-hidden="true">×</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        list={listId}
        value={draft}
        disabled={disabled || value.length >= MAX_TAGS}
        onChange={(e) => {
          const text = e.target.value;
          if (text.includes(',')) add(text);
          else setDraft(text);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && !draft && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => add(draft)}
        placeholder={value.length >= MAX_TAGS ? 'Đã đủ 15 từ khóa' : 'Gõ từ khóa rồi nhấn Enter'}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[hintId, invalid ? errorId : null].filter(Boolean).join(' ')}
        className={inputClass}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .slice(0, 200)
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      <p id={hintId} className="mt-1 text-xs text-muted">
        Ngăn cách bằng dấu phẩy hoặc Enter; tối đa {MAX_TAGS} từ khóa.
      </p>
    </div>
  );
}
