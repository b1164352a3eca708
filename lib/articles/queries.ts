import type { DB } from '../db/client';
import type { MediaSummary } from '../media/types';
import { getMediaSummaries, toMediaSummary } from '../media/queries';
import { figureMediaIds, parseBody, type BodyDocument } from './body';

/**
 * Public reads. Every one of them shows only what readers may see:
 * status "published" and a publication time that has passed.
 */

export type ArticleCard = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  byline: string;
  publishedAt: string;
  section: { name: string; slug: string };
  cover: MediaSummary | null;
};

export type PublicArticle = ArticleCard & {
  updatedAt: string;
  seoTitle: string | null;
  seoDescription: string | null;
  body: BodyDocument;
  /** Media used by the body's figures, by id. */
  media: Record<number, MediaSummary>;
  tags: Array<{ name: string; slug: string }>;
};

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number; pageCount: number };

function publicArticles(db: DB, now: string) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.cover_media_id')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now);
}

const cardColumns = [
  'articles.id',
  'articles.title',
  'articles.slug',
  'articles.lead',
  'articles.byline',
  'articles.published_at',
  'sections.name as section_name',
  'sections.slug as section_slug',
  'media.id as cover_id',
  'media.file_name as cover_file_name',
  'media.alt as cover_alt',
  'media.caption as cover_caption',
  'media.credit as cover_credit',
  'media.width as cover_width',
  'media.height as cover_height',
] as const;

type CardRow = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  byline: string;
  published_at: string | null;
  section_name: string;
  section_slug: string;
  cover_id: number | null;
  cover_file_name: string | null;
  cover_alt: string | null;
  cover_caption: string | null;
  cover_credit: string | null;
  cover_width: number | null;
  cover_height: number | null;
};

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    byline: row.byline,
    publishedAt: row.published_at ?? '',
    section: { name: row.section_name, slug: row.section_slug },
    cover:
      row.cover_id != null && row.cover_file_name != null
        ? toMediaSummary({
            id: row.cover_id,
            file_name: row.cover_file_name,
            alt: row.cover_alt ?? '',
            caption: row.cover_caption,
            credit: row.cover_credit,
            width: row.cover_width ?? 0,
            height: row.cover_height ?? 0,
          })
        : null,
  };
}

export async function getPublishedArticleBySlug(db: DB, slug: string, now = new Date().toISOString()): Promise<PublicArticle | null> {
  const row = await publicArticles(db, now)
    .select([...cardColumns, 'articles.body', 'articles.updated_at', 'articles.seo_title', 'articles.seo_description'])
    .where('articles.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const body = parseBody(row.body);
  const [media, tags] = await Promise.all([
    getMediaSummaries(db, figureMediaIds(body)),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.name', 'tags.slug'])
      .where('article_tags.article_id', '=', row.id)
      .orderBy('article_tags.position')
      .execute(),
  ]);
  return {
    ...toCard(row),
    updatedAt: row.updated_at,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    body,
    media,
    tags,
  };
}

/**
 * Where an old slug now lives: the article's current section and slug, if it
 * is public. Used to answer 301 from URLs that were shared before a rename.
 */
export async function findPublishedArticleByOldSlug(db: DB, oldSlug: string, now = new Date().toISOString()) {
  const row = await publicArticles(db, now)
    .innerJoin('article_slug_history', 'article_slug_history.article_id', 'articles.id')
    .select(['articles.slug', 'sections.slug as section_slug'])
    .where('article_slug_history.slug', '=', oldSlug)
    .executeTakeFirst();
  return row ? { slug: row.slug, sectionSlug: row.section_slug } : null;
}

export async function listLatestArticles(db: DB, limit: number, now = new Date().toISOString()): Promise<ArticleCard[]> {
  const rows = await publicArticles(db, now)
    .select(cardColumns)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCard);
}

export async function listSectionArticles(
  db: DB,
  sectionId: number,
  page: number,
  pageSize: number,
  now = new Date().toISOString(),
): Promise<Page<ArticleCard>> {
  const base = publicArticles(db, now).where('articles.section_id', '=', sectionId);
  const [rows, countRow] = await Promise.all([
    base
      .select(cardColumns)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(countRow.total);
  return { items: rows.map(toCard), page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type HomePage = {
  lead: ArticleCard | null;
  latest: ArticleCard[];
  sections: Array<{ section: { name: string; slug: string }; articles: ArticleCard[] }>;
};

/** The front page: the newest story leads, then the latest, then a block per section. */
export async function getHomePage(db: DB, now = new Date().toISOString()): Promise<HomePage> {
  const sections = await db.selectFrom('sections').select(['id', 'name', 'slug']).orderBy('position').orderBy('id').execute();
  const [latest, ...blocks] = await Promise.all([
    listLatestArticles(db, 9, now),
    ...sections.map((s) =>
      publicArticles(db, now)
        .select(cardColumns)
        .where('articles.section_id', '=', s.id)
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(4)
        .execute()
        .then((rows) => rows.map(toCard)),
    ),
  ]);
  return {
    lead: latest[0] ?? null,
    latest: latest.slice(1),
    sections: sections
      .map((s, i) => ({ section: { name: s.name, slug: s.slug }, articles: blocks[i] ?? [] }))
      .filter((block) => block.articles.length > 0),
  };
}
