/**
 * Messages from the back office to an event's participants (the confirmed,
 * the waiting list or both): checking what staff wrote, a preview for one
 * recipient per language, sending through the outbox, and the progress and
 * delivery log read back from the outbox rows.
 *
 * Sending is one write transaction: the campaign row, one outbox mail per
 * recipient in their sign-up language and one campaign_recipients row each,
 * and the audit entry commit together or not at all. The form's one-time
 * submission key (stored as its SHA-256, UNIQUE) makes a second submit of the
 * same form find the first campaign instead of mailing everyone again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { tablesOfEventParticipants, tablesText, type GroupTables } from '../groups/groups.service.js';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import type { Database } from '../db/database.js';
import { isUniqueViolation, writeTransaction } from '../db/dialect.js';
import { oneLine, recipient, renderText } from './mail/content.js';
import { renderHtml } from './mail/mail-html.js';
import { whenText } from './mail/when-text.js';
import type { StaffIdentity } from '../staff/identity.js';
import { recordAudit } from '../staff/audit.js';
import { textField, textIssueOf } from '../web/forms/form-text.js';
import { translator, type Translate } from '../web/i18n.js';
import { paths } from '../web/paths.js';
import {
  campaignMail,
  isTemplateId,
  textFor,
  TEMPLATES,
  type Locale,
  type MessageText,
  type PlaceholderValues,
  type TemplateId,
} from './campaign-templates.js';
import { CAMPAIGN_AUDIENCES, type CampaignAudience } from './campaigns.table.js';
import * as q from './campaigns.queries.js';
import { enqueueMail, notifyOutbox } from './outbox.service.js';
import { unfinishedParts } from './unfinished-text.js';

export const CAMPAIGN_LIMITS = { subject: 200, body: 10_000 } as const;

/** The form as posted and shown again: every value a string. */
export interface CampaignDraft {
  audience: string;
  template: string;
  subjectDa: string;
  bodyDa: string;
  subjectEn: string;
  bodyEn: string;
  /** One per form: a second submit with the same key sends nothing more. */
  submissionKey: string;
}

export type CampaignField = 'audience' | 'subjectDa' | 'bodyDa' | 'subjectEn' | 'bodyEn';
const FIELD_ORDER: CampaignField[] = ['audience', 'subjectDa', 'bodyDa', 'subjectEn', 'bodyEn'];

export interface CampaignFieldError {
  key: CampaignField;
  message: string;
}

/** A checked message: ready to preview and to send. */
export interface CampaignFields {
  audience: CampaignAudience;
  template: TemplateId;
  da: MessageText;
  /** Both empty when written in Danish only. */
  en: MessageText;
}

export function newSubmissionKey(): string {
  return randomBytes(24).toString('base64url');
}

export function isSubmissionKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(value);
}

const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new form, filled from a template. */
export function draftFromTemplate(template: unknown, audience = 'confirmed'): CampaignDraft {
  const id: TemplateId = isTemplateId(template) ? template : 'blank';
  const t = TEMPLATES[id];
  return { audience, template: id, subjectDa: t.da.subject, bodyDa: t.da.body, subjectEn: t.en.subject, bodyEn: t.en.body, submissionKey: newSubmissionKey() };
}

/** The draft a POST carries; anything missing or odd becomes ''. */
export function campaignDraftFrom(body: unknown): CampaignDraft {
  return {
    audience: formField(body, 'audience') ?? '',
    template: formField(body, 'template') ?? '',
    subjectDa: formField(body, 'subjectDa') ?? '',
    bodyDa: formField(body, 'bodyDa') ?? '',
    subjectEn: formField(body, 'subjectEn') ?? '',
    bodyEn: formField(body, 'bodyEn') ?? '',
    submissionKey: formField(body, 'submissionKey') ?? '',
  };
}

