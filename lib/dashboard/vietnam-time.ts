import { formatVietnamDateTime, toVietnamOffsetIso } from '@/lib/time/format';

/** "15:34" for an instant of today (in Vietnam), "15:34 09/10/2019" for any other day: a bare time reads as today. */
export function formatVietnamSavedAt(iso: string, now = new Date().toISOString()): string {
  const when = formatVietnamDateTime(iso);
  return when.slice(0, 10) === formatVietnamDateTime(now).slice(0, 10) ? when.slice(-5) : `${when.slice(-5)} ${when.slice(0, 10)}`;
}

/**
 * The value of an <input type="datetime-local"> ("2025-03-01T08:30") read as
 * Vietnam time, whatever zone the browser is in: "2025-03-01T08:30:00+07:00".
 * Null when the value is not a complete date and time.
 */
export function vietnamLocalInputToIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value.trim());
  return m ? `${m[1]}T${m[2]}:00+07:00` : null;
}

/** The datetime-local value ("2025-03-01T08:30") of an instant in Vietnam time. */
export function toVietnamLocalInput(iso: string): string {
  return toVietnamOffsetIso(iso).slice(0, 16);
}
