/**
 * Evaluations: made from the template when first needed, sent through the
 * outbox to the participants who attended (each with a single-use signed
 * link), reminded once, answered anonymously, and read back as aggregates.
 *
 * Anonymity: an answer is saved in the same transaction that sets the
 * invitation's "has answered" mark, but the response row carries neither the
 * invitation nor the participant, and only the day (not the time) it came.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { localDateKey } from '../lib/dates.js';
import { loadSecretKey } from '../lib/secret.js';
import { enqueueMail, notifyOutbox } from '../messages/outbox.service.js';
import { oneLine, recipient, renderText, type MailContent } from '../messages/mail/content.js';
import { renderHtml } from '../messages/mail/mail-html.js';
import { whenText } from '../messages/mail/when-text.js';
import { translator, type Locale } from '../web/i18n.js';
import { recordAudit, type AuditEntry } from '../staff/audit.js';
import { publicNames } from '../organiser/index.js';
import { aggregate, responseRate, type QuestionResult } from './aggregate.js';
import { attendedParticipantIds } from './attendance.queries.js';
import { claimedInvitationId, invitationToken, newSalt, tokenMatches } from './invitation-token.js';
import { parseAnswers, parseQuestions, templateQuestions, type AnswerError, type Question } from './questions.js';
import * as q from './evaluations.queries.js';
import { evaluationPaths } from './paths.js';

const secrets = new Map<string, string>();
function secretOf(ctx: AppContext): string {
  const id = `${ctx.config.dataDir}\u0000${ctx.config.secretKey ?? ''}`;
  let secret = secrets.get(id);
  if (secret === undefined) {
    secret = loadSecretKey(ctx.config.dataDir, ctx.config.secretKey);
    secrets.set(id, secret);
  }
  return secret;
}

/** The event's evaluation, made from the template (with its sessions and speakers) the first time it is asked for. */
export async function ensureEvaluation(ctx: AppContext, eventId: number): Promise<q.EvaluationRow> {
  const existing = await q.evaluationOfEvent(ctx.db, eventId);
  if (existing) return existing;
  const programme = await q.programmeOf(ctx.db, eventId);
  const now = ctx.clock.now().toISOString();
  await q.insertEvaluation(ctx.db, { event_id: eventId, questions: JSON.stringify(templateQuestions(programme)), created_at: now, updated_at: now });
  return (await q.evaluationOfEvent(ctx.db, eventId))!;
}

export function questionsOf(evaluation: Pick<q.EvaluationRow, 'questions'>): Question[] {
  return parseQuestions(evaluation.questions);
}

export function invitationUrl(ctx: AppContext, locale: Locale, invitationId: number, salt: string): string {
  return ctx.config.baseUrl + evaluationPaths.answer(locale, invitationToken(secretOf(ctx), invitationId, salt));
}

function invitationMail(
  ctx: AppContext,
  kind: 'invitation' | 'reminder',
  r: { name: string; locale: Locale; site: string },
  event: Pick<q.EventFacts, 'title' | 'starts_at' | 'ends_at'>,
  url: string,
): MailContent {
  const t = translator(r.locale);
  const vars = { event: oneLine(event.title), name: oneLine(r.name), when: whenText(event.starts_at, event.ends_at, r.locale) };
  return {
    subject: t(kind === 'invitation' ? 'evaluations.mail.subject' : 'evaluations.mail.reminderSubject', vars),
    locale: r.locale,
    blocks: [
      { kind: 'p', text: t('evaluations.mail.greeting', vars) },
      { kind: 'p', text: t(kind === 'invitation' ? 'evaluations.mail.intro' : 'evaluations.mail.reminderIntro', vars) },
      { kind: 'link', label: t('evaluations.mail.link'), url },
      { kind: 'p', text: t('evaluations.mail.anonymous') },
    ],
    footer: t('evaluations.mail.footer', { site: r.site }),
  };
}

/**
 * Invites the given participants (those confirmed and not yet invited) and
 * queues their mails, all in one transaction; returns how many were invited.
 * Sending twice invites nobody twice.
 */
