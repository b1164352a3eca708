import { expect, test, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { signedInContext } from './session';

/**
 * Every route handler of the dashboard API × every kind of caller. The
 * expected status for each is written out here, from the issue's rules, not
 * derived from the code under test.
 */
type Who = 'anonymous' | 'reporter' | 'otherReporter' | 'editor' | 'admin';
const everyone: Who[] = ['anonymous', 'reporter', 'otherReporter', 'editor', 'admin'];

let ctx: Record<Who, APIRequestContext>;
let sectionId: number;
let png: Buffer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#246' } }).png().toBuffer();
  const admin = await signedInContext(baseURL!, 'admin@example.com');
  const stamp = Date.now();
  const created = await admin.post('/api/users', { data: { email: `pv-${stamp}@example.com`, displayName: 'Phóng viên Hai', role: 'reporter', password: 'mat-khau-thu-nghiem' } });
  expect(created.status()).toBe(201);
  ctx = {
    anonymous: await playwrightRequest.newContext({ baseURL }),
    reporter: await signedInContext(baseURL!, 'reporter@example.com'),
    otherReporter: await signedInContext(baseURL!, `pv-${stamp}@example.com`, 'mat-khau-thu-nghiem'),
    editor: await signedInContext(baseURL!, 'editor@example.com'),
    admin,
  };
  sectionId = (await (await admin.get('/api/sections')).json())[0].id;
});

test.afterAll(async () => {
  for (const c of Object.values(ctx ?? {})) await c.dispose();
});

async function reporterDraft(status: 'draft' | 'in_review' = 'draft') {
  const created = await ctx.reporter.post('/api/articles', {
    data: { title: `Bài của phóng viên ${Math.random().toString(36).slice(2, 8)}`, lead: 'Sapo', sectionId, tags: [], coverMediaId: null, byline: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] } },
  });
  expect(created.status()).toBe(201);
  let article = await created.json();
  if (status === 'in_review') article = await (await ctx.reporter.post(`/api/articles/${article.id}/workflow`, { data: { action: 'submit' } })).json();
  return article as { id: number; version: number; status: string };
}

async function currentVersion(id: number): Promise<number> {
  return (await (await ctx.admin.get(`/api/articles/${id}`)).json()).version;
}

type Case = {
  name: string;
  expected: Record<Who, number>;
  run: (c: APIRequestContext, who: Who) => Promise<{ status: () => number }>;
};

const expectAll = (anon: number, reporter: number, other: number, editor: number, admin: number): Record<Who, number> => ({ anonymous: anon, reporter, otherReporter: other, editor, admin });

