import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { slugify } from '../lib/text/slug';
import { signedInContext } from './session';
import { xssPayloads, type XssCategory, type XssPayload } from './xss-payloads';

/**
 * Stored and reflected cross-site scripting, end to end. Every payload of
 * e2e/xss-payloads.ts is written into every field a newsroom user can fill
 * (through the API, so no editor-side filtering helps), the articles are
 * published, and every page that shows those fields is opened in Chromium
 * with a trap: a dialog listener, a setter on window.__xss installed before
 * any page script, and a console watch. Nothing may run, and each page must
 * show the payloads as the exact text that was typed (which is what proves
 * they were escaped, not dropped or mangled). Feeds, sitemaps and JSON-LD are
 * parsed as the machines that read them would.
 */

const SITE_NAME = 'Tin Đất Tổ';
const LINK_MESSAGE = 'Liên kết phải bắt đầu bằng http://, https://, mailto: hoặc /';

/** Every field a user can fill, with the API's maximum length for it. */
const FIELDS = [
  { name: 'title', max: 250 },
  { name: 'lead', max: 1000 },
  { name: 'bodyText', max: Infinity },
  { name: 'figureCaption', max: 500 },
  { name: 'mediaAlt', max: 300 },
  { name: 'mediaCaption', max: 500 },
  { name: 'mediaCredit', max: 120 },
  { name: 'byline', max: 120 },
  { name: 'seoTitle', max: 120 },
  { name: 'seoDescription', max: 300 },
  { name: 'tag', max: 60 },
  { name: 'sectionName', max: 80 },
  { name: 'sectionDescription', max: 300 },
  { name: 'searchQuery', max: 200 },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];

/**
 * The rotation. There is one article (with its own section and image) per
 * payload; field number f of article a gets payload (a + f·STRIDE) mod N.
 * Each article therefore carries a batch of FIELDS.length different payloads
 * of different kinds, and as a runs over all N articles every field receives
 * every payload exactly once (asserted in the first test).
 */
const N = xssPayloads.length;
const STRIDE = Math.floor(N / FIELDS.length);
const payloadFor = (article: number, field: number): XssPayload => xssPayloads[(article + field * STRIDE) % N]!;
const rotation: Array<Record<FieldName, string>> = Array.from({ length: N }, (_, a) =>
  Object.fromEntries(FIELDS.map((f, i) => [f.name, payloadFor(a, i).text])) as Record<FieldName, string>,
);

/** Links the body stores (they look like ordinary links), each trying to break out of its href. */
const acceptedHrefs = xssPayloads.filter((p) => p.hrefAccepted).map((p) => p.text);

type Seeded = {
  index: number;
  id: number;
  path: string;
  sectionSlug: string;
  tagSlug: string;
  authorSlug: string;
  values: Record<FieldName, string>;
};

let editor: APIRequestContext;
let admin: APIRequestContext;
/** Uploads are limited per user (60 in 10 minutes): the images are shared out among a few new photographers. */
let uploaders: APIRequestContext[] = [];
const UPLOADS_PER_USER = 40;
let seeded: Seeded[] = [];
let stamp: string;

test.describe.configure({ mode: 'serial' });

/* ---------------------------------------------------------------- trap -- */

/** Runs in every frame before the page's own scripts: any write to window.__xss is reported. */
const TRAP_SCRIPT = `(() => {
  const report = (what) => {
    try { console.warn('__XSS_TRAP__ ' + what); } catch (e) {}
    try { if (typeof window.__xssTrapReport === 'function') window.__xssTrapReport(String(what)); } catch (e) {}
  };
  try {
    Object.defineProperty(window, '__xss', { configurable: false, get() { return undefined; }, set(v) { report('window.__xss = ' + v); } });
  } catch (e) {}
})();`;

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=', 'base64');

type Trapped = { context: BrowserContext; ran: string[] };

/** A browser context whose pages report every dialog, every window.__xss write and every trap message on the console. */
async function trappedContext(browser: Browser, storageState?: Awaited<ReturnType<APIRequestContext['storageState']>>): Promise<Trapped> {
  const context = await browser.newContext({ storageState });
  const ran: string[] = [];
  await context.exposeBinding('__xssTrapReport', ({ frame }, what: string) => {
    ran.push(`${frame.url()}: ${what}`);
  });
  await context.addInitScript(TRAP_SCRIPT);
  // Pictures are the same tiny PNG everywhere: resizing hundreds of them would only slow the run.
  // Their alt text is in the markup; an injected <img src=x> still fails to load and fires onerror.
  await context.route(/\/_next\/image\?|\/media\/\d+\//, (route) => route.fulfill({ contentType: 'image/png', body: TINY_PNG }));
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      ran.push(`${page.url()}: ${dialog.type()}("${dialog.message()}")`);
      dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (/__XSS_TRAP__|__xss|alert\(\d+\)/.test(message.text())) ran.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (/__xss|alert/.test(error.message)) ran.push(`${page.url()}: page error ${error.message}`);
    });
  });
  return { context, ran };
}

