import { getDb, probeDatabase } from './client';
import { isDatabaseUnavailable } from './errors';

export type AvailabilityOptions = {
  /** How long a probe's answer is trusted (default 1 s). */
  ttlMs?: number;
  /** A probe slower than this counts as a failure (default 5 s, PostgreSQL's connect timeout). */
  timeoutMs?: number;
  now?: () => number;
  log?: (line: string) => void;
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether the database can be reached, asked at most about once a second.
 *
 * The proxy and the route handlers ask before any work that needs the
 * database, so during an outage a request is answered 503 at once instead of
 * each one waiting on a dead connection; public pages are not asked about at
 * all (they are served from the page cache). Any query that fails because the
 * database is unreachable reports it here too, so the next requests do not try
 * again for a second. While the database is down only one request at a time
 * waits on a probe; the others are answered from the last known state. When
 * it is back the first probe after that second says so and everything resumes:
 * nothing needs a restart.
 */
export class DatabaseAvailability {
  private up = true;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private downSince: number | null = null;
  private probing: Promise<boolean> | null = null;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly probe: () => Promise<unknown>,
    options: AvailabilityOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** The last known state, without waiting (for the hot path of article requests). */
  get knownUp(): boolean {
    return this.up;
  }

  /** Since when (ms) the database has been unreachable, or null. */
  get unavailableSince(): number | null {
    return this.downSince;
  }

  /** Whether the database can be reached, probing when the last answer is older than the ttl. */
  check(): Promise<boolean> {
    if (this.now() - this.checkedAt < this.ttlMs) return Promise.resolve(this.up);
    // One probe at a time: while down, the others do not wait on it.
    if (this.probing) return this.up ? this.probing : Promise.resolve(false);
    const probing = this.runProbe();
    this.probing = probing;
    return probing;
  }

  /** A query failed: when because the database is unreachable, remember it (and return true). */
  reportFailure(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.markDown(error);
    this.checkedAt = this.now();
    return true;
  }

  private async runProbe(): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer from the database within ${this.timeoutMs} ms`)), this.timeoutMs);
          (timer as { unref?: () => void }).unref?.();
        }),
      ]);
      this.markUp();
    } catch (error) {
      this.markDown(error);
    } finally {
      clearTimeout(timer);
      this.checkedAt = this.now();
      this.probing = null;
    }
    return this.up;
  }

  private markUp(): void {
    if (!this.up) this.log(`[db] database reachable again after ${Math.round((this.now() - (this.downSince ?? this.now())) / 1000)} s`);
    this.up = true;
    this.downSince = null;
  }

  private markDown(error: unknown): void {
    if (this.up) this.log(`[db] database unreachable (${messageOf(error)}): dynamic pages and the API answer 503, cached pages keep serving`);
    this.up = false;
    this.downSince ??= this.now();
  }
}

const globalForAvailability = globalThis as unknown as { __newsDbAvailability?: DatabaseAvailability };

/** The process-wide monitor of this server's database (shared by the proxy, route handlers and jobs). */
export function databaseAvailability(): DatabaseAvailability {
  globalForAvailability.__newsDbAvailability ??= new DatabaseAvailability(() => probeDatabase(getDb()));
  return globalForAvailability.__newsDbAvailability;
}