export async function inviteParticipants(ctx: AppContext, eventId: number, participantIds: number[], actor: AuditEntry['actor'] = null): Promise<number> {
  const event = await q.eventFacts(ctx.db, eventId);
  if (!event) return 0;
  const evaluation = await ensureEvaluation(ctx, eventId);
  const now = ctx.clock.now();
  // Read before the transaction: on SQLite it holds the one connection.
  const sites = await publicNames(ctx);
  const invited = await writeTransaction(ctx.db, async (trx) => {
    const people = await q.uninvited(trx, evaluation.id, eventId, participantIds);
    for (const p of people) {
      const salt = newSalt();
      const locale: Locale = p.locale === 'en' ? 'en' : 'da';
      const id = await q.insertInvitation(trx, { evaluation_id: evaluation.id, participant_id: p.id, salt, locale, sent_at: now.toISOString() });
      const content = invitationMail(ctx, 'invitation', { name: p.name, locale, site: sites[locale] }, event, invitationUrl(ctx, locale, id, salt));
      await enqueueMail(
        trx,
        {
          to: recipient(p.name, p.email),
          subject: content.subject,
          text: renderText(content),
          html: renderHtml(content),
          locale,
          dedupeKey: `evaluation:${id}`,
        },
        now,
      );
    }
    if (evaluation.sent_at === null) await q.updateEvaluation(trx, evaluation.id, { sent_at: now.toISOString() });
    if (people.length > 0) {
      await recordAudit(trx, {
        actor,
        action: 'evaluation.send',
        entityType: 'evaluation',
        entityId: evaluation.id,
        after: { eventId, invited: people.length },
        at: now,
      });
    }
    return people.length;
  });
  if (invited > 0) notifyOutbox();
  return invited;
}

/** Sends the evaluation now to everyone who attended and has not had it (the API's and the page's "send"). */
export async function sendEvaluation(ctx: AppContext, eventId: number, actor: AuditEntry['actor'] = null): Promise<{ invited: number; attended: number }> {
  const attended = await attendedParticipantIds(ctx.db, eventId);
  if (attended.length === 0) {
    await ensureEvaluation(ctx, eventId);
    return { invited: 0, attended: 0 };
  }
  return { invited: await inviteParticipants(ctx, eventId, attended, actor), attended: attended.length };
}

/** One reminder to each invitation left unanswered for the evaluation's number of days. */
export async function sendReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const candidates = await q.reminderCandidates(ctx.db, new Date(now.getTime() - 86_400_000).toISOString());
  let sent = 0;
  const sites = await publicNames(ctx);
  for (const c of candidates) {
    if (Date.parse(c.sent_at) + c.reminder_after_days * 86_400_000 > now.getTime()) continue;
    const inv = await q.invitation(ctx.db, c.id);
    if (!inv) continue;
    const locale: Locale = inv.locale === 'en' ? 'en' : 'da';
    const content = invitationMail(ctx, 'reminder', { name: inv.name, locale, site: sites[locale] }, inv, invitationUrl(ctx, locale, inv.id, inv.salt));
    const done = await writeTransaction(ctx.db, async (trx) => {
      if (!(await q.markReminded(trx, inv.id, now.toISOString()))) return false;
      await enqueueMail(
        trx,
        {
          to: recipient(inv.name, inv.email),
          subject: content.subject,
          text: renderText(content),
          html: renderHtml(content),
          locale,
          dedupeKey: `evaluation-reminder:${inv.id}`,
        },
        now,
      );
      return true;
    });
    if (done) sent += 1;
  }
  if (sent > 0) notifyOutbox();
  return sent;
}

/** How far back the tick looks for ended events: an event that ended long ago is not evaluated by surprise. */
const LOOK_BACK_DAYS = 14;

/** The periodic part: evaluations due after their event ended, then reminders. */
export async function runEvaluationTick(ctx: AppContext): Promise<{ events: number; invited: number; reminded: number }> {
  const now = ctx.clock.now();
  const due = await q.endedUnsent(ctx.db, new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString(), now.toISOString());
  let events = 0;
  let invited = 0;
  for (const e of due) {
    const hours = e.send_after_hours ?? 2;
    if (Date.parse(e.ends_at) + hours * 3_600_000 > now.getTime()) continue;
    const result = await sendEvaluation(ctx, e.id);
    if (result.attended > 0) events += 1;
    invited += result.invited;
  }
  return { events, invited, reminded: await sendReminders(ctx) };
}

export type OpenedInvitation =
  { state: 'unknown' } | { state: 'answered'; title: string } | { state: 'open'; invitation: q.InvitationRow; questions: Question[] };

