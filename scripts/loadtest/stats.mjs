/**
 * Per-class request bookkeeping for scripts/loadtest.mjs: how many requests,
 * their statuses, their latencies (every answered request, for p50/p99), and
 * a few samples of each failure (route, status, start of the answer) so a 5xx
 * can be reported precisely.
 */

export class Stats {
  constructor() {
    /** @type {Map<string, {count: number, statuses: Map<string, number>, latencies: number[]}>} */
    this.classes = new Map();
    /** @type {Array<{cls: string, method: string, path: string, status: string, detail: string, at: string}>} */
    this.failures = [];
    this.failureCounts = new Map();
  }

  #cls(name) {
    let c = this.classes.get(name);
    if (!c) {
      c = { count: 0, statuses: new Map(), latencies: [] };
      this.classes.set(name, c);
    }
    return c;
  }

  /** status: an HTTP status number, or 'timeout' / 'network' when nothing usable came back. */
  record(cls, status, ms) {
    const c = this.#cls(cls);
    c.count++;
    const key = String(status);
    c.statuses.set(key, (c.statuses.get(key) ?? 0) + 1);
    if (typeof status === 'number') c.latencies.push(ms);
  }

  /** Keeps the first samples of each (class, route, status) failure; all are counted. */
  failure(cls, method, path, status, detail) {
    const route = path.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\?.*$/, '?…');
    const key = `${cls} ${method} ${route} ${status}`;
    const n = (this.failureCounts.get(key) ?? 0) + 1;
    this.failureCounts.set(key, n);
    if (n <= 3) this.failures.push({ cls, method, path, status: String(status), detail: String(detail ?? '').replace(/\s+/g, ' ').slice(0, 300), at: new Date().toISOString() });
  }

  summary(seconds) {
    const rows = [];
    for (const [name, c] of this.classes) {
      const sorted = [...c.latencies].sort((a, b) => a - b);
      let ok = 0;
      let fivexx = 0;
      const other = [];
      for (const [status, n] of [...c.statuses].sort()) {
        const code = Number(status);
        if (code >= 200 && code < 300) ok += n;
        else if (code >= 500) {
          fivexx += n;
          other.push(`${status}×${n}`);
        } else other.push(`${status}×${n}`);
      }
      rows.push({
        name,
        count: c.count,
        rps: c.count / seconds,
        ok,
        fivexx,
        errors: (c.statuses.get('timeout') ?? 0) + (c.statuses.get('network') ?? 0),
        other: other.join(' ') || '-',
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
        max: sorted.length ? sorted[sorted.length - 1] : null,
      });
    }
    return rows;
  }
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

/** A plain aligned text table (readable in a terminal and in a pasted report). */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((v) => (v === null || v === undefined ? '-' : String(v))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const line = (r) => r.map((v, i) => (i === 0 || i === r.length - 1 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
