import type { DB } from '../db/client';
import type { ArticleStatus, UserRole } from '../db/schema';
import type { Actor } from './policy';
import { documentFromParagraphs } from './body';

let counter = 0;

/** An active account of a role, as the commands see it. */
export async function insertUser(db: DB, role: UserRole, email = `nguoi-${++counter}@example.com`, displayName = email.split('@')[0]!): Promise<Actor> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('users')
    .values({ email, display_name: displayName, role, password_hash: null, active: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, role };
}

export async function insertSection(db: DB, slug = `muc-${++counter}`, name = `Chuyên mục ${counter}`) {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('sections')
    .values({ name, slug, position: counter, description: null, created_at: now, updated_at: now })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function insertArticle(
  db: DB,
  sectionId: number,
  overrides: Partial<{ title: string; slug: string; status: ArticleStatus; publishedAt: string | null; lead: string; body: string }> = {},
) {
  const n = ++counter;
  const now = new Date().toISOString();
  const row = await db
    .insertInto('articles')
    .values({
      section_id: sectionId,
      author_id: null,
      title: overrides.title ?? `Bài viết thử nghiệm số ${n}`,
      slug: overrides.slug ?? `bai-viet-thu-nghiem-${n}`,
      lead: overrides.lead ?? 'Sapo của bài viết.',
      body: overrides.body ?? JSON.stringify(documentFromParagraphs(['Đoạn thứ nhất.', 'Đoạn thứ hai.'])),
      cover_media_id: null,
      byline: 'Phóng viên',
      status: overrides.status ?? 'published',
      published_at: overrides.publishedAt === undefined ? new Date(Date.now() - n * 60_000).toISOString() : overrides.publishedAt,
      published_by: null,
      seo_title: null,
      seo_description: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  return row;
}
