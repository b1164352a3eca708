import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { getPublishedArticleBySlug } from '../articles/queries';
import { formatVietnamDateTime } from '../time/format';
import { slugify } from '../text/slug';
import { seedDemoContent } from './seed';
import { seedArticle } from './seed-article';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe('demo newsroom', () => {
  it('loads the seed article as the portal showed it', async () => {
    const result = await seedDemoContent(t.db);
    expect(result.seeded).toBe(true);
    expect(result.articles).toBeGreaterThanOrEqual(31);

    const article = await getPublishedArticleBySlug(t.db, slugify(seedArticle.title));
    expect(article).not.toBeNull();
    expect(article!.section.name).toBe('Tin trong tỉnh');
    expect(article!.byline).toBe('Huyền Trang');
    expect(formatVietnamDateTime(article!.publishedAt)).toBe('09/10/2019 15:34');
    const captions = Object.values(article!.media).map((m) => m.caption);
    expect(captions).toEqual(expect.arrayContaining(['Đại biểu tham gia thảo luận tại hội nghị', 'Quang cảnh hội nghị']));
  });

  it('spreads at least 30 more articles over at least 5 sections, with real images', async () => {
    const perSection = await t.db
      .selectFrom('articles')
      .select(['section_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('section_id')
      .execute();
    expect(perSection.length).toBeGreaterThanOrEqual(5);
    expect(perSection.reduce((sum, s) => sum + Number(s.n), 0)).toBeGreaterThanOrEqual(31);

    const image = await t.db.selectFrom('media').select(['data', 'width', 'height']).executeTakeFirstOrThrow();
    const meta = await sharp(Buffer.from(image.data)).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([image.width, image.height]);
  });

  it('never loads into a database that has content', async () => {
    const before = await t.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await seedDemoContent(t.db)).seeded).toBe(false);
    const after = await t.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
