import { expect, type APIRequestContext } from '@playwright/test';

export type CreatedArticle = { id: number; slug: string; title: string; version: number };

/** A draft written through the API by a signed-in context: one paragraph, in a section chosen by slug. */
export async function draftThroughApi(
  ctx: APIRequestContext,
  { title, sectionSlug = 'tin-trong-tinh', lead = 'Sapo.', tags = [] }: { title: string; sectionSlug?: string; lead?: string; tags?: string[] },
): Promise<CreatedArticle> {
  const sections = (await (await ctx.get('/api/sections')).json()) as Array<{ id: number; slug: string }>;
  const section = sections.find((s) => s.slug === sectionSlug);
  if (!section) throw new Error(`no section ${sectionSlug}`);
  const created = await ctx.post('/api/articles', {
    data: { title, lead, sectionId: section.id, tags, coverMediaId: null, byline: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] } },
  });
  expect(created.status()).toBe(201);
  return created.json();
}

/** A workflow action (publish, unpublish…) that must succeed. */
export async function workflow(ctx: APIRequestContext, id: number, action: string): Promise<void> {
  expect((await ctx.post(`/api/articles/${id}/workflow`, { data: { action } })).status()).toBe(200);
}
