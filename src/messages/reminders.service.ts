/**
 * An event's automatic reminder: N days (1–30) before the start, every
 * confirmed participant gets the reminder template with the event's time and
 * place, a practical note staff wrote, and the join link when the event has
 * one (webinars). Off unless staff turn it on: a mail to everyone should
 * never surprise the organiser.
 *
 * Once per participant. The event has one reminder campaign (kind
 * 'reminder', found by a fixed key); each participant reminded gets a
 * campaign_recipients row, UNIQUE per campaign and participant. The messages
 * tick locks the campaign row (PostgreSQL; SQLite's write transaction locks
 * the database) and reminds only those without a row, so two servers
 * ticking together remind nobody twice. Someone who gets a seat after the
 * reminder went out (a late sign-up, the waiting list) is reminded at the
 * next tick; the waiting list and the cancelled never are.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import type { StaffIdentity } from '../staff/identity.js';
import { recordAudit } from '../staff/audit.js';
import { textField, textIssueOf } from '../web/forms/form-text.js';
import type { Translate } from '../web/i18n.js';
import { TEMPLATES, type Locale, type MessageText } from './campaign-templates.js';
import * as cq from './campaigns.queries.js';
import { queueRecipients } from './campaigns.service.js';
import * as q from './reminders.queries.js';
import { notifyOutbox } from './outbox.service.js';
import { unfinishedParts } from './unfinished-text.js';
import { publicName } from '../organiser/index.js';

export const REMINDER_LIMITS = { minDays: 1, maxDays: 30, defaultDays: 2, note: 2_000, url: 500 } as const;

export interface ReminderSettings {
  enabled: boolean;
  daysBefore: number;
  noteDa: string;
  noteEn: string;
  /** The event's join link ('' for none). */
  joinUrl: string;
}

export type ReminderField = 'daysBefore' | 'noteDa' | 'noteEn' | 'joinUrl';

/** The settings as stored, or the defaults (off, 2 days) for an event without any. */
export async function reminderSettings(ctx: AppContext, eventId: number): Promise<ReminderSettings> {
  const [row, joinUrl] = await Promise.all([q.reminderOf(ctx.db, eventId), q.joinUrlOf(ctx.db, eventId)]);
  return {
    enabled: !!row,
    daysBefore: row?.days_before ?? REMINDER_LIMITS.defaultDays,
    noteDa: row?.note_da ?? '',
    noteEn: row?.note_en ?? '',
    joinUrl: joinUrl ?? '',
  };
}

/** The event's join link for a booking page: only when the booking holds a seat (confirmed), else null. */
export async function joinLinkForSeat(ctx: AppContext, eventId: number, holdsSeat: boolean): Promise<string | null> {
  return holdsSeat ? q.joinUrlOf(ctx.db, eventId) : null;
}

/** The form as posted (every value a string) or the API's JSON, checked. */
export interface ReminderInput {
  enabled: boolean;
  daysBefore: string | number;
  noteDa: string;
  noteEn: string;
  joinUrl: string;
}

const noteSchema = textField(REMINDER_LIMITS.note, { multiline: true });
const urlSchema = textField(REMINDER_LIMITS.url);

/** True for an http(s) address a participant can open. */
export function isJoinUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s<>"']+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export function parseReminderInput(
  input: ReminderInput,
  t: Translate,
): { ok: true; settings: ReminderSettings } | { ok: false; errors: Array<{ key: ReminderField; message: string }> } {
  const errors: Array<{ key: ReminderField; message: string }> = [];
  const daysText = String(input.daysBefore).trim();
  const days = /^\d{1,2}$/.test(daysText) ? Number(daysText) : NaN;
  if (!(days >= REMINDER_LIMITS.minDays && days <= REMINDER_LIMITS.maxDays)) {
    errors.push({ key: 'daysBefore', message: t('reminders.error.days', { min: REMINDER_LIMITS.minDays, max: REMINDER_LIMITS.maxDays }) });
  }
  const notes = {} as Record<'noteDa' | 'noteEn', string>;
  for (const key of ['noteDa', 'noteEn'] as const) {
    const parsed = noteSchema.safeParse(input[key]);
    const field = t(`reminders.field.${key}`);
    if (!parsed.success) {
      const code = textIssueOf(parsed.error.issues[0]!);
      errors.push({
        key,
        message: code === 'too_long' ? t('campaigns.error.tooLong', { field, max: REMINDER_LIMITS.note }) : t('campaigns.error.characters', { field }),
      });
      continue;
    }
    notes[key] = parsed.data;
    const parts = unfinishedParts(parsed.data);
    const unknown = parts.flatMap((p) => (p.kind === 'placeholder' ? [`{{${p.name}}}`] : []));
    const other = parts.find((p): p is Exclude<typeof p, { kind: 'placeholder' }> => p.kind !== 'placeholder');
    if (unknown.length > 0) errors.push({ key, message: t('campaigns.error.placeholder', { field, names: unknown.slice(0, 5).join(', ') }) });
    else if (other)
      errors.push({
        key,
        message: t(other.kind === 'bracket' ? 'campaigns.error.bracket' : 'campaigns.error.brokenPlaceholder', { field, excerpt: other.excerpt }),
      });
  }
  const url = urlSchema.safeParse(input.joinUrl);
  const joinUrl = url.success ? url.data : '';
  if (!url.success || (joinUrl !== '' && !isJoinUrl(joinUrl))) errors.push({ key: 'joinUrl', message: t('reminders.error.joinUrl') });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: { enabled: input.enabled, daysBefore: days, noteDa: notes.noteDa, noteEn: notes.noteEn, joinUrl } };
}

