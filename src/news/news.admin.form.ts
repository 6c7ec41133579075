/**
 * The article form of the back office: what it posts, its rules (zod), and
 * its errors in the staff member's language. Works without JavaScript: the
 * same POST either previews or saves.
 */
import { z } from 'zod';
import { danishTimeToUtc, localDateKey, localTimeKey } from '../lib/dates.js';
import { textField, textIssueOf } from '../web/forms/form-text.js';
import type { MessageKey, Translate } from '../web/i18n.js';
import { SLUG_MAX, slugify } from './slug.js';

export const ARTICLE_LIMITS = { headline: 200, lede: 600, author: 120, body: 100_000, slug: SLUG_MAX, events: 10 } as const;

/** The form as posted (and as shown again): every value a string. */
export interface ArticleDraft {
  headline: string;
  slug: string;
  lede: string;
  author: string;
  body: string;
  status: string;
  publishDate: string;
  publishTime: string;
  /** Event ids of the slots in order; '' for an empty slot. */
  events: string[];
}

export type PublishAt = { kind: 'draft' } | { kind: 'now' } | { kind: 'at'; iso: string };

/** The article as the form means it, before the database has had its say (slug taken, events gone). */
export interface ArticleFields {
  headline: string;
  /** '' means: make one from the headline. */
  slug: string;
  lede: string;
  author: string;
  body: string;
  publish: PublishAt;
  eventIds: number[];
}

export interface FieldError {
  /** The field the error is shown beside. */
  key: ArticleField;
  message: string;
}

export type ArticleField = 'headline' | 'slug' | 'lede' | 'author' | 'body' | 'status' | 'publishDate' | 'publishTime' | 'events';

export const emptyArticleDraft = (): ArticleDraft => ({
  headline: '',
  slug: '',
  lede: '',
  author: '',
  body: '',
  status: 'draft',
  publishDate: '',
  publishTime: '',
  events: [],
});

function first(body: unknown, name: string): string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return '';
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

function all(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The draft a POST carries; anything missing or odd becomes ''. */
export function articleDraftFrom(body: unknown): ArticleDraft {
  return {
    headline: first(body, 'headline'),
    slug: first(body, 'slug'),
    lede: first(body, 'lede'),
    author: first(body, 'author'),
    body: first(body, 'body'),
    status: first(body, 'status'),
    publishDate: first(body, 'publishDate'),
    publishTime: first(body, 'publishTime'),
    events: all(body, 'events').slice(0, 50),
  };
}

const textSchema = z.object({
  headline: textField(ARTICLE_LIMITS.headline, { required: true }),
  slug: textField(ARTICLE_LIMITS.slug * 3),
  lede: textField(ARTICLE_LIMITS.lede, { multiline: true }),
  author: textField(ARTICLE_LIMITS.author),
  body: textField(ARTICLE_LIMITS.body, { multiline: true }),
});

const labelKeys: Record<ArticleField, MessageKey> = {
  headline: 'news.admin.field.headline',
  slug: 'news.admin.field.slug',
  lede: 'news.admin.field.lede',
  author: 'news.admin.field.author',
  body: 'news.admin.field.body',
  status: 'news.admin.field.status',
  publishDate: 'news.admin.field.publishDate',
  publishTime: 'news.admin.field.publishTime',
  events: 'news.admin.field.events',
};

/** "2026-05-24" (date inputs), "24-05-2026", "24.5.2026" or "24/5/2026" → "2026-05-24", if a real date. */
export function parseDateInput(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dk ? [dk[3], dk[2], dk[1]] : [];
  if (!y || !m || !d) return undefined;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "09:30", "9.30" or "0930" → "09:30", if a real time. */
export function parseTimeInput(value: string): string | undefined {
  const t = /^(\d{1,2})[:.]?(\d{2})$/.exec(value.trim());
  if (!t) return undefined;
  const h = Number(t[1]);
  const min = Number(t[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** A stored time as the form's date and time fields show it, in Danish time. */
export function publishFieldsOf(iso: string): { publishDate: string; publishTime: string } {
  const time = localTimeKey(iso);
  const [y, m, d] = localDateKey(iso).split('-');
  return { publishDate: `${d}-${m}-${y}`, publishTime: time };
}

/**
 * Checks a draft. Returns the fields, or the errors in form order. The slug
 * typed is tidied (Danish letters written out, spaces to hyphens) rather than
 * refused; a slug that is empty after that is made from the headline later.
 */
export function parseArticleDraft(draft: ArticleDraft, t: Translate): { ok: true; fields: ArticleFields } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const parsed = textSchema.safeParse(draft);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as ArticleField;
      if (seen.has(key)) continue;
      seen.add(key);
      const code = textIssueOf(issue);
      const field = t(labelKeys[key]);
      const max = ARTICLE_LIMITS[key as keyof typeof ARTICLE_LIMITS];
      errors.push({
        key,
        message:
          code === 'required'
            ? t('news.admin.error.headline.required')
            : code === 'too_long'
              ? t('news.admin.error.tooLong', { field, max })
              : t('news.admin.error.characters', { field }),
      });
    }
  }
  let slug = '';
  if (!errors.some((e) => e.key === 'slug') && draft.slug.trim() !== '') {
    slug = slugify(draft.slug);
    if (slug === '') errors.push({ key: 'slug', message: t('news.admin.error.slug.empty') });
  }

  let publish: PublishAt = { kind: 'draft' };
  if (draft.status === 'publish') {
    const dateText = draft.publishDate.trim();
    const timeText = draft.publishTime.trim();
    if (dateText === '' && timeText === '') {
      publish = { kind: 'now' };
    } else if (dateText === '' || timeText === '') {
      errors.push({ key: dateText === '' ? 'publishDate' : 'publishTime', message: t('news.admin.error.publishPartial') });
    } else {
      const date = parseDateInput(dateText);
      const time = parseTimeInput(timeText);
      if (!date) errors.push({ key: 'publishDate', message: t('news.admin.error.publishDate') });
      if (!time) errors.push({ key: 'publishTime', message: t('news.admin.error.publishTime') });
      if (date && time) publish = { kind: 'at', iso: danishTimeToUtc(date, time) };
    }
  } else if (draft.status !== 'draft') {
    errors.push({ key: 'status', message: t('news.admin.error.status') });
  }

  const chosen = draft.events.map((e) => e.trim()).filter((e) => e !== '');
  const eventIds: number[] = [];
  for (const value of chosen) {
    const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id > 2_147_483_647) {
      errors.push({ key: 'events', message: t('news.admin.error.events.unknown') });
      break;
    }
    if (eventIds.includes(id)) {
      errors.push({ key: 'events', message: t('news.admin.error.events.duplicate') });
      break;
    }
    eventIds.push(id);
  }
  if (eventIds.length > ARTICLE_LIMITS.events && !errors.some((e) => e.key === 'events')) {
    errors.push({ key: 'events', message: t('news.admin.error.events.unknown') });
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, fields: { ...parsed.data, slug, publish, eventIds } };
}

const ORDER: ArticleField[] = ['headline', 'slug', 'lede', 'author', 'body', 'status', 'publishDate', 'publishTime', 'events'];

export function sortErrors(errors: FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
}

/** The status an article has at `now`. */
export type ArticleState = 'draft' | 'scheduled' | 'published';

export function articleState(publishedAt: string | null, now: Date): ArticleState {
  if (publishedAt === null) return 'draft';
  return publishedAt > now.toISOString() ? 'scheduled' : 'published';
}
