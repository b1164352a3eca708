import { z } from 'zod';
import { bodyDocumentSchema } from './body';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

export const slugSchema = z
  .string()
  .trim()
  .min(3, 'Đường dẫn cần ít nhất 3 ký tự.')
  .max(120, 'Đường dẫn tối đa 120 ký tự.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.');

/** The fields as a save may send them, none with a default (see updateArticleSchema). */
const articleFields = {
  title: z.string().trim().min(5, 'Tiêu đề cần ít nhất 5 ký tự.').max(250, 'Tiêu đề tối đa 250 ký tự.'),
  slug: z.union([slugSchema, z.literal('')]).optional(),
  lead: z.string().trim().max(1000, 'Sapo tối đa 1000 ký tự.'),
  body: bodyDocumentSchema,
  sectionId: z.number({ error: 'Hãy chọn chuyên mục.' }).int().positive('Hãy chọn chuyên mục.'),
  tags: z.array(z.string().trim().min(1, 'Từ khóa không được để trống.').max(60, 'Từ khóa tối đa 60 ký tự.')).max(15, 'Tối đa 15 từ khóa.'),
  coverMediaId: z.number().int().positive().nullable(),
  byline: z.string().trim().max(120, 'Bút danh tối đa 120 ký tự.'),
  seoTitle: optionalText(120, 'Tiêu đề SEO tối đa 120 ký tự.'),
  seoDescription: optionalText(300, 'Mô tả SEO tối đa 300 ký tự.'),
};

/** A new article: what is left out starts empty. */
export const articleFieldsSchema = z.object({
  ...articleFields,
  lead: articleFields.lead.default(''),
  body: articleFields.body.default({ type: 'doc', content: [] }),
  tags: articleFields.tags.default([]),
  coverMediaId: articleFields.coverMediaId.default(null),
  byline: articleFields.byline.default(''),
});

export const createArticleSchema = articleFieldsSchema;
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

/**
 * A save names the version it was based on; a newer version in the database means someone else
 * saved first. Only the fields sent change: built from the fields without defaults, since zod
 * applies a default even to a field `.partial()` made optional (a save of the slug alone would
 * empty the lead, body, tags, cover and byline).
 */
export const updateArticleSchema = z.object(articleFields).partial().extend({
  version: z.number({ error: 'Thiếu phiên bản của bài viết.' }).int().positive(),
});
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

export const workflowSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: z.number().int().positive().optional() }),
  z.object({ action: z.literal('publish'), version: z.number().int().positive().optional() }),
  z.object({ action: z.literal('unpublish'), version: z.number().int().positive().optional() }),
  z.object({ action: z.literal('backToDraft'), version: z.number().int().positive().optional() }),
  // A published article's waiting edit: put it live, or throw it away.
  z.object({ action: z.literal('publishPending'), version: z.number().int().positive().optional() }),
  z.object({ action: z.literal('discardPending'), version: z.number().int().positive().optional() }),
  z.object({
    action: z.literal('schedule'),
    version: z.number().int().positive().optional(),
    publishAt: z.iso.datetime({ offset: true, error: 'Thời điểm hẹn giờ không hợp lệ.' }),
  }),
]);
export type WorkflowInput = z.infer<typeof workflowSchema>;

export const articleListSchema = z.object({
  status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']).optional(),
  sectionId: z.coerce.number().int().positive().optional(),
  authorId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(['updated_desc', 'updated_asc', 'published_desc', 'title_asc']).default('updated_desc'),
});
export type ArticleListQuery = z.infer<typeof articleListSchema>;
