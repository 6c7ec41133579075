/**
 * The material form of the back office (upload and edit): its fields, its
 * rules (zod) and its errors in the staff member's language. The file itself
 * is checked by content in upload.ts; here only whether one came and its size.
 */
import { z } from 'zod';
import { textField } from '../web/forms/form-text.js';
import type { Locale, Translate } from '../web/i18n.js';
import { formatFileSize } from './file-info.js';
import { MATERIAL_VISIBILITIES, type MaterialVisibility } from './materials.table.js';
import { needsEvent } from './visibility.js';

export const TITLE_MAX = 200;

export interface MaterialDraft {
  title: string;
  visibility: string;
  event: string;
  article: string;
}

export type MaterialField = 'file' | 'title' | 'visibility' | 'event' | 'article';

export interface MaterialFieldError {
  key: MaterialField;
  message: string;
}

export interface MaterialFields {
  /** '' means: use the file name. */
  title: string;
  visibility: MaterialVisibility;
  eventId: number | null;
  articleId: number | null;
}

/** What the upload brought: nothing, a file over the limit, or a file on disk to be checked. */
export type UploadState = { kind: 'none' } | { kind: 'tooLarge' } | { kind: 'file'; tempPath: string; sentName: string; size: number };

function first(body: unknown, name: string): string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return '';
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function materialDraftFrom(body: unknown): MaterialDraft {
  return { title: first(body, 'title'), visibility: first(body, 'visibility'), event: first(body, 'event'), article: first(body, 'article') };
}

const optionalId = z
  .string()
  .trim()
  .regex(/^(|[1-9]\d{0,9})$/)
  .transform((v) => (v === '' ? null : Number(v)))
  .refine((v) => v === null || v <= 2_147_483_647);

const schema = z.object({
  title: textField(TITLE_MAX),
  visibility: z.enum(MATERIAL_VISIBILITIES),
  event: optionalId,
  article: optionalId,
});

export function sizeLimitText(maxBytes: number, locale: Locale): string {
  return formatFileSize(maxBytes, locale);
}

/**
 * Checks the form's fields and whether a file came when one is needed
 * (upload: always; edit: only to replace). Owners are checked to exist by the service.
 */
export function parseMaterialDraft(
  draft: MaterialDraft,
  upload: UploadState,
  options: { fileRequired: boolean; maxBytes: number; locale: Locale; t: Translate },
): { ok: true; fields: MaterialFields } | { ok: false; errors: MaterialFieldError[] } {
  const { t } = options;
  const errors: MaterialFieldError[] = [];
  if (upload.kind === 'tooLarge')
    errors.push({ key: 'file', message: t('materials.admin.error.file.tooLarge', { max: sizeLimitText(options.maxBytes, options.locale) }) });
  else if (upload.kind === 'none' && options.fileRequired) errors.push({ key: 'file', message: t('materials.admin.error.file.required') });
  else if (upload.kind === 'file' && upload.size === 0) errors.push({ key: 'file', message: t('materials.admin.error.file.empty') });

  const parsed = schema.safeParse(draft);
  if (!parsed.success) {
    const keys = new Set(parsed.error.issues.map((i) => i.path[0]));
    if (keys.has('title')) errors.push({ key: 'title', message: t('materials.admin.error.title', { max: TITLE_MAX }) });
    if (keys.has('visibility')) errors.push({ key: 'visibility', message: t('materials.admin.error.visibility') });
    if (keys.has('event')) errors.push({ key: 'event', message: t('materials.admin.error.event.unknown') });
    if (keys.has('article')) errors.push({ key: 'article', message: t('materials.admin.error.article.unknown') });
    return { ok: false, errors };
  }
  const { title, visibility, event, article } = parsed.data;
  if (needsEvent(visibility) && event === null) errors.push({ key: 'event', message: t('materials.admin.error.event.required') });
  else if (event === null && article === null) errors.push({ key: 'event', message: t('materials.admin.error.owner') });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, fields: { title, visibility, eventId: event, articleId: article } };
}