const schemas = {
  subjectDa: textField(CAMPAIGN_LIMITS.subject, { required: true }),
  bodyDa: textField(CAMPAIGN_LIMITS.body, { multiline: true, required: true }),
  subjectEn: textField(CAMPAIGN_LIMITS.subject),
  bodyEn: textField(CAMPAIGN_LIMITS.body, { multiline: true }),
} as const;

const LABELS = {
  subjectDa: 'campaigns.field.subjectDa',
  bodyDa: 'campaigns.field.bodyDa',
  subjectEn: 'campaigns.field.subjectEn',
  bodyEn: 'campaigns.field.bodyEn',
} as const;

/**
 * Checks a draft: who it goes to, the Danish subject and text (required),
 * the English ones (both or neither), lengths, characters and placeholders.
 * Errors come in form order, in the staff member's language.
 */
export function parseCampaignDraft(draft: CampaignDraft, t: Translate): { ok: true; fields: CampaignFields } | { ok: false; errors: CampaignFieldError[] } {
  const errors: CampaignFieldError[] = [];
  const audience = (CAMPAIGN_AUDIENCES as readonly string[]).includes(draft.audience) ? (draft.audience as CampaignAudience) : undefined;
  if (!audience) errors.push({ key: 'audience', message: t('campaigns.error.audience') });
  const text = {} as Record<keyof typeof schemas, string>;
  for (const key of Object.keys(schemas) as Array<keyof typeof schemas>) {
    const parsed = schemas[key].safeParse(draft[key]);
    if (!parsed.success) {
      const code = textIssueOf(parsed.error.issues[0]!);
      const field = t(LABELS[key]);
      errors.push({
        key,
        message:
          code === 'required'
            ? t('campaigns.error.required', { field })
            : code === 'too_long'
              ? t('campaigns.error.tooLong', { field, max: CAMPAIGN_LIMITS[key.startsWith('subject') ? 'subject' : 'body'] })
              : t('campaigns.error.characters', { field }),
      });
      continue;
    }
    text[key] = parsed.data;
    const unfinished = unfinishedMessage(parsed.data, t(LABELS[key]), t);
    if (unfinished) errors.push({ key, message: unfinished });
  }
  const hasEnSubject = (text.subjectEn ?? '') !== '';
  const hasEnBody = (text.bodyEn ?? '') !== '';
  if (text.subjectEn !== undefined && text.bodyEn !== undefined && hasEnSubject !== hasEnBody) {
    errors.push({ key: hasEnSubject ? 'bodyEn' : 'subjectEn', message: t('campaigns.error.englishBoth') });
  }
  if (errors.length > 0 || !audience) return { ok: false, errors: errors.sort((a, b) => FIELD_ORDER.indexOf(a.key) - FIELD_ORDER.indexOf(b.key)) };
  return {
    ok: true,
    fields: {
      audience,
      template: isTemplateId(draft.template) ? draft.template : 'blank',
      da: { subject: text.subjectDa, body: text.bodyDa },
      en: { subject: text.subjectEn, body: text.bodyEn },
    },
  };
}

/**
 * Why a text cannot be sent as written (unfinished-text.ts), in one message:
 * unknown placeholders first (they are named), then a gap in brackets.
 */
function unfinishedMessage(text: string, field: string, t: Translate): string | undefined {
  const parts = unfinishedParts(text);
  const unknown = parts.flatMap((p) => (p.kind === 'placeholder' ? [`{{${p.name}}}`] : []));
  if (unknown.length > 0) return t('campaigns.error.placeholder', { field, names: unknown.slice(0, 5).join(', ') });
  const broken = parts.find((p) => p.kind === 'brokenPlaceholder');
  if (broken) return t('campaigns.error.brokenPlaceholder', { field, excerpt: broken.excerpt });
  const gap = parts.find((p) => p.kind === 'bracket');
  if (gap) return t('campaigns.error.bracket', { field, excerpt: gap.excerpt });
  return undefined;
}

