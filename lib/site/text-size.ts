/**
 * Reader text size. The choice is kept in localStorage and applied by an
 * inline script in <head> before the first paint, so cached pages stay the
 * same for everyone and nothing moves when the page appears.
 */
export const TEXT_SIZES = [
  { id: 'nho', label: 'Chữ nhỏ', short: 'A-' },
  { id: 'vua', label: 'Chữ vừa', short: 'A' },
  { id: 'lon', label: 'Chữ lớn', short: 'A+' },
  { id: 'rat-lon', label: 'Chữ rất lớn', short: 'A++' },
] as const;

export type TextSize = (typeof TEXT_SIZES)[number]['id'];
export const DEFAULT_TEXT_SIZE: TextSize = 'vua';
export const TEXT_SIZE_STORAGE_KEY = 'text-size';

export function isTextSize(value: unknown): value is TextSize {
  return TEXT_SIZES.some((s) => s.id === value);
}

export const CONTRAST_STORAGE_KEY = 'contrast';

/**
 * The <head> script: marks JS as available and applies the reader's saved
 * text size and contrast before the first paint. Tiny and dependency-free.
 */
export const readerPreferencesBootScript = `(function(){var d=document.documentElement;d.classList.add('js');try{var s=localStorage.getItem('${TEXT_SIZE_STORAGE_KEY}');if(${JSON.stringify(
  TEXT_SIZES.map((s) => s.id),
)}.indexOf(s)>=0)d.setAttribute('data-text-size',s);if(localStorage.getItem('${CONTRAST_STORAGE_KEY}')==='high')d.setAttribute('data-contrast','high')}catch(e){}})();`;