const cases: Case[] = [
  { name: 'GET /api/me', expected: expectAll(401, 200, 200, 200, 200), run: (c) => c.get('/api/me') },
  { name: 'GET /api/articles', expected: expectAll(401, 200, 200, 200, 200), run: (c) => c.get('/api/articles') },
  {
    name: 'POST /api/articles',
    expected: expectAll(401, 201, 201, 201, 201),
    run: (c) => c.post('/api/articles', { data: { title: 'Bài mới thử quyền', sectionId, lead: '', tags: [], coverMediaId: null, byline: '' } }),
  },
  {
    name: 'GET /api/articles/:id (a reporter’s draft)',
    expected: expectAll(401, 200, 404, 200, 200),
    run: async (c) => c.get(`/api/articles/${(await reporterDraft()).id}`),
  },
  {
    name: 'PATCH /api/articles/:id (a reporter’s draft)',
    expected: expectAll(401, 200, 404, 200, 200),
    run: async (c) => {
      const a = await reporterDraft();
      return c.patch(`/api/articles/${a.id}`, { data: { version: await currentVersion(a.id), lead: 'Sapo đã sửa' } });
    },
  },
  {
    name: 'PATCH /api/articles/:id (submitted for review)',
    expected: expectAll(401, 403, 404, 200, 200),
    run: async (c) => {
      const a = await reporterDraft('in_review');
      return c.patch(`/api/articles/${a.id}`, { data: { version: await currentVersion(a.id), lead: 'Sapo đã sửa' } });
    },
  },
  {
    name: 'DELETE /api/articles/:id (a reporter’s draft)',
    expected: expectAll(401, 204, 404, 204, 204),
    run: async (c) => c.delete(`/api/articles/${(await reporterDraft()).id}`),
  },
  {
    name: 'POST /api/articles/:id/workflow submit',
    expected: expectAll(401, 200, 404, 200, 200),
    run: async (c) => c.post(`/api/articles/${(await reporterDraft()).id}/workflow`, { data: { action: 'submit' } }),
  },
  {
    name: 'POST /api/articles/:id/workflow publish',
    expected: expectAll(401, 403, 404, 200, 200),
    run: async (c) => c.post(`/api/articles/${(await reporterDraft('in_review')).id}/workflow`, { data: { action: 'publish' } }),
  },
  {
    name: 'POST /api/articles/:id/workflow schedule',
    expected: expectAll(401, 403, 404, 200, 200),
    run: async (c) =>
      c.post(`/api/articles/${(await reporterDraft('in_review')).id}/workflow`, { data: { action: 'schedule', publishAt: new Date(Date.now() + 86_400_000).toISOString() } }),
  },
  {
    name: 'POST /api/articles/:id/workflow backToDraft',
    expected: expectAll(401, 403, 404, 200, 200),
    run: async (c) => c.post(`/api/articles/${(await reporterDraft('in_review')).id}/workflow`, { data: { action: 'backToDraft' } }),
  },
  {
    name: 'POST /api/articles/:id/workflow unpublish',
    expected: expectAll(401, 403, 404, 200, 200),
    run: async (c) => {
      const a = await reporterDraft('in_review');
      await ctx.editor.post(`/api/articles/${a.id}/workflow`, { data: { action: 'publish' } });
      return c.post(`/api/articles/${a.id}/workflow`, { data: { action: 'unpublish' } });
    },
  },
  {
    name: 'GET /api/articles/:id/revisions',
    expected: expectAll(401, 200, 404, 200, 200),
    run: async (c) => c.get(`/api/articles/${(await reporterDraft()).id}/revisions`),
  },
  {
    name: 'GET /api/articles/:id/revisions/:revisionId',
    expected: expectAll(401, 200, 404, 200, 200),
    run: async (c) => {
      const a = await reporterDraft();
      const [revision] = await (await ctx.admin.get(`/api/articles/${a.id}/revisions`)).json();
      return c.get(`/api/articles/${a.id}/revisions/${revision.id}`);
    },
  },
  {
    name: 'POST /api/articles/:id/revisions/:revisionId/restore',
    expected: expectAll(401, 200, 404, 200, 200),
    run: async (c) => {
      const a = await reporterDraft();
      const [revision] = await (await ctx.admin.get(`/api/articles/${a.id}/revisions`)).json();
      return c.post(`/api/articles/${a.id}/revisions/${revision.id}/restore`, { data: { version: await currentVersion(a.id) } });
    },
  },
  { name: 'GET /api/media', expected: expectAll(401, 200, 200, 200, 200), run: (c) => c.get('/api/media') },
  {
    name: 'POST /api/media',
    expected: expectAll(401, 201, 201, 201, 201),
    run: (c) => c.post('/api/media', { multipart: { file: { name: 'o-vuong.png', mimeType: 'image/png', buffer: png }, alt: 'Ô vuông xanh' } }),
  },
  {
    name: 'PATCH /api/media/:id (uploaded by the reporter)',
    expected: expectAll(401, 200, 403, 200, 200),
    run: async (c) => {
      const media = await (await ctx.reporter.post('/api/media', { multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: png }, alt: 'a' } })).json();
      return c.patch(`/api/media/${media.id}`, { data: { caption: 'Chú thích mới' } });
    },
  },
  {
    name: 'DELETE /api/media/:id (uploaded by the reporter)',
    expected: expectAll(401, 204, 403, 204, 204),
    run: async (c) => {
      const media = await (await ctx.reporter.post('/api/media', { multipart: { file: { name: 'b.png', mimeType: 'image/png', buffer: png }, alt: 'b' } })).json();
      return c.delete(`/api/media/${media.id}`);
    },
  },
  { name: 'GET /api/sections', expected: expectAll(401, 200, 200, 200, 200), run: (c) => c.get('/api/sections') },
  {
    name: 'POST /api/sections',
    expected: expectAll(401, 403, 403, 201, 201),
    run: (c, who) => c.post('/api/sections', { data: { name: `Chuyên mục ${who} ${Date.now()}` } }),
  },
  {
    name: 'PATCH /api/sections/:id',
    expected: expectAll(401, 403, 403, 200, 200),
    run: async (c) => {
      const s = await (await ctx.admin.post('/api/sections', { data: { name: `Mục tạm ${Date.now()}` } })).json();
      return c.patch(`/api/sections/${s.id}`, { data: { description: 'Mô tả mới' } });
    },
  },
  {
    name: 'DELETE /api/sections/:id',
    expected: expectAll(401, 403, 403, 204, 204),
    run: async (c) => {
      const s = await (await ctx.admin.post('/api/sections', { data: { name: `Mục xóa ${Date.now()}` } })).json();
      return c.delete(`/api/sections/${s.id}`);
    },
  },
  { name: 'GET /api/tags', expected: expectAll(401, 200, 200, 200, 200), run: (c) => c.get('/api/tags') },
  { name: 'POST /api/tags', expected: expectAll(401, 403, 403, 201, 201), run: (c, who) => c.post('/api/tags', { data: { name: `Từ khóa ${who} ${Date.now()}` } }) },
  {
    name: 'PATCH /api/tags/:id',
    expected: expectAll(401, 403, 403, 200, 200),
    run: async (c, who) => {
      const tag = await (await ctx.admin.post('/api/tags', { data: { name: `Tạm ${Date.now()}` } })).json();
      return c.patch(`/api/tags/${tag.id}`, { data: { name: `Đổi tên ${who} ${Date.now()}` } });
    },
  },
  {
    name: 'DELETE /api/tags/:id',
    expected: expectAll(401, 403, 403, 204, 204),
    run: async (c) => {
      const tag = await (await ctx.admin.post('/api/tags', { data: { name: `Xóa ${Date.now()}` } })).json();
      return c.delete(`/api/tags/${tag.id}`);
    },
  },
  { name: 'GET /api/users', expected: expectAll(401, 403, 403, 403, 200), run: (c) => c.get('/api/users') },
  {
    name: 'POST /api/users',
    expected: expectAll(401, 403, 403, 403, 201),
    run: (c, who) => c.post('/api/users', { data: { email: `moi-${who}-${Date.now()}@example.com`, displayName: 'Người mới', role: 'reporter', password: 'mot-mat-khau-dai' } }),
  },
  {
    name: 'PATCH /api/users/:id',
    expected: expectAll(401, 403, 403, 403, 200),
    run: async (c) => {
      const user = await (await ctx.admin.post('/api/users', { data: { email: `sua-${Date.now()}@example.com`, displayName: 'Sẽ đổi quyền', role: 'reporter', password: 'mot-mat-khau-dai' } })).json();
      return c.patch(`/api/users/${user.id}`, { data: { role: 'editor' } });
    },
  },
  { name: 'GET /api/authors', expected: expectAll(401, 200, 200, 200, 200), run: (c) => c.get('/api/authors') },
  { name: 'GET /api/audit', expected: expectAll(401, 403, 403, 200, 200), run: (c) => c.get('/api/audit') },
];

