import { z } from 'zod';

/** Far beyond any real archive; larger numbers are refused rather than counted to. */
export const MAX_PAGE = 10_000;

/** `?page=n`, from 1; empty means the first page. */
export const pageParam = z
  .union([z.literal(''), z.coerce.number().int().min(1).max(MAX_PAGE)])
  .optional()
  .transform((v) => (typeof v === 'number' ? v : 1))
  .describe(`Page number, 1–${MAX_PAGE}`);

/** No control characters: PostgreSQL refuses a NUL in text, and no slug has one. */
export const slugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f\u007f]+$/),
});
