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
import { checkinCodeBlock, checkinCodesOf } from '../checkin/index.js';
import { publicNames } from '../organiser/index.js';
import { enqueueMail, notifyOutbox } from './outbox.service.js';
import { unfinishedParts } from './unfinished-text.js';
import { parseSchedule, scheduleInputOf, type ScheduleField } from './schedule-time.js';

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
  /** 'now' (after the preview) or 'later' (at the date and time below, Danish time). */
  when: string;
  sendDay: string;
  sendMonth: string;
  sendYear: string;
  sendTime: string;
  /** The scheduled message this form edits ('' for a new one). */
  editing: string;
}

export const DRAFT_FIELDS = [
  'audience',
  'template',
  'subjectDa',
  'bodyDa',
  'subjectEn',
  'bodyEn',
  'submissionKey',
  'when',
  'sendDay',
  'sendMonth',
  'sendYear',
  'sendTime',
  'editing',
] as const;
const NO_SCHEDULE = { when: 'now', sendDay: '', sendMonth: '', sendYear: '', sendTime: '', editing: '' } as const;

export type CampaignField = 'audience' | 'subjectDa' | 'bodyDa' | 'subjectEn' | 'bodyEn' | ScheduleField;
const FIELD_ORDER: CampaignField[] = ['audience', 'subjectDa', 'bodyDa', 'subjectEn', 'bodyEn', 'sendDate', 'sendTime'];

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
  /** UTC instant to send at; null to send now. */
  sendAt: string | null;
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
  return {
    audience,
    template: id,
    subjectDa: t.da.subject,
    bodyDa: t.da.body,
    subjectEn: t.en.subject,
    bodyEn: t.en.body,
    submissionKey: newSubmissionKey(),
    ...NO_SCHEDULE,
  };
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
    when: formField(body, 'when') === 'later' ? 'later' : 'now',
    sendDay: (formField(body, 'sendDay') ?? '').slice(0, 10),
    sendMonth: (formField(body, 'sendMonth') ?? '').slice(0, 10),
    sendYear: (formField(body, 'sendYear') ?? '').slice(0, 10),
    sendTime: (formField(body, 'sendTime') ?? '').slice(0, 20),
    editing: /^\d{1,9}$/.test(formField(body, 'editing') ?? '') ? formField(body, 'editing')! : '',
  };
}