for (const c of cases) {
  test(`${c.name}: ${everyone.map((w) => `${w} ${c.expected[w]}`).join(', ')}`, async () => {
    const seen: Record<string, number> = {};
    for (const who of everyone) seen[who] = (await c.run(ctx[who], who)).status();
    expect(seen).toEqual(c.expected);
  });
}

test('the API explains bad input in Vietnamese, field by field (422)', async () => {
  const response = await ctx.editor.post('/api/articles', { data: { title: 'x', sectionId: 'abc' } });
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.fieldErrors.title[0]).toBe('Tiêu đề cần ít nhất 5 ký tự.');
  expect(body.fieldErrors.sectionId[0]).toBe('Hãy chọn chuyên mục.');
});

/**
 * The admin's signed-in session, as a page on another site would use it: every write carries that
 * site's Origin (or, from browsers that send no Origin, Sec-Fetch-Site: cross-site). Reads go through.
 */
function fromAnotherSite(c: APIRequestContext, headers: Record<string, string>): APIRequestContext {
  const write =
    (method: 'post' | 'patch' | 'put' | 'delete') =>
    (url: string, options: Record<string, unknown> = {}) =>
      c[method](url, { ...options, headers: { ...((options.headers as Record<string, string>) ?? {}), ...headers } });
  return new Proxy(c, {
    get(target, property, receiver) {
      if (property === 'post' || property === 'patch' || property === 'put' || property === 'delete') return write(property);
      return Reflect.get(target, property, receiver);
    },
  });
}

