/**
 * URL slug from Vietnamese text: diacritics folded ("Đẩy mạnh truyền thông" →
 * "day-manh-truyen-thong"), lower case, words joined by hyphens, cut on a word
 * boundary so long titles stay readable.
 */
export function slugify(text: string, maxLength = 90): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= maxLength) return folded;
  const cut = folded.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : folded.slice(0, maxLength)).replace(/-+$/, '');
}

/** Text with Vietnamese diacritics folded, lower-cased: for matching "giao duc" with "giáo dục". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