/* -------------------------------------------------------------- checks -- */

type Check =
  /** Some element's text, or some form control's value, is exactly this. */
  | { kind: 'text'; value: string; what: string }
  /** Some element matching the selector has this attribute value. */
  | { kind: 'attr'; selector: string; name: string; value: string; what: string }
  /** Some element's own text contains this. */
  | { kind: 'contains'; value: string; what: string }
  /** The document title starts with this. */
  | { kind: 'title'; value: string; what: string };

const text = (value: string, what: string): Check => ({ kind: 'text', value, what });
const attr = (selector: string, name: string, value: string, what: string): Check => ({ kind: 'attr', selector, name, value, what });

/** In the page: the checks not (yet) satisfied. */
function missingChecks(checks: Check[]): string[] {
  const texts = new Set<string>();
  const owns: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HTML', 'HEAD', 'TITLE'].includes(el.tagName)) continue;
    texts.add(el.textContent ?? '');
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    if (own) {
      texts.add(own);
      owns.push(own);
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) texts.add(el.value);
  }
  return checks
    .filter((check) => {
      if (check.kind === 'text') return !texts.has(check.value);
      if (check.kind === 'contains') return !owns.some((own) => own.includes(check.value));
      if (check.kind === 'title') return !(document.querySelector('title')?.textContent ?? '').startsWith(check.value);
      return !Array.from(document.querySelectorAll(check.selector)).some((el) => el.getAttribute(check.name) === check.value);
    })
    .map((check) => `${check.what} not found as written: ${JSON.stringify(check.value)}`);
}

/**
 * In the page: markup that can only have come from a payload. React never
 * writes on* attributes, and the site itself has no frames, plugins, <base>,
 * refresh, or javascript:/vbscript:/data: links.
 */
function injectedMarkup(): string[] {
  const found: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'codebase', 'srcdoc'];
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}>`;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${describe(el)} has an event handler attribute ${name}`);
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data:(?!image\/(png|jpeg|gif|webp|avif|svg\+xml;base64)))/.test(value))
        found.push(`${describe(el)} ${name}=${a.value}`);
      if (name === 'style' && /expression\(|javascript:|url\(/i.test(a.value)) found.push(`${describe(el)} style=${a.value}`);
    }
    const tag = el.tagName.toLowerCase();
    if (['base', 'object', 'embed', 'frame', 'frameset', 'applet', 'isindex'].includes(tag)) found.push(`a ${describe(el)} element`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push(`<meta http-equiv=${el.getAttribute('http-equiv')}>`);
    if (tag === 'iframe' && !(el.getAttribute('src') ?? '').startsWith('/')) found.push(`an <iframe src=${el.getAttribute('src')}>`);
    if (tag === 'link' && el.getAttribute('rel') === 'stylesheet' && !(el.getAttribute('href') ?? '').startsWith('/_next/')) found.push(`a stylesheet ${el.getAttribute('href')}`);
    if (tag === 'style' && /@import|javascript:|expression\(/i.test(el.textContent ?? '')) found.push(`a <style> with ${el.textContent}`);
    if (tag === 'script') {
      const body = el.textContent ?? '';
      if (/<\/?script|<!--/i.test(body)) found.push(`a script whose text has raw markup: ${body.slice(0, 120)}`);
      if (el.hasAttribute('src') && !(el.getAttribute('src') ?? '').startsWith('/_next/')) found.push(`a script from ${el.getAttribute('src')}`);
    }
    if (el.namespaceURI === 'http://www.w3.org/2000/svg' && tag === 'script') found.push('an SVG <script>');
  }
  return found;
}

type Visit = {
  url: string;
  checks: Check[];
  /** Further checks on the loaded page; returns problems. */
  after?: (page: Page) => Promise<string[]>;
};

/** Opens each URL in one of a few tabs of the context; returns every problem found. */
async function visitAll(trapped: Trapped, visits: Visit[], tabs = 4): Promise<string[]> {
  const problems: string[] = [];
  const pages = await Promise.all(Array.from({ length: Math.min(tabs, visits.length) }, () => trapped.context.newPage()));
  let next = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (next < visits.length) {
        const visit = visits[next++]!;
        problems.push(...(await inspect(page, visit)).map((p) => `${visit.url}: ${p}`));
      }
    }),
  );
  await Promise.all(pages.map((p) => p.close()));
  return problems;
}