/** What a link opens: the form, "already answered", or nothing. */
export async function openInvitation(ctx: AppContext, token: string): Promise<OpenedInvitation> {
  const id = claimedInvitationId(token);
  if (id === undefined) return { state: 'unknown' };
  const inv = await q.invitation(ctx.db, id);
  if (!inv || !tokenMatches(secretOf(ctx), token, inv.id, inv.salt)) return { state: 'unknown' };
  if (inv.answered_on !== null) return { state: 'answered', title: inv.title };
  return { state: 'open', invitation: inv, questions: parseQuestions(inv.questions) };
}

export type SubmitResult = { ok: true } | { ok: false; reason: 'unknown' | 'answered' } | { ok: false; reason: 'invalid'; errors: AnswerError[] };

/** Saves one set of answers for a link, at most once; nothing is saved when any answer is invalid. */
export async function submitAnswers(ctx: AppContext, token: string, body: unknown, locale: Locale): Promise<SubmitResult> {
  const opened = await openInvitation(ctx, token);
  if (opened.state !== 'open') return { ok: false, reason: opened.state };
  const parsed = parseAnswers(opened.questions, body);
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  const day = localDateKey(ctx.clock.now().toISOString());
  const saved = await writeTransaction(ctx.db, async (trx) => {
    if (!(await q.markAnswered(trx, opened.invitation.id, day))) return false;
    await q.insertResponse(trx, opened.invitation.evaluation_id, locale, day, parsed.answers);
    return true;
  });
  return saved ? { ok: true } : { ok: false, reason: 'answered' };
}

export interface EvaluationResults {
  event: q.EventFacts;
  evaluation: q.EvaluationRow;
  invited: number;
  answered: number;
  /** Percent of the invited who answered. */
  rate: number;
  questions: QuestionResult[];
  /** The same for the event this one was duplicated from, when it had an evaluation. */
  previous?: { event: q.EventFacts; answered: number; questions: QuestionResult[] } | undefined;
}

async function resultsOf(ctx: AppContext, event: q.EventFacts, evaluation: q.EvaluationRow, locale: Locale) {
  const [c, answers] = await Promise.all([q.counts(ctx.db, evaluation.id), q.answersOf(ctx.db, evaluation.id)]);
  return {
    invited: c.invited,
    answered: c.responses,
    rate: responseRate(c.invited, c.responses),
    questions: aggregate(questionsOf(evaluation), answers, locale),
  };
}

/** Aggregates of an event's evaluation (and of the edition it was copied from), or undefined for no event. */
export async function evaluationResults(ctx: AppContext, eventId: number, locale: Locale): Promise<EvaluationResults | undefined> {
  const event = await q.eventFacts(ctx.db, eventId);
  if (!event) return undefined;
  const evaluation = await ensureEvaluation(ctx, eventId);
  const own = await resultsOf(ctx, event, evaluation, locale);
  let previous: EvaluationResults['previous'];
  if (event.duplicated_from_id !== null) {
    const before = await q.eventFacts(ctx.db, event.duplicated_from_id);
    const beforeEvaluation = before ? await q.evaluationOfEvent(ctx.db, before.id) : undefined;
    if (before && beforeEvaluation) {
      const r = await resultsOf(ctx, before, beforeEvaluation, locale);
      if (r.answered > 0) previous = { event: before, answered: r.answered, questions: r.questions };
    }
  }
  return { event, evaluation, ...own, previous };
}

export async function eventFacts(ctx: AppContext, eventId: number) {
  return q.eventFacts(ctx.db, eventId);
}

export async function eventIdBySlug(ctx: AppContext, slug: string) {
  return q.eventIdBySlug(ctx.db, slug);
}

/** Which of these participants have answered (the mark only; for "issue after the evaluation"). */
export async function answeredParticipants(ctx: AppContext, participantIds: number[]): Promise<Set<number>> {
  return q.answeredParticipants(ctx.db, participantIds);
}

/** The links of the event's unanswered invitations, signed as in the mails (for the demo content, which answers through submitAnswers). */
export async function openInvitationTokens(ctx: AppContext, eventId: number): Promise<string[]> {
  const rows = await q.openInvitationsOfEvent(ctx.db, eventId);
  return rows.map((r) => invitationToken(secretOf(ctx), r.id, r.salt));
}
