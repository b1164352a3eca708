const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 822 date-time (as RSS 2.0 requires, with a four-digit year) in Vietnam
 * time: "Wed, 09 Oct 2019 15:34:00 +0700". Vietnam has no daylight saving, so
 * shifting by seven hours is exact; the names are English as the RFC demands,
 * whatever the server's locale.
 */
export function toRfc822(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not a date: "${iso}"`);
  const d = new Date(ms + 7 * 3_600_000);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0700`;
}

/** The later of ISO UTC timestamps (they compare correctly as text); null values are ignored. */
export function latestIso(...values: Array<string | null | undefined>): string | null {
  let latest: string | null = null;
  for (const v of values) if (v && (latest === null || v > latest)) latest = v;
  return latest;
}