/** Dashboard pages draw their data after load: waits for the checks to pass, up to 15 s; returns those still failing. */
async function waitForChecks(page: Page, checks: Check[]): Promise<string[]> {
  let missing = await page.evaluate(missingChecks, checks);
  for (const until = Date.now() + 15_000; missing.length > 0 && Date.now() < until; ) {
    await page.waitForTimeout(250);
    missing = await page.evaluate(missingChecks, checks);
  }
  return missing;
}

async function inspect(page: Page, visit: Visit): Promise<string[]> {
  let response = await page.goto(visit.url, { waitUntil: 'load' });
  // Search and previews are rate-limited per address: wait as told, then go on.
  for (let tries = 0; response?.status() === 429 && tries < 3; tries++) {
    await page.waitForTimeout((Number(response.headers()['retry-after'] ?? 5) + 1) * 1000);
    response = await page.goto(visit.url, { waitUntil: 'load' });
  }
  if (response?.status() !== 200) return [`answered ${response?.status()}`];
  const missing = await waitForChecks(page, visit.checks);
  // Handlers such as onerror and onfocus fire shortly after load; give them the chance.
  await page.waitForTimeout(150);
  return [...missing, ...(await page.evaluate(injectedMarkup)), ...(visit.after ? await visit.after(page) : [])];
}

/* --------------------------------------------------------------- setup -- */