/** What each placeholder becomes for one recipient, in the language of their mail. */
export function placeholderValues(ctx: AppContext, event: q.MessagesEventRow, name: string, locale: Locale, tables?: GroupTables): PlaceholderValues {
  const venue =
    event.type === 'webinar'
      ? translator(locale)('event.online')
      : [event.venue_name, event.venue_address, `${event.venue_postal_code ?? ''} ${event.venue_city ?? ''}`.trim()].filter((s): s is string => !!s && s.trim() !== '').join(', ');
  return {
    name: oneLine(name),
    event: oneLine(event.title),
    date: whenText(event.starts_at, event.ends_at, locale),
    venue,
    link: ctx.config.baseUrl + paths.event(locale, event.slug),
    myBookings: ctx.config.baseUrl + paths.myBookings(locale),
    tables: tablesText(tables, locale) || translator(locale)('groups.mail.none'),
  };
}

function footerOf(event: q.MessagesEventRow, locale: Locale): string {
  return translator(locale)('campaigns.mail.footer', { event: oneLine(event.title), site: translator(locale)('site.name') });
}

/** The mail one recipient gets: their sign-up language when the message has it, else Danish. */
export function mailFor(ctx: AppContext, event: q.MessagesEventRow, fields: Pick<CampaignFields, 'da' | 'en'>, r: Pick<q.RecipientRow, 'name' | 'locale'>, tables?: GroupTables) {
  const chosen = textFor({ da: fields.da, en: fields.en }, r.locale);
  const content = campaignMail(chosen.text, placeholderValues(ctx, event, r.name, chosen.locale, tables), chosen.locale, footerOf(event, chosen.locale));
  return { locale: chosen.locale, content };
}

export interface CampaignPreview {
  recipientCount: number;
  /** How many get the Danish and how many the English text. */
  byLanguage: Record<Locale, number>;
  /** The mail as the first recipient in each language gets it. */
  samples: Array<{ name: string; email: string; locale: Locale; subject: string; paragraphs: string[]; footer: string }>;
}

export async function eventForMessages(ctx: AppContext, eventId: number) {
  return q.eventForMessages(ctx.db, eventId);
}

export async function previewCampaign(ctx: AppContext, event: q.MessagesEventRow, fields: CampaignFields): Promise<CampaignPreview> {
  const recipients = await q.recipientsOf(ctx.db, event.id, fields.audience);
  const tables = await tablesOfEventParticipants(ctx, event.id);
  const byLanguage: Record<Locale, number> = { da: 0, en: 0 };
  const samples: CampaignPreview['samples'] = [];
  for (const r of recipients) {
    const mail = mailFor(ctx, event, fields, r, tables.get(r.id));
    byLanguage[mail.locale] += 1;
    if (!samples.some((s) => s.locale === mail.locale)) {
      samples.push({
        name: r.name,
        email: r.email,
        locale: mail.locale,
        subject: mail.content.subject,
        paragraphs: mail.content.blocks.map((b) => (b.kind === 'p' ? b.text : '')),
        footer: mail.content.footer,
      });
    }
  }
  return { recipientCount: recipients.length, byLanguage, samples };
}

export type SendResult = { ok: true; campaignId: number; eventId: number; repeated: boolean } | { ok: false; reason: 'noRecipients' };

