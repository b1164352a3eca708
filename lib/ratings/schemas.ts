import { z } from 'zod';

export const ratingInputSchema = z.object({
  stars: z.coerce
    .number({ error: 'Hãy chọn số sao từ 1 đến 5.' })
    .int('Số sao phải là số nguyên từ 1 đến 5.')
    .min(1, 'Số sao phải từ 1 đến 5.')
    .max(5, 'Số sao phải từ 1 đến 5.'),
});

export const articleIdSchema = z.coerce.number().int().positive();
