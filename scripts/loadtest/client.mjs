/**
 * A minimal HTTP client for scripts/loadtest.mjs on Node's fetch: one cookie
 * jar per client (a browser session), an X-Forwarded-For address (the server
 * runs with TRUSTED_PROXY_HOPS=1, so it takes that as the reader's address),
 * and every request timed and counted in Stats under a class name.
 *
 * A request never throws: a refused connection or a timeout comes back as
 * { status: 0, indeterminate: true } (the server may or may not have acted).
 */

const TIMEOUT_MS = Number(process.env.LOADTEST_TIMEOUT_MS ?? 30_000);

export class Client {
  /**
   * @param {string} base e.g. http://127.0.0.1:3170
   * @param {import('./stats.mjs').Stats} stats
   */
  constructor(base, stats, { xff = null, userAgent = 'tin-dat-to-loadtest' } = {}) {
    this.base = base;
    this.stats = stats;
    this.xff = xff;
    this.userAgent = userAgent;
    /** @type {Map<string, string>} */
    this.cookies = new Map();
  }

  async request(cls, method, path, { json, form, headers = {}, timeoutMs = TIMEOUT_MS, expected = [] } = {}) {
    const h = { 'user-agent': this.userAgent, 'accept-encoding': 'gzip', ...headers };
    if (this.xff) h['x-forwarded-for'] = this.xff;
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      h['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const started = performance.now();
    let res;
    let text;
    try {
      res = await fetch(this.base + path, { method, headers: h, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      text = await res.text();
    } catch (error) {
      const ms = performance.now() - started;
      const kind = error?.name === 'TimeoutError' || error?.name === 'AbortError' ? 'timeout' : 'network';
      this.stats.record(cls, kind, ms);
      this.stats.failure(cls, method, path, kind, `${error?.message ?? error}${error?.cause ? ` (${error.cause.code ?? error.cause.message})` : ''}`);
      return { status: 0, ok: false, indeterminate: true, data: null, text: '', ms, error };
    }
    const ms = performance.now() - started;
    for (const raw of res.headers.getSetCookie()) {
      const [pair, ...attrs] = raw.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    this.stats.record(cls, res.status, ms);
    let data = null;
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      try {
        data = JSON.parse(text);
      } catch {}
    }
    const ok = res.status >= 200 && res.status < 300;
    // Every unexpected answer is sampled for the report (statuses the caller expects, e.g. 409, are only counted).
    if (!ok && !expected.includes(res.status)) this.stats.failure(cls, method, path, res.status, text);
    return { status: res.status, ok, indeterminate: res.status >= 500, data, text, ms, headers: res.headers };
  }

  /** next-auth's credentials flow, as a browser does it: CSRF token, form post, then the session cookie. */
  async signIn(email, password) {
    const csrf = await this.request('sign-in', 'GET', '/api/auth/csrf');
    if (!csrf.ok || !csrf.data?.csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const res = await this.request('sign-in', 'POST', '/api/auth/callback/credentials', {
      form: { csrfToken: csrf.data.csrfToken, email, password, json: 'true' },
    });
    if (![200, 302].includes(res.status)) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text.slice(0, 200)}`);
    const me = await this.request('sign-in', 'GET', '/api/me');
    if (me.status !== 200) throw new Error(`sign-in of ${email} gave no session (/api/me answered ${me.status})`);
    return me.data;
  }
}