/** Saves checked settings and the event's join link together. */
export async function saveReminderSettings(ctx: AppContext, staff: StaffIdentity, eventId: number, settings: ReminderSettings): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await writeTransaction(ctx.db, async (trx) => {
    if (settings.enabled) {
      await q.saveReminder(trx, {
        event_id: eventId,
        days_before: settings.daysBefore,
        note_da: settings.noteDa,
        note_en: settings.noteEn,
        updated_by_name: staff.name,
        updated_at: now,
      });
    } else {
      await q.deleteReminder(trx, eventId);
    }
    await q.setJoinUrl(trx, eventId, settings.joinUrl === '' ? null : settings.joinUrl, now);
    await recordAudit(trx, {
      actor: staff,
      action: 'event.reminder',
      entityType: 'event',
      entityId: eventId,
      after: { enabled: settings.enabled, daysBefore: settings.daysBefore, joinUrl: settings.joinUrl !== '' },
      at: ctx.clock.now(),
    });
  });
  ctx.pageCache.clear();
}

const JOIN_LINE: Record<Locale, string> = {
  da: 'Du deltager via dette link, som kun er til dig og de andre tilmeldte: ',
  en: 'You join through this link, which is only for you and the other registered participants: ',
};

/** The reminder's text in one language: the template, the note and the join link before the closing line. */
export function reminderText(locale: Locale, note: string, joinUrl: string | null): MessageText {
  const template = TEMPLATES.reminder[locale];
  const parts = template.body.split('\n\n');
  const closing = parts.pop()!;
  const extra = [note.trim(), joinUrl ? JOIN_LINE[locale] + joinUrl : ''].filter((p) => p !== '');
  return { subject: template.subject, body: [...parts, ...extra, closing].join('\n\n') };
}

const reminderKey = (eventId: number) => createHash('sha256').update(`event-reminder:${eventId}`, 'utf8').digest('hex');

export interface ReminderRunResult {
  reminded: Array<{ eventId: number; participants: number }>;
}

/** Reminds the confirmed participants of every event whose reminder is due and who have not been reminded. */
export async function sendDueReminders(ctx: AppContext): Promise<ReminderRunResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const until = new Date(now.getTime() + REMINDER_LIMITS.maxDays * 86_400_000).toISOString();
  const reminded: ReminderRunResult['reminded'] = [];
  // Participants and staff see the organiser, not the software, as the reminder's sender.
  const author = await publicName(ctx, 'da');
  for (const e of await q.eventsWithReminderBefore(ctx.db, at, until)) {
    if (Date.parse(e.starts_at) - now.getTime() > e.days_before * 86_400_000) continue;
    const [event, settings, joinUrl] = await Promise.all([cq.eventForMessages(ctx.db, e.id), q.reminderOf(ctx.db, e.id), q.joinUrlOf(ctx.db, e.id)]);
    if (!event || !settings) continue;
    const fields = { da: reminderText('da', settings.note_da, joinUrl), en: reminderText('en', settings.note_en, joinUrl) };
    const keyHash = reminderKey(e.id);
    const n = await writeTransaction(ctx.db, async (trx) => {
      await q.ensureReminderCampaign(trx, {
        event_id: e.id,
        subject_da: fields.da.subject,
        body_da: fields.da.body,
        subject_en: fields.en.subject,
        body_en: fields.en.body,
        submission_key_hash: keyHash,
        created_at: at,
        created_by_name: author,
      });
      const campaign = await q.lockReminderCampaign(trx, keyHash);
      if (!campaign) return 0;
      const done = await q.remindedParticipants(trx, campaign.id);
      const todo = (await cq.recipientsOf(trx, e.id, 'confirmed')).filter((r) => !done.has(r.id));
      if (todo.length === 0) return 0;
      const count = await queueRecipients(trx, ctx, event, fields, campaign.id, todo, new Map(), now, undefined, true);
      await q.updateReminderCampaign(trx, campaign.id, {
        recipient_count: campaign.recipient_count + count,
        subject_da: fields.da.subject,
        body_da: fields.da.body,
        subject_en: fields.en.subject,
        body_en: fields.en.body,
        sent_at: at,
      });
      await recordAudit(trx, {
        actor: null,
        action: 'campaign.reminder',
        entityType: 'message_campaign',
        entityId: campaign.id,
        after: { eventId: e.id, recipientCount: count },
        at: now,
      });
      return count;
    });
    if (n > 0) reminded.push({ eventId: e.id, participants: n });
  }
  if (reminded.length > 0) notifyOutbox();
  return { reminded };
}
