import type { ColumnType, Generated } from 'kysely';

/**
 * Table types shared by SQLite and PostgreSQL.
 *
 * Times are stored as ISO-8601 UTC strings ("2019-10-09T08:34:00.000Z") in both
 * databases: they sort and compare correctly as text, and the same value comes
 * back from either driver, so no code path depends on the dialect.
 * Flags are integers (0/1) for the same reason.
 */
export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';
export type UserRole = 'reporter' | 'editor' | 'admin';

export interface SectionsTable {
  id: Generated<number>;
  name: string;
  slug: string;
  position: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: UserRole;
  password_hash: string | null;
  active: number;
  /** Sessions signed in before this moment are over (set when the password is reset). */
  sessions_valid_after: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  section_id: number;
  author_id: number | null;
  title: string;
  slug: string;
  lead: string;
  /** JSON of a ProseMirror/TipTap-compatible document, validated by lib/articles/body.ts */
  body: string;
  cover_media_id: number | null;
  byline: string;
  status: ArticleStatus;
  published_at: string | null;
  published_by: number | null;
  seo_title: string | null;
  seo_description: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** slugify(byline), kept in step by every write: the author page's key. */
  byline_slug: Generated<string>;
}

/** Slugs an article no longer uses; their URLs answer 301 to the current one. */
export interface ArticleSlugHistoryTable {
  slug: string;
  article_id: number;
  created_at: string;
}

export interface MediaTable {
  id: Generated<number>;
  file_name: string;
  mime_type: string;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
  byte_size: number;
  /** The image bytes live in the database so every instance behind a proxy serves the same files. */
  data: Buffer;
  uploaded_by: number | null;
  created_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
  slug: string;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

/** Votes and the sum of their stars per article, kept with every vote (lib/ratings/commands.ts). */
export interface RatingTotalsTable {
  article_id: number;
  votes: number;
  stars: number;
}

export interface RatingsTable {
  id: Generated<number>;
  article_id: number;
  stars: number;
  /** Random id from the reader's cookie. */
  reader_id: string;
  /** HMAC of IP and user agent: a second vote without the cookie is still recognised. */
  client_hash: string;
  created_at: string;
}

export interface ArticleViewsTable {
  article_id: number;
  day: string;
  views: number;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  title: string;
  slug: string;
  lead: string;
  body: string;
  section_id: number;
  cover_media_id: number | null;
  byline: string;
  seo_title: string | null;
  seo_description: string | null;
  /** JSON array of tag names. */
  tags: string;
  created_by: number | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number | null;
  /** JSON object. */
  details: string;
  created_at: string;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface CacheInvalidationsTable {
  id: Generated<number>;
  tag: string;
  created_at: string;
}

export interface PreviewLinksTable {
  id: Generated<number>;
  article_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_opened_at: string | null;
  open_count: number;
}

/** Folded text for search; in SQLite an FTS5 table whose rowid is the article id. */
export interface ArticleSearchTable {
  /** PostgreSQL's key; SQLite's FTS5 table uses rowid instead. Only one of the two is written. */
  article_id: Generated<number>;
  rowid: Generated<number>;
  title: string;
  lead: string;
  body: string;
}

export interface RateLimitsTable {
  key: string;
  /** Seconds since the epoch at which the current window opened. */
  window_start: number;
  count: number;
}

export interface ArticlePendingEditsTable {
  article_id: number;
  /** The version the editor works on; always above the live article's version. */
  version: number;
  /** JSON snapshot of every editable field (see lib/articles/pending.ts). */
  data: string;
  updated_by: number | null;
  updated_at: string;
}

export interface Database {
  article_pending_edits: ArticlePendingEditsTable;
  rate_limits: RateLimitsTable;
  article_search: ArticleSearchTable;
  preview_links: PreviewLinksTable;
  article_revisions: ArticleRevisionsTable;
  audit_log: AuditLogTable;
  auth_throttle: AuthThrottleTable;
  cache_invalidations: CacheInvalidationsTable;
  sections: SectionsTable;
  users: UsersTable;
  articles: ArticlesTable;
  article_slug_history: ArticleSlugHistoryTable;
  media: MediaTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
  ratings: RatingsTable;
  rating_totals: RatingTotalsTable;
  article_views: ArticleViewsTable;
}
