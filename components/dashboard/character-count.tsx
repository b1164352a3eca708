/**
 * How long a field is against its limit. Fields have no maxLength: a browser would silently cut a
 * pasted text at the limit and the rest would be lost. The text is kept whole; this says how much
 * to shorten, and the server refuses an over-long save with the same limit.
 */
export function CharacterCount({ id, value, max, quietUnder = false }: { id: string; value: string; max: number; quietUnder?: boolean }) {
  const length = value.trim().length;
  const over = length - max;
  if (over <= 0 && quietUnder) return null;
  return (
    <p id={id} className={`mt-1 text-xs ${over > 0 ? 'font-semibold text-red-700' : 'text-muted'}`}>
      {over > 0 ? `Dài quá ${over} ký tự (tối đa ${max}): hãy rút gọn để lưu được.` : `${length}/${max} ký tự`}
    </p>
  );
}