function bodyFor(values: Record<FieldName, string>, mediaId: number) {
  const t = (s: string, marks?: Array<{ type: 'bold' } | { type: 'italic' }>) => ({ type: 'text', text: s, ...(marks ? { marks } : {}) });
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [t(values.bodyText)] },
      { type: 'heading', attrs: { level: 2 }, content: [t(values.bodyText, [{ type: 'bold' }])] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t(values.bodyText, [{ type: 'italic' }])] }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [t(values.bodyText), { type: 'hardBreak' }, t('Trích dẫn')] }] },
      // The first figure has its own caption; the second shows the library's caption.
      { type: 'figure', attrs: { mediaId, caption: values.figureCaption } },
      { type: 'figure', attrs: { mediaId } },
      ...acceptedHrefs.map((href, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Liên kết số ${i + 1}`, marks: [{ type: 'link', attrs: { href } }] }] })),
    ],
  };
}

async function inParallel<T>(count: number, limit: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await run(i);
      }
    }),
  );
  return out;
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status: number, what: string): Promise<T> {
  if (response.status() !== status) throw new Error(`${what}: expected ${status}, got ${response.status()} ${await response.text()}`);
  return (status === 204 ? null : await response.json()) as T;
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  editor = await signedInContext(baseURL!, 'editor@example.com');
  admin = await signedInContext(baseURL!, 'admin@example.com');
  stamp = Date.now().toString(36);
  uploaders = [];
  for (let u = 0; u < Math.ceil(N / UPLOADS_PER_USER); u++) {
    const email = `anh-xss-${stamp}-${u}@example.com`;
    await ok(await admin.post('/api/users', { data: { email, displayName: `Phóng viên ảnh ${u + 1}`, role: 'reporter', password: 'mat-khau-thu-anh' } }), 201, 'photographer');
    uploaders.push(await signedInContext(baseURL!, email, 'mat-khau-thu-anh'));
  }
  const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#7a3' } }).png().toBuffer();

  seeded = await inParallel(N, 4, async (index) => {
    const values = rotation[index]!;
    const section = await ok<{ id: number; slug: string }>(
      await editor.post('/api/sections', { data: { name: values.sectionName, slug: `xss-${stamp}-${index}`, description: values.sectionDescription } }),
      201,
      `section ${index}`,
    );
    const media = await ok<{ id: number }>(
      await uploaders[index % uploaders.length]!.post('/api/media', { multipart: { file: { name: `anh-${index}.png`, mimeType: 'image/png', buffer: png }, alt: 'Ảnh thử' } }),
      201,
      `media ${index}`,
    );
    await ok(await editor.patch(`/api/media/${media.id}`, { data: { alt: values.mediaAlt, caption: values.mediaCaption, credit: values.mediaCredit } }), 200, `media meta ${index}`);
    const article = await ok<{ id: number; slug: string }>(
      await editor.post('/api/articles', {
        data: {
          title: values.title,
          lead: values.lead,
          body: bodyFor(values, media.id),
          sectionId: section.id,
          tags: [values.tag],
          coverMediaId: null,
          byline: values.byline,
          seoTitle: values.seoTitle,
          seoDescription: values.seoDescription,
        },
      }),
      201,
      `article ${index}`,
    );
    await ok(await editor.post(`/api/articles/${article.id}/workflow`, { data: { action: 'publish' } }), 200, `publish ${index}`);
    return {
      index,
      id: article.id,
      path: `/${section.slug}/${article.slug}`,
      sectionSlug: section.slug,
      tagSlug: slugify(values.tag),
      authorSlug: slugify(values.byline),
      values,
    };
  });
});

test.afterAll(async () => {
  await editor?.dispose();
  await admin?.dispose();
  for (const u of uploaders) await u.dispose();
});

/* --------------------------------------------------------------- tests -- */

/** The forms in which a payload may carry its call: as written, HTML-entity, JS-escape, percent or base64 decoded. */
function decodedForms(s: string): string[] {
  const entities = s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/g, ':')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  const jsEscapes = s.replace(/\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const percent = s.replace(/%([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const base64 = [...s.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
  return [s, entities, jsEscapes, percent, ...base64];
}

test('the corpus covers every kind of attack, and the rotation puts every payload into every field', () => {
  expect(N).toBeGreaterThanOrEqual(50);
  expect(new Set(xssPayloads.map((p) => p.text)).size).toBe(N);
  const categories: XssCategory[] = ['script tag', 'event handler', 'dangerous URL', 'svg', 'style', 'broken markup', 'template or JSON breakout', 'unicode trick', 'embedding and navigation'];
  for (const category of categories) expect(xssPayloads.filter((p) => p.category === category).length, category).toBeGreaterThanOrEqual(4);
  for (const p of xssPayloads) {
    // Detectable when run: it calls alert(<id>) or writes window.__xss.
    expect(decodedForms(p.text).some((s) => s.includes(`alert(${p.id})`) || s.includes(`__xss=${p.id}`)), `payload ${p.id} runs alert(${p.id}) or sets __xss`).toBe(true);
    // Shown exactly as written when escaped (see xss-payloads.ts).
    expect(p.text, `payload ${p.id}`).toBe(p.text.trim());
    expect(p.text, `payload ${p.id}`).toBe(p.text.normalize('NFC'));
    expect(/[\u0000-\u0008\u000a-\u001f]/.test(p.text), `payload ${p.id} has no control characters but tab`).toBe(false);
  }
  // Tag and author pages are found by slug: every payload needs its own.
  expect(new Set(xssPayloads.map((p) => slugify(p.text))).size).toBe(N);
  expect(xssPayloads.every((p) => slugify(p.text).length > 0)).toBe(true);

  for (const field of FIELDS) {
    const reached = new Set(rotation.map((values) => values[field.name]));
    expect(reached.size, `${field.name} receives every payload`).toBe(N);
    for (const p of xssPayloads) expect(p.text.length, `payload ${p.id} fits ${field.name}`).toBeLessThanOrEqual(field.max);
  }
  for (const values of rotation) expect(new Set(Object.values(values)).size, 'each field of an article gets a different payload').toBe(FIELDS.length);
  expect(seeded.map((s) => s.values)).toEqual(rotation);
  expect(acceptedHrefs.length).toBeGreaterThan(0);
});

test('the trap catches the payloads when a page does not escape them', async ({ browser }) => {
  // The control for every test below: the same payloads written into a page raw, as a broken
  // template would, are seen running (dialog, window.__xss) or as injected markup.
  const trapped = await trappedContext(browser);
  const flagged = new Set<number>();
  let next = 0;
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      const page = await trapped.context.newPage();
      while (next < N) {
        const payload = xssPayloads[next++]!;
        await page.setContent(`<!doctype html><html><head><title>x</title></head><body><p>${payload.text}</p><input value="${payload.text}"></body></html>`);
        await page.waitForTimeout(200);
        if ((await page.evaluate(injectedMarkup)).length > 0) flagged.add(payload.id);
      }
    }),
  );
  await trapped.context.close();
  const ranIds = new Set(trapped.ran.flatMap((r) => [...r.matchAll(/(?:alert\("|= )(\d+)/g)].map((m) => Number(m[1]))));
  for (const id of ranIds) flagged.add(id);
  for (const id of [101, 102, 108, 111, 112, 120, 141, 161]) expect(ranIds, `payload ${id} seen running`).toContain(id);
  expect(flagged.size, 'payloads flagged when written raw').toBeGreaterThanOrEqual(Math.floor(N * 0.7));
});

test('a link whose href is a dangerous payload is refused with 422; the accepted ones are stored as written', async () => {
  const sectionId = (await (await editor.get('/api/sections')).json())[0].id as number;
  const linkBody = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bấm vào đây', marks: [{ type: 'link', attrs: { href } }] }] }] });
  const target = seeded[0]!;
  const before = await (await editor.get(`/api/articles/${target.id}`)).json();
  const results = await inParallel(N, 4, async (i) => {
    const payload = xssPayloads[i]!;
    const created = await editor.post('/api/articles', {
      data: { title: `Liên kết thử ${payload.id}`, lead: '', body: linkBody(payload.text), sectionId, tags: [], coverMediaId: null, byline: '' },
    });
    // Only the dangerous ones are tried on the published article: an accepted one would change it.
    const patched = payload.hrefAccepted ? null : await editor.patch(`/api/articles/${target.id}`, { data: { version: before.version, body: linkBody(payload.text) } });
    const createdBody = await created.json();
    if (created.status() === 201) {
      expect(createdBody.body.content[0].content[0].marks[0].attrs.href, `payload ${payload.id} stored as written`).toBe(payload.text);
      await ok(await editor.delete(`/api/articles/${createdBody.id}`), 204, 'delete the link draft');
    }
    const messages = created.status() === 422 ? (Object.values(createdBody.fieldErrors ?? {}).flat() as string[]) : [];
    return { id: payload.id, accepted: Boolean(payload.hrefAccepted), created: created.status(), patched: patched?.status(), explained: messages.includes(LINK_MESSAGE) };
  });
  for (const r of results) {
    if (r.accepted) expect(r, `href ${r.id} looks like a link and is kept`).toMatchObject({ created: 201 });
    else expect(r, `href ${r.id} is refused, with the reason`).toMatchObject({ created: 422, patched: 422, explained: true });
  }
  // The refused updates left the published article as it was.
  const after = await (await editor.get(`/api/articles/${target.id}`)).json();
  expect(after.version).toBe(before.version);
  expect(after.body).toEqual(before.body);
});

test('article pages show every payload as text, keep their JSON-LD intact, and run none of them', async ({ browser }) => {
  test.setTimeout(120_000);
  const trapped = await trappedContext(browser);
  const visits = seeded.map((s): Visit => ({ url: s.path, checks: articleChecks(s, 'public'), after: (page) => jsonLdProblems(page, s) }));
  const problems = await visitAll(trapped, visits);
  await trapped.context.close();
  expect(problems).toEqual([]);
  expect(trapped.ran).toEqual([]);
});

/** JSON-LD, read the way a search engine reads it: each script parses, and holds the payloads exactly. */
async function jsonLdProblems(page: Page, s: Seeded): Promise<string[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  if (scripts.length !== 2) return [`${scripts.length} JSON-LD scripts instead of 2`];
  const problems: string[] = [];
  const parsed: Array<Record<string, unknown>> = [];
  for (const raw of scripts) {
    if (/<\/script|<!--|<script/i.test(raw)) problems.push(`JSON-LD with raw markup: ${raw.slice(0, 200)}`);
    try {
      parsed.push(JSON.parse(raw));
    } catch (error) {
      problems.push(`JSON-LD does not parse (${error}): ${raw.slice(0, 200)}`);
    }
  }
  type Shape = { headline?: string; description?: string; author?: { name?: string }; articleSection?: string; itemListElement?: Array<{ name: string }> };
  const [article, breadcrumb] = parsed as [Shape | undefined, Shape | undefined];
  const expected = {
    headline: s.values.title,
    description: s.values.seoDescription,
    author: s.values.byline,
    articleSection: s.values.sectionName,
    breadcrumb: ['Trang chủ', s.values.sectionName, s.values.title],
  };
  const actual = {
    headline: article?.headline,
    description: article?.description,
    author: article?.author?.name,
    articleSection: article?.articleSection,
    breadcrumb: breadcrumb?.itemListElement?.map((i) => i.name),
  };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`JSON-LD ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
  return problems;
}

function articleChecks(s: Seeded, mode: 'public' | 'preview' | 'editor'): Check[] {
  const v = s.values;
  if (mode === 'editor') {
    return [
      text(v.title, 'title (input)'),
      text(v.lead, 'lead (textarea)'),
      text(v.byline, 'byline (input)'),
      text(v.seoTitle, 'SEO title (input)'),
      text(v.seoDescription, 'SEO description (textarea)'),
      text(v.tag, 'tag'),
      text(v.sectionName, 'section name (option)'),
      text(v.bodyText, 'body text (editor)'),
      text(v.figureCaption, 'figure caption (input)'),
      attr('img', 'alt', v.mediaAlt, 'media alt'),
    ];
  }
  const checks = [
    text(v.title, 'title'),
    text(v.lead, 'lead'),
    text(v.bodyText, 'body text'),
    text(v.tag, 'tag'),
    text(v.byline, 'byline'),
    text(v.sectionName, 'section name'),
    text(`${v.figureCaption} (Ảnh: ${v.mediaCredit})`, 'figure caption and media credit'),
    text(`${v.mediaCaption} (Ảnh: ${v.mediaCredit})`, 'media caption and credit'),
    attr('img', 'alt', v.mediaAlt, 'media alt'),
    ...acceptedHrefs.map((href) => attr('a', 'href', href, 'link href')),
  ];
  if (mode === 'public') {
    checks.push(
      { kind: 'title', value: `${v.seoTitle} | ${SITE_NAME}`, what: 'SEO title' },
      attr('meta[name="description"]', 'content', v.seoDescription, 'SEO description'),
      attr('meta[property="og:title"]', 'content', v.title, 'og:title'),
    );
  }
  return checks;
}

test('the home, section, tag, author and search pages show the payloads as text and run none of them', async ({ browser }) => {
  test.setTimeout(150_000);
  const trapped = await trappedContext(browser);
  const titles = new Set(seeded.map((s) => s.values.title.normalize('NFC')));
  let searchesFindingTheirArticle = 0;
  const visits: Visit[] = [
    { url: '/', checks: seeded.flatMap((s) => [text(s.values.title, 'title'), text(s.values.lead, 'lead'), text(s.values.sectionName, 'section name')]) },
    ...seeded.map((s) => ({
      url: `/${s.sectionSlug}`,
      checks: [text(s.values.sectionName, 'section name'), text(s.values.sectionDescription, 'section description'), text(s.values.title, 'title'), text(s.values.lead, 'lead')],
    })),
    ...seeded.map((s) => ({ url: `/the/${s.tagSlug}`, checks: [text(s.values.tag, 'tag name'), text(s.values.title, 'title')] })),
    ...seeded.map((s) => ({ url: `/tac-gia/${s.authorSlug}`, checks: [text(s.values.byline, 'author name'), text(s.values.title, 'title')] })),
    ...seeded.map((s) => {
      const q = s.values.searchQuery;
      return {
        url: `/tim-kiem?q=${encodeURIComponent(q)}`,
        checks: [text(q, 'search box')],
        after: async (page: Page) => {
          const problems: string[] = [];
          const heading = await page.locator('h2#ket-qua').textContent();
          if (!heading?.endsWith(`cho “${q}”`)) problems.push(`results heading ${JSON.stringify(heading)}`);
          // Highlighted titles come in pieces; joined they are exactly a title that was written.
          const hits = await page.locator('#ket-qua ~ ol h3').allTextContents();
          for (const hit of hits) if (/alert|__xss/.test(hit) && !titles.has(hit)) problems.push(`search hit ${JSON.stringify(hit)} is not a title as written`);
          if (hits.includes(q.normalize('NFC'))) searchesFindingTheirArticle++;
          return problems;
        },
      };
    }),
  ];
  const problems = await visitAll(trapped, visits);
  await trapped.context.close();
  expect(problems).toEqual([]);
  expect(trapped.ran).toEqual([]);
  // Search words are letters and digits only, so a few payloads (look-alike letters) find nothing; most must, or result titles went untested.
  expect(searchesFindingTheirArticle, 'searches listing the article titled with the query').toBeGreaterThanOrEqual(Math.ceil(N * 0.75));
});

/* --------------------------------------------------------- feeds & XML -- */

const RSS_ELEMENTS = ['rss', 'channel', 'title', 'link', 'description', 'language', 'lastBuildDate', 'atom:link', 'item', 'guid', 'pubDate', 'category', 'dc:creator', 'enclosure'];
const SITEMAP_ELEMENTS = ['sitemapindex', 'sitemap', 'urlset', 'url', 'loc', 'lastmod', 'news:news', 'news:publication', 'news:name', 'news:language', 'news:publication_date', 'news:title'];

type ParsedXml = { error: string | null; elements: string[]; records: Array<Record<string, string>>; channel: Record<string, string> };

/** In the page: parses with the browser's XML parser; one record (child name → text) per element of recordTag. */
function parseXml({ xml, recordTag }: { xml: string; recordTag: string }): ParsedXml {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) return { error: error.textContent ?? 'parse error', elements: [], records: [], channel: {} };
  const elements = [...new Set(Array.from(doc.getElementsByTagName('*')).map((e) => e.tagName))];
  const records = Array.from(doc.getElementsByTagName(recordTag)).map((record) => {
    const out: Record<string, string> = {};
    for (const child of Array.from(record.getElementsByTagName('*'))) if (child.children.length === 0) out[child.tagName] = child.textContent ?? '';
    return out;
  });
  const channel: Record<string, string> = {};
  for (const child of Array.from(doc.getElementsByTagName('channel')[0]?.children ?? [])) if (child.tagName !== 'item') channel[child.tagName] = child.textContent ?? '';
  return { error: null, elements, records, channel };
}

