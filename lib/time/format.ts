/** The newsroom's zone. Vietnam has kept UTC+7 without daylight saving since 1975. */
export const NEWSROOM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: NEWSROOM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string) {
  const map: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(new Date(iso))) map[p.type] = p.value;
  return map as { day: string; month: string; year: string; hour: string; minute: string };
}

/** "09/10/2019 15:34", in Vietnam time whatever the server's TZ. */
export function formatVietnamDateTime(iso: string): string {
  const p = parts(iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "09/10/2019" in Vietnam time. */
export function formatVietnamDate(iso: string): string {
  const p = parts(iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/** ISO-8601 with the +07:00 offset, for `<time dateTime>` and structured data. */
export function toVietnamOffsetIso(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00+07:00`;
}

/** "2019-10-09 15:34" read as Vietnam wall-clock time → UTC ISO string for storage. */
export function vietnamLocalToUtcIso(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) throw new Error(`Thời gian không hợp lệ: "${local}" (cần dạng YYYY-MM-DD HH:mm)`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h - 7, mi)).toISOString();
}