/** The form for a scheduled message, to edit it. */
export function draftOfScheduled(
  c: Pick<q.CampaignRow, 'id' | 'audience' | 'template' | 'subject_da' | 'body_da' | 'subject_en' | 'body_en' | 'send_at'>,
): CampaignDraft {
  const at = scheduleInputOf(c.send_at ?? new Date().toISOString());
  return {
    audience: c.audience,
    template: c.template,
    subjectDa: c.subject_da,
    bodyDa: c.body_da,
    subjectEn: c.subject_en,
    bodyEn: c.body_en,
    submissionKey: newSubmissionKey(),
    when: 'later',
    sendDay: at.day,
    sendMonth: at.month,
    sendYear: at.year,
    sendTime: at.time,
    editing: String(c.id),
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
export function parseCampaignDraft(
  draft: CampaignDraft,
  t: Translate,
  now: Date,
): { ok: true; fields: CampaignFields } | { ok: false; errors: CampaignFieldError[] } {
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
  let sendAt: string | null = null;
  if (draft.when === 'later') {
    const schedule = parseSchedule({ day: draft.sendDay, month: draft.sendMonth, year: draft.sendYear, time: draft.sendTime }, now);
    if (schedule.ok) sendAt = schedule.at;
    else for (const e of schedule.errors) errors.push({ key: e.field, message: t(`campaigns.error.schedule.${e.issue}`) });
  }
  if (errors.length > 0 || !audience) return { ok: false, errors: errors.sort((a, b) => FIELD_ORDER.indexOf(a.key) - FIELD_ORDER.indexOf(b.key)) };
  return {
    ok: true,
    fields: {
      audience,
      template: isTemplateId(draft.template) ? draft.template : 'blank',
      da: { subject: text.subjectDa, body: text.bodyDa },
      en: { subject: text.subjectEn, body: text.bodyEn },
      sendAt,
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
      : [event.venue_name, event.venue_address, `${event.venue_postal_code ?? ''} ${event.venue_city ?? ''}`.trim()]
          .filter((s): s is string => !!s && s.trim() !== '')
          .join(', ');
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

function footerOf(event: q.MessagesEventRow, locale: Locale, site: string): string {
  return translator(locale)('campaigns.mail.footer', { event: oneLine(event.title), site });
}

/** The mail one recipient gets: their sign-up language when the message has it, else Danish. */
export function mailFor<R extends Pick<q.RecipientRow, 'name' | 'locale'>>(
  ctx: AppContext,
  sites: Record<Locale, string>,
  event: q.MessagesEventRow,
  fields: Pick<CampaignFields, 'da' | 'en'>,
  r: R,
  tables?: GroupTables,
  extra?: (r: R, locale: Locale) => Partial<PlaceholderValues>,
) {
  const chosen = textFor({ da: fields.da, en: fields.en }, r.locale);
  const values = { ...placeholderValues(ctx, event, r.name, chosen.locale, tables), ...extra?.(r, chosen.locale) };
  const content = campaignMail(chosen.text, values, chosen.locale, footerOf(event, chosen.locale, sites[chosen.locale]));
  return { locale: chosen.locale, content };
}

export interface CampaignPreview {
  recipientCount: number;
  /** How many get the Danish and how many the English text. */
  byLanguage: Record<Locale, number>;
  /** The mail as the first recipient in each language gets it. */
  samples: Array<{ name: string; email: string; locale: Locale; subject: string; paragraphs: string[]; footer: string }>;
  /** When a scheduled message goes out; null for now. */
  sendAt: string | null;
}

export async function eventForMessages(ctx: AppContext, eventId: number) {
  return q.eventForMessages(ctx.db, eventId);
}

export async function previewCampaign(ctx: AppContext, event: q.MessagesEventRow, fields: CampaignFields): Promise<CampaignPreview> {
  const recipients = await q.recipientsOf(ctx.db, event.id, fields.audience);
  const tables = await tablesOfEventParticipants(ctx, event.id);
  const sites = await publicNames(ctx);
  const byLanguage: Record<Locale, number> = { da: 0, en: 0 };
  const samples: CampaignPreview['samples'] = [];
  for (const r of recipients) {
    const mail = mailFor(ctx, sites, event, fields, r, tables.get(r.id));
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
  return { recipientCount: recipients.length, byLanguage, samples, sendAt: fields.sendAt };
}

export type SendResult =
  { ok: true; campaignId: number; eventId: number; repeated: boolean; scheduled: boolean } | { ok: false; reason: 'noRecipients' | 'notScheduled' };

/**
 * Queues one mail per recipient of a campaign and its campaign_recipients
 * rows, in the caller's write transaction; participants the campaign already
 * reached are skipped (the automatic reminder adds to its campaign over days).
 */
export async function queueRecipients(
  trx: Database,
  ctx: AppContext,
  event: q.MessagesEventRow,
  fields: Pick<CampaignFields, 'da' | 'en'>,
  campaignId: number,
  recipients: q.RecipientRow[],
  tables: Map<number, GroupTables>,
  now: Date,
  extra?: (r: q.RecipientRow, locale: Locale) => Partial<PlaceholderValues>,
  withCheckinCodes = false,
): Promise<number> {
  const rows = [];
  // A reminder carries each confirmed participant's check-in code.
  const confirmed = recipients.filter((r) => r.status === 'confirmed').map((r) => r.id);
  const codes = withCheckinCodes && confirmed.length > 0 ? await checkinCodesOf(ctx, trx, confirmed) : undefined;
  const sites = await publicNames({ ...ctx, db: trx });
  for (const r of recipients) {
    const mail = mailFor(ctx, sites, event, fields, r, tables.get(r.id), extra);
    if (r.status === 'confirmed') mail.content.blocks.push(...checkinCodeBlock(mail.locale, codes?.get(r.id)));
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
  return rows.length;
}

/**
 * Sends a checked message to its audience through the outbox, once per
 * submission key; or, with fields.sendAt, stores it as scheduled (its
 * recipients are those of the moment it goes out, see scheduled.service.ts).
 * `editing` changes a scheduled message instead, as long as it is still scheduled.
 */
export async function sendCampaign(
  ctx: AppContext,
  staff: StaffIdentity,
  event: q.MessagesEventRow,
  fields: CampaignFields,
  submissionKey: string,
  editing?: number,
): Promise<SendResult> {
  const keyHash = hashKey(submissionKey);
  const now = ctx.clock.now();
  // Read before the write transaction: on SQLite it holds the one connection.
  const tables = fields.sendAt ? new Map<number, GroupTables>() : await tablesOfEventParticipants(ctx, event.id);
  const text = {
    audience: fields.audience,
    template: fields.template,
    subject_da: fields.da.subject,
    body_da: fields.da.body,
    subject_en: fields.en.subject,
    body_en: fields.en.body,
  };
  const attempt = () =>
    writeTransaction(ctx.db, async (trx): Promise<SendResult> => {
      if (editing === undefined) {
        const earlier = await q.campaignByKeyHash(trx, keyHash);
        if (earlier) return { ok: true, campaignId: earlier.id, eventId: earlier.event_id, repeated: true, scheduled: earlier.status === 'scheduled' };
      }
      const recipients = fields.sendAt ? [] : await q.recipientsOf(trx, event.id, fields.audience);
      if (!fields.sendAt && recipients.length === 0) return { ok: false, reason: 'noRecipients' };
      let campaignId: number;
      if (editing !== undefined) {
        const changed = await q.updateScheduled(trx, event.id, editing, {
          ...text,
          ...(fields.sendAt ? { send_at: fields.sendAt } : { status: 'sent', send_at: null, sent_at: now.toISOString(), recipient_count: recipients.length }),
        });
        if (!changed) return { ok: false, reason: 'notScheduled' };
        campaignId = editing;
      } else {
        campaignId = await q.insertCampaign(trx, {
          event_id: event.id,
          ...text,
          created_by_id: staff.id,
          created_by_name: staff.name,
          submission_key_hash: keyHash,
          recipient_count: recipients.length,
          created_at: now.toISOString(),
          status: fields.sendAt ? 'scheduled' : 'sent',
          send_at: fields.sendAt,
          sent_at: fields.sendAt ? null : now.toISOString(),
        });
      }
      if (!fields.sendAt) await queueRecipients(trx, ctx, event, fields, campaignId, recipients, tables, now, undefined, fields.template === 'reminder');
      await recordAudit(trx, {
        actor: staff,
        action: fields.sendAt ? (editing !== undefined ? 'campaign.reschedule' : 'campaign.schedule') : 'campaign.send',
        entityType: 'message_campaign',
        entityId: campaignId,
        after: {
          eventId: event.id,
          audience: fields.audience,
          template: fields.template,
          subjectDa: fields.da.subject,
          subjectEn: fields.en.subject,
          recipientCount: recipients.length,
          sendAt: fields.sendAt,
        },
        at: now,
      });
      return { ok: true, campaignId, eventId: event.id, repeated: false, scheduled: fields.sendAt !== null };
    });
  let result: SendResult;
  try {
    result = await attempt();
  } catch (error) {
    // Two submits of one form at the same moment (PostgreSQL): the second
    // trips over the first's key and answers with the first's campaign.
    if (!isUniqueViolation(error) || editing !== undefined) throw error;
    const earlier = await q.campaignByKeyHash(ctx.db, keyHash);
    if (!earlier) throw error;
    result = { ok: true, campaignId: earlier.id, eventId: earlier.event_id, repeated: true, scheduled: earlier.status === 'scheduled' };
  }
  if (result.ok && !result.repeated && !result.scheduled) notifyOutbox();
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
