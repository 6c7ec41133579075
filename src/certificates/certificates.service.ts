/**
 * Course certificates: issued to a participant who attended (or by staff
 * with force), copied at issue, mailed with the PDF through the outbox,
 * revocable, and verified by their public code. The tick issues them when
 * the event ends (or once the participant has answered the evaluation, if
 * the organiser chose that), and for a series when attendance reaches the
 * threshold of meetings.
 */
import { zipSync } from 'fflate';
import type { AppContext } from '../context.js';
import { isUniqueViolation, writeTransaction } from '../db/dialect.js';
import { meetingsOf } from '../events/event-calendar.js';
import { attendanceByParticipant, answeredParticipants, hasCheckedIn } from '../evaluations/index.js';
import { enqueueMail, notifyOutbox } from '../messages/outbox.service.js';
import { organiserName, publicName } from '../organiser/index.js';
import { oneLine, recipient, renderText, type MailContent } from '../messages/mail/content.js';
import { renderHtml } from '../messages/mail/mail-html.js';
import { translator, type Locale } from '../web/i18n.js';
import { recordAudit, type AuditEntry } from '../staff/audit.js';
import { certificatePdf, datesText, type CertificateFacts } from './certificate-pdf.js';
import type { IssueWhen } from './certificates.table.js';
import * as q from './certificates.queries.js';
import { certificatePaths } from './paths.js';
import { hoursFromProgramme, newCertificateCode, reachesThreshold } from './rules.js';

export interface CertificateSettings {
  enabled: boolean;
  issueWhen: IssueWhen;
  thresholdPercent: number;
  learningContent: string;
  signerName: string;
  signerTitle: string;
  signaturePng: string | null;
}

export const DEFAULT_SETTINGS: CertificateSettings = {
  enabled: true,
  issueWhen: 'event_end',
  thresholdPercent: 75,
  learningContent: '',
  signerName: '',
  signerTitle: '',
  signaturePng: null,
};

export async function settingsOf(ctx: AppContext, eventId: number): Promise<CertificateSettings> {
  const row = await q.settingsOf(ctx.db, eventId);
  if (!row) return DEFAULT_SETTINGS;
  return {
    enabled: row.enabled === 1,
    issueWhen: row.issue_when,
    thresholdPercent: row.threshold_percent,
    learningContent: row.learning_content,
    signerName: row.signer_name,
    signerTitle: row.signer_title,
    signaturePng: row.signature_png,
  };
}

export async function saveSettings(ctx: AppContext, eventId: number, s: CertificateSettings): Promise<void> {
  await q.upsertSettings(ctx.db, {
    event_id: eventId,
    enabled: s.enabled ? 1 : 0,
    issue_when: s.issueWhen,
    threshold_percent: s.thresholdPercent,
    learning_content: s.learningContent,
    signer_name: s.signerName,
    signer_title: s.signerTitle,
    signature_png: s.signaturePng,
    updated_at: ctx.clock.now().toISOString(),
  });
}

export function verifyUrl(ctx: AppContext, locale: Locale, code: string): string {
  return ctx.config.baseUrl + certificatePaths.verify(locale, code);
}

/** The PDF of an issued certificate (marked revoked when it is). */
export async function pdfOf(ctx: AppContext, cert: q.CertificateRow): Promise<Buffer> {
  const s = await settingsOf(ctx, cert.event_id);
  const facts: CertificateFacts = {
    code: cert.code,
    participantName: cert.participant_name,
    courseTitle: cert.course_title,
    organiser: cert.organiser,
    startsAt: cert.starts_at,
    endsAt: cert.ends_at,
    hours: cert.hours,
    locale: cert.locale,
    learningContent: s.learningContent,
    signerName: s.signerName,
    signerTitle: s.signerTitle,
    signature: s.signaturePng ? Buffer.from(s.signaturePng, 'base64') : null,
    verifyUrl: verifyUrl(ctx, cert.locale, cert.code),
    revoked: cert.revoked_at !== null,
  };
  return certificatePdf(facts);
}

export function pdfFilename(cert: Pick<q.CertificateRow, 'code'>): string {
  return `kursusbevis-${cert.code}.pdf`;
}