/** Sends a checked message to its audience through the outbox, once per submission key. */
export async function sendCampaign(ctx: AppContext, staff: StaffIdentity, event: q.MessagesEventRow, fields: CampaignFields, submissionKey: string): Promise<SendResult> {
  const keyHash = hashKey(submissionKey);
  const now = ctx.clock.now();
  // Read before the write transaction: on SQLite it holds the one connection.
  const tables = await tablesOfEventParticipants(ctx, event.id);
  const attempt = () =>
    writeTransaction(ctx.db, async (trx): Promise<SendResult> => {
      const earlier = await q.campaignByKeyHash(trx, keyHash);
      if (earlier) return { ok: true, campaignId: earlier.id, eventId: earlier.event_id, repeated: true };
      const recipients = await q.recipientsOf(trx, event.id, fields.audience);
      if (recipients.length === 0) return { ok: false, reason: 'noRecipients' };
      const campaignId = await q.insertCampaign(trx, {
        event_id: event.id,
        audience: fields.audience,
        template: fields.template,
        subject_da: fields.da.subject,
        body_da: fields.da.body,
        subject_en: fields.en.subject,
        body_en: fields.en.body,
        created_by_id: staff.id,
        created_by_name: staff.name,
        submission_key_hash: keyHash,
        recipient_count: recipients.length,
        created_at: now.toISOString(),
      });
      const rows = [];
      for (const r of recipients) {
        const mail = mailFor(ctx, event, fields, r, tables.get(r.id));
        const queued = await enqueueMail(
          trx,
          {
            to: recipient(r.name, r.email),
            subject: mail.content.subject,
            text: renderText(mail.content),
            html: renderHtml(mail.content),
            locale: mail.locale,
            dedupeKey: `campaign:${campaignId}:participant:${r.id}`,
          },
          now,
        );
        rows.push({ campaign_id: campaignId, outbox_id: queued.id, participant_id: r.id, registration_id: r.registration_id, locale: mail.locale });
      }
      await q.insertCampaignRecipients(trx, rows);
      await recordAudit(trx, {
        actor: staff,
        action: 'campaign.send',
        entityType: 'message_campaign',
        entityId: campaignId,
        after: { eventId: event.id, audience: fields.audience, template: fields.template, subjectDa: fields.da.subject, subjectEn: fields.en.subject, recipientCount: recipients.length },
        at: now,
      });
      return { ok: true, campaignId, eventId: event.id, repeated: false };
    });
  let result: SendResult;
  try {
    result = await attempt();
  } catch (error) {
    // Two submits of one form at the same moment (PostgreSQL): the second
    // trips over the first's key and answers with the first's campaign.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await q.campaignByKeyHash(ctx.db, keyHash);
    if (!earlier) throw error;
    result = { ok: true, campaignId: earlier.id, eventId: earlier.event_id, repeated: true };
  }
  if (result.ok && !result.repeated) notifyOutbox();
  return result;
}

export interface DeliveryCounts {
  total: number;
  /** Waiting in the outbox or being sent right now. */
  queued: number;
  sent: number;
  failed: number;
}

function countsFrom(rows: Array<{ status: string; n: number }>): DeliveryCounts {
  const c: DeliveryCounts = { total: 0, queued: 0, sent: 0, failed: 0 };
  for (const r of rows) {
    c.total += r.n;
    if (r.status === 'sent') c.sent += r.n;
    else if (r.status === 'failed') c.failed += r.n;
    else c.queued += r.n;
  }
  return c;
}

/** The campaigns sent for an event, newest first, with their delivery counts. */
export async function campaignsOverview(db: Database, eventId: number) {
  const campaigns = await q.campaignsOfEvent(db, eventId);
  const counts = await q.deliveryCounts(
    db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => ({ ...c, counts: countsFrom(counts.filter((r) => r.campaignId === c.id)) }));
}
export type CampaignOverviewRow = Awaited<ReturnType<typeof campaignsOverview>>[number];

/** One campaign's counts and, unless only the counts are asked for, its delivery log. */
export async function campaignProgress(db: Database, eventId: number, campaignId: number) {
  const campaign = await q.campaignOfEvent(db, eventId, campaignId);
  if (!campaign) return undefined;
  const log = await q.deliveryLog(db, campaignId);
  return { campaign, counts: countsFrom(log.map((r) => ({ status: r.status, n: 1 }))), log };
}
export type CampaignProgress = NonNullable<Awaited<ReturnType<typeof campaignProgress>>>;

/** Only the counts (for the page's polling script). */
export async function campaignCounts(db: Database, eventId: number, campaignId: number): Promise<DeliveryCounts | undefined> {
  const campaign = await q.campaignOfEvent(db, eventId, campaignId);
  if (!campaign) return undefined;
  return countsFrom(await q.deliveryCounts(db, [campaignId]));
}