/** Raw XML text: markup only from the feed's own vocabulary, and no payload with < or & written as is. */
function rawXmlProblems(xml: string, vocabulary: string[]): string[] {
  const problems: string[] = [];
  for (const m of xml.matchAll(/<\/?([A-Za-z][\w:.-]*)/g)) if (!vocabulary.includes(m[1]!)) problems.push(`raw <${m[1]}`);
  if (/<!|\]\]>/.test(xml)) problems.push('raw <! or ]]>');
  for (const p of xssPayloads) if (/[<&]/.test(p.text) && xml.includes(p.text)) problems.push(`payload ${p.id} unescaped`);
  return problems;
}

test('RSS feeds and sitemaps stay well-formed XML with every payload escaped', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const trapped = await trappedContext(browser);
  const page = await trapped.context.newPage();
  const fetchXml = async (url: string, contentType: RegExp) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type'], url).toMatch(contentType);
    return response.text();
  };
  const parse = async (url: string, xml: string, recordTag: string, vocabulary: string[]) => {
    expect(rawXmlProblems(xml, vocabulary), url).toEqual([]);
    const parsed = await page.evaluate(parseXml, { xml, recordTag });
    expect(parsed.error, url).toBeNull();
    expect(parsed.elements.filter((e) => !vocabulary.includes(e)), url).toEqual([]);
    return parsed;
  };
  const itemFor = (s: Seeded) => ({ title: s.values.title, description: s.values.lead, category: s.values.sectionName, 'dc:creator': s.values.byline });
  const linkOf = (s: Seeded) => `${baseURL}${s.path}`;

  // The site feed: its newest items are ours.
  const siteFeed = await parse('/rss.xml', await fetchXml('/rss.xml', /^application\/rss\+xml/), 'item', RSS_ELEMENTS);
  const inSiteFeed = seeded.filter((s) => siteFeed.records.some((r) => r.link === linkOf(s)));
  expect(inSiteFeed.length).toBeGreaterThanOrEqual(Math.min(N, 40));
  for (const s of inSiteFeed) expect(siteFeed.records.find((r) => r.link === linkOf(s)), s.path).toMatchObject(itemFor(s));

  // Every section feed: its channel and its one article.
  await inParallel(N, 4, async (i) => {
    const s = seeded[i]!;
    const url = `/${s.sectionSlug}/rss.xml`;
    const feed = await parse(url, await fetchXml(url, /^application\/rss\+xml/), 'item', RSS_ELEMENTS);
    expect(feed.records, url).toEqual([expect.objectContaining({ ...itemFor(s), link: linkOf(s) })]);
    expect(feed.channel, url).toMatchObject({ title: `${s.values.sectionName} – ${SITE_NAME}`, description: s.values.sectionDescription });
  });

  // Sitemaps: the index, its pages, and the news sitemap with every title.
  const index = await parse('/sitemap.xml', await fetchXml('/sitemap.xml', /^application\/xml/), 'sitemap', SITEMAP_ELEMENTS);
  const locs: string[] = [];
  for (const entry of index.records) {
    const url = new URL(entry.loc!).pathname;
    const pageXml = await parse(url, await fetchXml(url, /^application\/xml/), 'url', SITEMAP_ELEMENTS);
    locs.push(...pageXml.records.map((r) => r.loc!));
  }
  for (const s of seeded) expect(locs, 'sitemap lists the article').toContain(linkOf(s));
  const news = await parse('/sitemap-news.xml', await fetchXml('/sitemap-news.xml', /^application\/xml/), 'url', SITEMAP_ELEMENTS);
  for (const s of seeded) expect(news.records.find((r) => r.loc === linkOf(s))?.['news:title'], s.path).toBe(s.values.title);

  await trapped.context.close();
  expect(trapped.ran).toEqual([]);
});