function certificateMail(ctx: AppContext, cert: q.CertificateRow, site: string): MailContent {
  const t = translator(cert.locale);
  const vars = { name: oneLine(cert.participant_name), event: oneLine(cert.course_title) };
  return {
    subject: t('certificates.mail.subject', vars),
    locale: cert.locale,
    blocks: [
      { kind: 'p', text: t('certificates.mail.greeting', vars) },
      { kind: 'p', text: t('certificates.mail.intro', vars) },
      {
        kind: 'dl',
        rows: [
          [t('certificates.verify.code'), cert.code],
          [t('certificates.verify.dates'), datesText(cert.starts_at, cert.ends_at, cert.locale)],
        ],
      },
      { kind: 'link', label: t('certificates.mail.link'), url: verifyUrl(ctx, cert.locale, cert.code) },
    ],
    footer: t('certificates.mail.footer', { site, organiser: oneLine(cert.organiser) }),
  };
}

export type IssueResult =
  { ok: true; certificate: q.CertificateRow; created: boolean } | { ok: false; reason: 'no_participant' | 'not_confirmed' | 'not_checked_in' };

/**
 * Issues a participant's certificate now, or returns the one they have; a
 * revoked one is issued again with a new code. Without `force` the
 * participant must have been checked in. The mail with the PDF is queued in
 * the transaction that saves the certificate.
 */
export async function issueCertificate(
  ctx: AppContext,
  participantId: number,
  options: { force?: boolean; issuedBy?: string; actor?: AuditEntry['actor'] } = {},
): Promise<IssueResult> {
  const p = await q.participantForCertificate(ctx.db, participantId);
  if (!p) return { ok: false, reason: 'no_participant' };
  if (p.status !== 'confirmed') return { ok: false, reason: 'not_confirmed' };
  if (!options.force && !(await hasCheckedIn(ctx.db, participantId))) return { ok: false, reason: 'not_checked_in' };
  const existing = await q.certificateOf(ctx.db, p.event_id, p.id);
  if (existing && existing.revoked_at === null) return { ok: true, certificate: existing, created: false };
  const event = (await q.eventForCertificate(ctx.db, p.event_id))!;
  const sessions = await q.sessionTimes(ctx.db, event.id);
  const locale: Locale = p.locale === 'en' ? 'en' : 'da';
  const organiser = await organiserName(ctx, locale);
  const now = ctx.clock.now().toISOString();
  const row = {
    event_id: event.id,
    participant_id: p.id,
    code: newCertificateCode(),
    participant_name: p.name,
    course_title: event.title,
    organiser,
    starts_at: event.starts_at,
    ends_at: event.ends_at,
    hours: hoursFromProgramme(sessions, { startsAt: event.starts_at, endsAt: event.ends_at }),
    locale,
    issued_at: now,
    issued_by: options.issuedBy ?? 'system',
    revoked_at: null,
  };
  // The PDF is made before the transaction (on SQLite it holds the one connection); its code is the row's.
  const draft = { ...row, id: existing?.id ?? 0 } as q.CertificateRow;
  const pdf = await pdfOf(ctx, draft);
  const content = certificateMail(ctx, draft, await publicName(ctx, locale));
  try {
    const certificate = await writeTransaction(ctx.db, async (trx) => {
      const saved = existing ? await q.updateCertificate(trx, existing.id, row) : await q.insertCertificate(trx, row);
      await recordAudit(trx, {
        actor: options.actor ?? null,
        action: 'certificate.issue',
        entityType: 'certificate',
        entityId: saved.id,
        before: existing ? { code: existing.code, revokedAt: existing.revoked_at } : null,
        after: { code: saved.code, participantId: p.id, forced: options.force === true },
        at: new Date(now),
      });
      await enqueueMail(
        trx,
        {
          to: recipient(p.name, p.email),
          subject: content.subject,
          text: renderText(content),
          html: renderHtml(content),
          locale,
          attachments: [{ filename: pdfFilename(saved), contentType: 'application/pdf', content: pdf }],
          dedupeKey: `certificate:${saved.code}`,
        },
        new Date(now),
      );
      return saved;
    });
    notifyOutbox();
    return { ok: true, certificate, created: true };
  } catch (error) {
    // Two issues of one certificate at once (tick and staff): the other one won.
    if (!isUniqueViolation(error)) throw error;
    const won = await q.certificateOf(ctx.db, p.event_id, p.id);
    if (!won) throw error;
    return { ok: true, certificate: won, created: false };
  }
}