const writes = cases.filter((c) => /^(POST|PATCH|PUT|DELETE) /.test(c.name));

for (const [how, headers] of [
  ['Origin of another site', { Origin: 'https://ke-gian.example' }],
  ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
] as const) {
  test(`every write route refuses a signed-in admin's request sent from another site (${how}): 403`, async () => {
    expect(writes.length).toBeGreaterThanOrEqual(20);
    for (const c of writes) {
      const response = await c.run(fromAnotherSite(ctx.admin, headers), 'admin');
      expect(response.status(), c.name).toBe(403);
    }
  });
}

test('a deactivated account loses access at once', async ({ baseURL }) => {
  const email = `khoa-${Date.now()}@example.com`;
  const user = await (await ctx.admin.post('/api/users', { data: { email, displayName: 'Sẽ bị khóa', role: 'editor', password: 'mot-mat-khau-dai' } })).json();
  const session = await signedInContext(baseURL!, email, 'mot-mat-khau-dai');
  expect((await session.get('/api/users')).status()).toBe(403);
  expect((await session.get('/api/audit')).status()).toBe(200);
  expect((await ctx.admin.patch(`/api/users/${user.id}`, { data: { role: 'reporter' } })).status()).toBe(200);
  expect((await session.get('/api/audit')).status()).toBe(403);
  expect((await ctx.admin.patch(`/api/users/${user.id}`, { data: { active: false } })).status()).toBe(200);
  expect((await session.get('/api/me')).status()).toBe(401);
  await session.dispose();
});

test('a password reset ends the sessions signed in with the old password, and the new one signs in', async ({ baseURL }) => {
  const email = `doi-mk-${Date.now()}@example.com`;
  const user = await (await ctx.admin.post('/api/users', { data: { email, displayName: 'Đổi mật khẩu', role: 'editor', password: 'mat-khau-cu-dai' } })).json();
  const stolen = await signedInContext(baseURL!, email, 'mat-khau-cu-dai');
  expect((await stolen.get('/api/me')).status()).toBe(200);
  expect((await ctx.admin.patch(`/api/users/${user.id}`, { data: { password: 'mat-khau-moi-dai' } })).status()).toBe(200);
  expect((await stolen.get('/api/me')).status()).toBe(401);
  expect((await stolen.get('/api/articles')).status()).toBe(401);
  const fresh = await signedInContext(baseURL!, email, 'mat-khau-moi-dai');
  expect((await fresh.get('/api/me')).status()).toBe(200);
  // The admin's own session is untouched by someone else's reset.
  expect((await ctx.admin.get('/api/me')).status()).toBe(200);
  await Promise.all([stolen.dispose(), fresh.dispose()]);
});

test('bad input is answered 422 in Vietnamese, even where a rule names no message of its own', async () => {
  const position = await ctx.admin.post('/api/sections', { data: { name: 'Mục thử vị trí', position: -5 } });
  expect(position.status()).toBe(422);
  expect((await position.json()).fieldErrors.position).toEqual(['Vị trí phải là số nguyên từ 0 đến 1000.']);
  const page = await ctx.admin.get('/api/articles?pageSize=5000');
  expect(page.status()).toBe(422);
  const { error, fieldErrors } = await page.json();
  const messages = [error, ...Object.values(fieldErrors as Record<string, string[]>).flat()].join(' ');
  expect(messages).not.toMatch(/expected|Too (big|small)|Invalid input/);
  expect(messages).toMatch(/Quá lớn/);
});