/* ------------------------------------------------- preview & dashboard -- */

test('the preview and the dashboard (articles, editor, images, sections, tags, audit log) run none of the payloads', async ({ browser }) => {
  test.setTimeout(150_000);
  const trapped = await trappedContext(browser, await admin.storageState());
  type ListPage = { items: Array<{ id: number; title: string; byline: string; section: { name: string } }> };
  const ours = new Set(seeded.map((s) => s.id));
  // The article list, page by page as the dashboard shows it (20 a page, last updated first).
  const listPages: Check[][] = [];
  for (let page = 1; listPages.flat().length < 3 * N && page <= Math.ceil(N / 20) + 2; page++) {
    const list = (await (await admin.get(`/api/articles?page=${page}&pageSize=20`)).json()) as ListPage;
    listPages.push(list.items.filter((i) => ours.has(i.id)).flatMap((i) => [text(i.title, 'title'), text(`Bút danh: ${i.byline}`, 'byline'), text(i.section.name, 'section name')]));
  }
  expect(listPages.flat().length).toBe(3 * N);
  const listVisit: Visit = {
    url: '/quan-tri',
    checks: listPages[0]!,
    after: async (page) => {
      const problems: string[] = [];
      for (const [i, checks] of listPages.slice(1).entries()) {
        await page.getByRole('button', { name: 'Trang sau →' }).click();
        await expect(page.getByText(`Trang ${i + 2}/`)).toBeVisible();
        problems.push(...(await waitForChecks(page, checks)).map((p) => `page ${i + 2}: ${p}`));
        await page.waitForTimeout(150);
        problems.push(...(await page.evaluate(injectedMarkup)).map((p) => `page ${i + 2}: ${p}`));
      }
      return problems;
    },
  };
  // The audit log names what was created: section names and article titles among them.
  const audit = (await (await admin.get('/api/audit?page=1&pageSize=50')).json()) as { items: Array<{ details: Record<string, unknown> }> };
  const payloadTexts = new Set(xssPayloads.map((p) => p.text));
  const audited = audit.items.flatMap((e) => Object.values(e.details).filter((v): v is string => typeof v === 'string' && payloadTexts.has(v)));
  expect(audited.length, 'payloads in the newest audit entries').toBeGreaterThan(0);
  const media = (await (await admin.get('/api/media?page=1&pageSize=24')).json()) as { items: Array<{ alt: string; caption: string | null; credit: string | null }> };
  const visits: Visit[] = [
    ...seeded.map((s) => ({ url: `/xem-truoc/bai-viet/${s.id}`, checks: articleChecks(s, 'preview') })),
    ...seeded.map((s) => ({ url: `/quan-tri/bai-viet/${s.id}`, checks: articleChecks(s, 'editor') })),
    listVisit,
    { url: '/quan-tri/thu-vien-anh', checks: media.items.flatMap((m) => [m.alt, m.caption, m.credit].filter((v): v is string => Boolean(v)).map((v) => text(v, 'media alt, caption or credit'))) },
    { url: '/quan-tri/chuyen-muc', checks: seeded.flatMap((s) => [text(s.values.sectionName, 'section name'), text(s.values.sectionDescription, 'section description')]) },
    { url: '/quan-tri/tu-khoa', checks: seeded.map((s) => text(s.values.tag, 'tag name')) },
    { url: '/quan-tri/nhat-ky', checks: audited.map((value): Check => ({ kind: 'contains', value, what: 'audit details' })) },
  ];
  const problems = await visitAll(trapped, visits, 4);
  await trapped.context.close();
  expect(problems).toEqual([]);
  expect(trapped.ran).toEqual([]);
});