/** Revokes a certificate of the event (audited); a revoked one stays as it is. */
export async function revokeCertificate(
  ctx: AppContext,
  actor: AuditEntry['actor'],
  eventId: number,
  certificateId: number,
): Promise<q.CertificateRow | undefined> {
  const cert = await q.certificateById(ctx.db, certificateId);
  if (!cert || cert.event_id !== eventId) return undefined;
  if (cert.revoked_at !== null) return cert;
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const revoked = await q.updateCertificate(trx, cert.id, { revoked_at: now.toISOString() });
    await recordAudit(trx, {
      actor,
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: cert.id,
      before: { code: cert.code, revokedAt: null },
      after: { code: cert.code, revokedAt: revoked.revoked_at },
      at: now,
    });
    return revoked;
  });
}

export async function certificateByCode(ctx: AppContext, code: string) {
  return q.certificateByCode(ctx.db, code);
}

export async function certificateOfEvent(ctx: AppContext, eventId: number, certificateId: number) {
  const cert = await q.certificateById(ctx.db, certificateId);
  return cert && cert.event_id === eventId ? cert : undefined;
}

export async function certificatesOfEvent(ctx: AppContext, eventId: number) {
  return q.certificatesOfEvent(ctx.db, eventId);
}

export async function certificatesOfParticipants(ctx: AppContext, participantIds: number[]) {
  return q.certificatesOfParticipants(ctx.db, participantIds);
}

export async function eventForCertificates(ctx: AppContext, eventId: number) {
  return q.eventForCertificate(ctx.db, eventId);
}

export async function eventIdBySlug(ctx: AppContext, slug: string): Promise<number | undefined> {
  return (await q.eventBySlug(ctx.db, slug))?.id;
}

/** The confirmed participants, to choose whom to issue to. */
export async function participantsOfEvent(ctx: AppContext, eventId: number) {
  return q.confirmedParticipants(ctx.db, eventId);
}

export async function participantForCertificate(ctx: AppContext, participantId: number) {
  return q.participantForCertificate(ctx.db, participantId);
}

/** Every valid certificate of the event as one ZIP of PDFs. */
export async function certificatesZip(ctx: AppContext, eventId: number): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  for (const cert of await q.certificatesOfEvent(ctx.db, eventId)) {
    if (cert.revoked_at !== null) continue;
    files[pdfFilename(cert)] = await pdfOf(ctx, cert);
  }
  return Buffer.from(zipSync(files, { level: 0 }));
}

/** Who of the event's participants are due a certificate now, by attendance, threshold and (if chosen) an answered evaluation. */
export async function dueParticipants(
  ctx: AppContext,
  event: { id: number; type: string; starts_at: string; ends_at: string },
  s: Pick<CertificateSettings, 'issueWhen' | 'thresholdPercent'>,
): Promise<number[]> {
  const attendance = await attendanceByParticipant(ctx.db, event.id);
  if (attendance.size === 0) return [];
  const series = event.type === 'netvaerk';
  const ended = Date.parse(event.ends_at) <= ctx.clock.now().getTime();
  if (!series && !ended) return [];
  const sessions = await q.sessionTimes(ctx.db, event.id);
  const meetings = series
    ? meetingsOf({
        type: 'netvaerk',
        startsAt: event.starts_at,
        endsAt: event.ends_at,
        sessions: sessions as unknown as Parameters<typeof meetingsOf>[0]['sessions'],
      }).length
    : 1;
  let due = [...attendance.entries()].filter(([, n]) => !series || reachesThreshold(n, meetings, s.thresholdPercent)).map(([id]) => id);
  if (s.issueWhen === 'evaluation') {
    const answered = await answeredParticipants(ctx, due);
    due = due.filter((id) => answered.has(id));
  }
  return due;
}

const LOOK_BACK_DAYS = 14;

/** The periodic part: issues what is due on events that started and ended at most two weeks ago (or are still running). */
export async function runCertificateTick(ctx: AppContext): Promise<{ issued: number }> {
  const now = ctx.clock.now();
  const events = await q.eventsToIssue(ctx.db, new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString(), now.toISOString());
  let issued = 0;
  for (const e of events) {
    const s = { issueWhen: e.issue_when ?? 'event_end', thresholdPercent: e.threshold_percent ?? 75 };
    const due = await dueParticipants(ctx, e, s);
    if (due.length === 0) continue;
    const have = new Set((await q.certificatesOfParticipants(ctx.db, due)).map((c) => c.participant_id));
    for (const id of due) {
      if (have.has(id)) continue;
      const r = await issueCertificate(ctx, id, { force: true });
      if (r.ok && r.created) issued += 1;
    }
  }
  return { issued };
}
