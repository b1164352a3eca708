import { Kysely, Migrator, sql, type Migration, type MigrationProvider, type CreateTableBuilder } from 'kysely';
import { isPostgres } from './client';

/**
 * One set of migrations for both databases. Dialect differences (identity
 * columns, binary type) are decided here and nowhere else.
 */
function dialectTypes(db: Kysely<any>) {
  const pg = isPostgres(db);
  return {
    pg,
    binary: pg ? ('bytea' as const) : ('blob' as const),
    withId<T extends string>(table: CreateTableBuilder<T, never>) {
      return pg
        ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
    },
  };
}

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      const t = dialectTypes(db);

      await t
        .withId(db.schema.createTable('sections'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('description', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await t
        .withId(db.schema.createTable('users'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('reporter', 'editor', 'admin')`))
        .addColumn('password_hash', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await t
        .withId(db.schema.createTable('media'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('caption', 'text')
        .addColumn('credit', 'text')
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('data', t.binary, (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await t
        .withId(db.schema.createTable('articles'))
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('cover_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
        .addColumn('byline', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished')`),
        )
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('seo_title', 'text')
        .addColumn('seo_description', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Every public listing filters on status and orders by published_at.
      await db.schema.createIndex('articles_public_idx').on('articles').columns(['status', 'published_at']).execute();
      await db.schema
        .createIndex('articles_section_public_idx')
        .on('articles')
        .columns(['section_id', 'status', 'published_at'])
        .execute();

      await db.schema
        .createTable('article_slug_history')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await t
        .withId(db.schema.createTable('tags'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();

      await t
        .withId(db.schema.createTable('ratings'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('stars', 'integer', (c) => c.notNull().check(sql`stars between 1 and 5`))
        .addColumn('reader_id', 'text', (c) => c.notNull())
        .addColumn('client_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // The unique indexes are what make "one vote per reader" hold under concurrent requests.
      await db.schema.createIndex('ratings_reader_uq').unique().on('ratings').columns(['article_id', 'reader_id']).execute();
      await db.schema.createIndex('ratings_client_uq').unique().on('ratings').columns(['article_id', 'client_hash']).execute();

      await db.schema
        .createTable('article_views')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'day'])
        .execute();
    },
  },
  '0002_newsroom': {
    async up(db: Kysely<unknown>) {
      const t = dialectTypes(db);

      // Every save of an article, so work can be compared and restored.
      await t
        .withId(db.schema.createTable('article_revisions'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('lead', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('section_id', 'integer', (c) => c.notNull())
        .addColumn('cover_media_id', 'integer')
        .addColumn('byline', 'text', (c) => c.notNull())
        .addColumn('seo_title', 'text')
        .addColumn('seo_description', 'text')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_revisions_article_idx').unique().on('article_revisions').columns(['article_id', 'version']).execute();

      await t
        .withId(db.schema.createTable('audit_log'))
        .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_created_idx').on('audit_log').column('created_at').execute();

      // Failed sign-ins per account and per address; in the database so every instance sees them.
      await db.schema
        .createTable('auth_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('window_started_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute();

      // Tags made stale by a write, for every instance to refresh its own page cache.
      await t
        .withId(db.schema.createTable('cache_invalidations'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createIndex('articles_author_idx').on('articles').column('author_id').execute();
    },
  },
  '0003_preview_links': {
    async up(db: Kysely<unknown>) {
      const t = dialectTypes(db);
      // Share links for previews. Only a hash of the token is kept: a copy of the database gives no working link.
      await t
        .withId(db.schema.createTable('preview_links'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_opened_at', 'text')
        .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('preview_links_article_idx').on('preview_links').column('article_id').execute();
    },
  },
  '0004_search_and_authors': {
    async up(db: Kysely<any>) {
      // Full-text search over folded text (see lib/search): FTS5 in SQLite, a weighted tsvector in PostgreSQL.
      if (isPostgres(db)) {
        await sql`create table article_search (
          article_id integer primary key references articles(id) on delete cascade,
          title text not null, lead text not null, body text not null,
          document tsvector generated always as (
            setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', lead), 'B') || setweight(to_tsvector('simple', body), 'C')
          ) stored)`.execute(db);
        await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
      } else {
        await sql`create virtual table article_search using fts5(title, lead, body, tokenize = 'unicode61')`.execute(db);
      }
      // Author pages group articles by byline.
      await db.schema.alterTable('articles').addColumn('byline_slug', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.createIndex('articles_byline_slug_idx').on('articles').column('byline_slug').execute();
      const { rebuildSearchIndex } = await import('../search/index-articles');
      await rebuildSearchIndex(db);
    },
  },
  '0005_rate_limits': {
    async up(db: Kysely<unknown>) {
      // Request counters per key and window, in the database so the limits hold across instances.
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'integer', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '0006_pending_edits': {
    async up(db: Kysely<unknown>) {
      // Edits to a published article wait here until an editor puts them live; readers keep the published text.
      await db.schema
        .createTable('article_pending_edits')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0007_rating_totals': {
    async up(db: Kysely<unknown>) {
      // The live count and average come from one row per article, kept in the vote's transaction,
      // instead of aggregating every vote on every request (articles with thousands of votes).
      await db.schema
        .createTable('rating_totals')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('votes', 'integer', (c) => c.notNull())
        .addColumn('stars', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into rating_totals (article_id, votes, stars) select article_id, count(*), sum(stars) from ratings group by article_id`.execute(db);
    },
  },
  '0008_search_prefix_index': {
    async up(db: Kysely<unknown>) {
      // Every search word is a prefix ("du" finds "du lịch" and "dựng"). Without prefix indexes
      // FTS5 merges the lists of every word starting so, for each search: 10 ms on average over
      // 10,000 articles, 80 ms for one letter. Indexes of the first 1–4 letters bring that to
      // 3 ms and 9 ms, for about a third more index. (PostgreSQL's GIN index needs no change.)
      if (isPostgres(db)) return;
      await sql`create virtual table article_search_prefixed using fts5(title, lead, body, tokenize = 'unicode61', prefix = '1 2 3 4')`.execute(db);
      await sql`insert into article_search_prefixed (rowid, title, lead, body) select rowid, title, lead, body from article_search`.execute(db);
      await sql`drop table article_search`.execute(db);
      await sql`alter table article_search_prefixed rename to article_search`.execute(db);
    },
  },
  '0009_session_cutoff': {
    async up(db: Kysely<unknown>) {
      // A password reset ends the sessions signed in with the old password (lib/auth/session.ts).
      await db.schema.alterTable('users').addColumn('sessions_valid_after', 'text').execute();
    },
  },
  '0010_fold_function': {
    async up(db: Kysely<unknown>) {
      // fold_vi(text): lower case without Vietnamese diacritics, for "contains" searches that
      // find "Đà Nẵng" when "da nang" or "ĐÀ NẴNG" is typed. SQLite gets the same function from
      // the application at connection time (lib/db/client.ts: foldForSearch).
      if (!isPostgres(db)) return;
      const letters = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
      const from = letters + letters.toUpperCase();
      const to = [...from].map((ch) => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/, 'd').toLowerCase()).join('');
      // Combining marks (text typed decomposed) come last, with nothing to map to: translate() drops them.
      const marks = '\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323';
      await sql`create or replace function fold_vi(t text) returns text language sql immutable strict parallel safe as ${sql.raw(
        `$$ select lower(translate(t, '${from}${marks}', '${to}')) $$`,
      )}`.execute(db);
    },
  },
  '0011_invalidation_time_index': {
    async up(db: Kysely<unknown>) {
      // Each instance reads the last five minutes' rows every few seconds (lib/cache/invalidation-poller.ts).
      await db.schema.createIndex('cache_invalidations_created_idx').on('cache_invalidations').column('created_at').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations; a no-op when the schema is current, so safe to run on every start. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
