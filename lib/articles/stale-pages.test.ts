import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { cacheTags } from '../cache/tags';
import { renameTag } from '../tags/commands';
import { recordView } from '../views/commands';
import { documentFromParagraphs } from './body';
import { createArticle, runWorkflow, updateArticle } from './commands';
import { insertSection, insertUser } from './test-fixtures';
import type { Actor } from './policy';

/**
 * Which pages a write refreshes (the tags it records for every instance): exactly those it made
 * stale. Article pages carry their own article, their section's and their tags' "Tin liên quan",
 * and "Đọc nhiều" (lib/cache/tags.ts); a publish must not refresh every article page.
 */
let t: TestDatabase;
let editor: Actor;
let section: { id: number; slug: string };

beforeAll(async () => {
  t = await createTestDatabase();
  editor = await insertUser(t.db, 'editor');
  section = await insertSection(t.db, 'van-hoa', 'Văn hóa');
});
beforeEach(async () => {
  await t.db.deleteFrom('cache_invalidations').execute();
});
afterAll(async () => t?.cleanup());

const recorded = async () => (await t.db.selectFrom('cache_invalidations').select('tag').execute()).map((r) => r.tag).sort();

async function published(title: string, tags: string[]) {
  const draft = await createArticle(t.db, editor, { title, lead: 'Sapo', body: documentFromParagraphs(['Nội dung.']), sectionId: section.id, tags, coverMediaId: null, byline: '', seoTitle: null, seoDescription: null });
  return runWorkflow(t.db, editor, draft.id, { action: 'publish' });
}

describe('the pages a write refreshes', () => {
  it('a first publish: the lists, its section, its own page and the "Tin liên quan" of its tags, not "Đọc nhiều"', async () => {
    const article = await published('Lễ hội Đền Hùng', ['Lễ hội', 'Phú Thọ']);
    expect(await recorded()).toEqual(
      [cacheTags.articleLists, cacheTags.articleSlug(article.slug), cacheTags.section('van-hoa'), cacheTags.tag('le-hoi'), cacheTags.tag('phu-tho')].sort(),
    );
  });

  it('unpublishing an article among the most read refreshes "Đọc nhiều" (on every article page) as well', async () => {
    const article = await published('Hát Xoan Phú Thọ', ['Hát Xoan']);
    await recordView(t.db, article.id);
    await t.db.deleteFrom('cache_invalidations').execute();
    await runWorkflow(t.db, editor, article.id, { action: 'unpublish' });
    expect(await recorded()).toContain(cacheTags.mostRead);
    expect(await recorded()).toContain(cacheTags.tag('hat-xoan'));
  });

  it("an edit put live that changes the tags refreshes the old tags' and the new tags' related reading", async () => {
    const article = await published('Bánh chưng Làng Chời', ['Ẩm thực']);
    await t.db.deleteFrom('cache_invalidations').execute();
    const pending = await updateArticle(t.db, editor, article.id, { version: article.version, tags: ['Tết'] });
    // Waiting to be put live: readers still see the published text, nothing is refreshed yet.
    expect(await recorded()).toEqual([]);
    await runWorkflow(t.db, editor, article.id, { action: 'publishPending', version: pending.version });
    const tags = await recorded();
    expect(tags).toContain(cacheTags.tag('am-thuc'));
    expect(tags).toContain(cacheTags.tag('tet'));
    expect(tags).toContain(cacheTags.articleSlug(article.slug));
  });

  it("renaming a tag refreshes the pages of the published articles that show it, and their related reading", async () => {
    const article = await published('Chợ quê ngày Tết', ['Chợ quê']);
    const tag = await t.db.selectFrom('tags').select('id').where('slug', '=', 'cho-que').executeTakeFirstOrThrow();
    await t.db.deleteFrom('cache_invalidations').execute();
    await renameTag(t.db, editor, tag.id, 'Chợ phiên');
    expect(await recorded()).toEqual([cacheTags.articleLists, cacheTags.articleSlug(article.slug), cacheTags.tag('cho-phien'), cacheTags.tag('cho-que')].sort());
  });
});
