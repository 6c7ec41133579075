/**
 * Course certificates on both databases: issued through the API only to a
 * participant checked in unless forced, the PDF's text, the mail with the PDF,
 * revoking, the public verification page that shows only what it should,
 * automatic issue when the event ends, after the evaluation or at the series
 * threshold, the signature upload, the ZIP and the self-service download.
 */
import { beforeAll, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { unzipSync } from 'fflate';
import type { Clock } from '../../src/lib/clock.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { runCertificateTick, saveSettings, settingsOf } from '../../src/certificates/index.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { checkIn } from '../helpers/checkins.js';
import { pdfText } from '../helpers/pdf-text.js';
import { multipartBody } from '../helpers/multipart.js';
import { bearerFor, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

const pick = ({ code, forced }: { code: string; forced: boolean }) => ({ code, forced });

forEachDialect('course certificates', (dialect) => {
  let now = new Date('2026-06-01T10:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  const t = useTestApp(dialect, clock);
  let course: TestEvent;
  let series: TestEvent;
  let ids: Record<string, number>;
  let token: string;

  beforeAll(async () => {
    const ctx = t.current.ctx;
    course = await makeEvent(ctx, {
      type: 'kursus',
      title: 'Klarsprog i sagsbehandlingen',
      sessions: [
        { startsAt: '2026-09-15T07:00:00.000Z', endsAt: '2026-09-15T10:00:00.000Z', title: 'Formiddag' },
        { startsAt: '2026-09-15T10:45:00.000Z', endsAt: '2026-09-15T14:00:00.000Z', title: 'Eftermiddag' },
      ],
    });
    const created = await createRegistration(ctx, course.slug, {
      ...signup(),
      participants: [participant(1, { name: 'Åse Ørnsø' }), participant(2, { name: 'Bo Ingen' }), participant(3, { name: 'Cy Svar' })],
      locale: 'da',
    });
    token = created.manageToken;
    series = await makeEvent(ctx, {
      type: 'netvaerk',
      title: 'Netværk for HR-konsulenter',
      sessions: [1, 2, 3, 4].map((m) => ({ startsAt: `2026-0${5 + m}-10T07:00:00.000Z`, endsAt: `2026-0${5 + m}-10T11:00:00.000Z`, title: `Møde ${m}` })),
    });
    await createRegistration(ctx, series.slug, {
      ...signup(),
      participants: [participant(4, { name: 'Dina Tre' }), participant(5, { name: 'Erik To' })],
      locale: 'en',
    });
    const rows = await ctx.db.selectFrom('participants').select(['id', 'name']).execute();
    ids = Object.fromEntries(rows.map((r) => [r.name.split(' ')[0]!, r.id]));
    await checkIn(ctx.db, ids['Åse']!);
    await checkIn(ctx.db, ids.Cy!);
    for (const m of [1, 2, 3]) await checkIn(ctx.db, ids.Dina!, { meetingId: m });
    for (const m of [1, 2]) await checkIn(ctx.db, ids.Erik!, { meetingId: m });
  });

  const manager = async (): Promise<StaffClient> => staffClient(t.current.app, t.current.ctx, 'manager');
  const issue = async (participantId: number, body?: object) =>
    t.current.app.inject({
      method: 'POST',
      url: `/api/v1/participants/${participantId}/certificate`,
      headers: { authorization: await bearerFor(t.current.ctx, (await manager()).staff.id), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });

  it('issues through the API only to a participant checked in, unless forced', async () => {
    now = new Date('2026-09-15T12:00:00.000Z');
    const refused = await issue(ids.Bo!);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toBe('not_checked_in');
    expect(await t.current.ctx.db.selectFrom('certificates').selectAll().execute()).toHaveLength(0);
    const forced = await issue(ids.Bo!, { force: true });
    expect(forced.statusCode).toBe(201);
    const ok = await issue(ids['Åse']!);
    expect(ok.statusCode).toBe(201);
    const body = ok.json();
    expect(body.code).toMatch(/^KB-/);
    expect(body.verifyUrl).toBe(`http://tilmeld.test/bevis/${body.code}`);
    const again = await issue(ids['Åse']!);
    expect(again.statusCode).toBe(200);
    expect(again.json().code).toBe(body.code);
    const bad = await issue(ids['Åse']!, { force: 'yes' });
    expect(bad.statusCode).toBe(400);
    // Each certificate issued is in the audit log with the staff member who issued it and whether it was forced.
    const audit = await t.current.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'certificate.issue')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => ({ staff: a.actor_id !== null, ...pick(JSON.parse(a.after_json!)) }))).toEqual([
      { staff: true, code: forced.json().code, forced: true },
      { staff: true, code: body.code, forced: false },
    ]);
  });

  it('writes a PDF with the name, course, dates, hours, organiser and code, and mails it', async () => {
    const cert = await t.current.ctx.db.selectFrom('certificates').selectAll().where('participant_id', '=', ids['Åse']!).executeTakeFirstOrThrow();
    const pdf = await t.current.app.inject({
      url: `/api/v1/certificates/${cert.code}/pdf`,
      headers: { authorization: await bearerFor(t.current.ctx, (await manager()).staff.id) },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Kursusbevis');
    expect(text).toContain('Åse Ørnsø');
    expect(text).toContain('Klarsprog i sagsbehandlingen');
    expect(text).toContain('15.');
    expect(text).toContain('6,5 timer');
    expect(text).toContain(`Kontrolkode: ${cert.code}`);
    expect(text).toContain(`http://tilmeld.test/bevis/${cert.code}`);
    const mail = await t.current.ctx.db
      .selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'payload'])
      .where('dedupe_key', '=', `certificate:${cert.code}`)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Dit kursusbevis: Klarsprog i sagsbehandlingen');
    const payload = JSON.parse(mail.payload);
    expect(payload.attachments[0].contentType).toBe('application/pdf');
    expect(pdfText(Buffer.from(payload.attachments[0].contentBase64, 'base64'))).toContain('Åse Ørnsø');
  });

  it('shows only name, course, dates, organiser and validity on the public page, and revoked after revoking', async () => {
    const cert = await t.current.ctx.db.selectFrom('certificates').selectAll().where('participant_id', '=', ids.Bo!).executeTakeFirstOrThrow();
    const page = await t.current.app.inject(`/bevis/${cert.code.toLowerCase()}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kursusbeviset er gyldigt');
    expect(page.body).toContain('Bo Ingen');
    expect(page.body).not.toContain('deltager2@kommune.dk');
    expect(page.body).not.toContain('Aarhus Kommune');
    const en = await t.current.app.inject(`/en/certificate/${cert.code}`);
    expect(en.body).toContain('The course certificate is valid');
    expect((await t.current.app.inject('/bevis/KB-0000-0000-0000-0000')).statusCode).toBe(404);
    expect((await t.current.app.inject('/bevis/%3Cscript%3E')).body).not.toContain('<script>alert');
    const m = await manager();
    const revoke = await postForm(t.current.app, m, `/admin/events/${course.id}/kursusbevis/${cert.id}/tilbagekald`);
    expect(revoke.statusCode).toBe(303);
    const after = await t.current.app.inject(`/bevis/${cert.code}`);
    expect(after.body).toContain('tilbagekaldt');
    const audit = await t.current.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'certificate.revoke').execute();
    expect(audit).toEqual([{ action: 'certificate.revoke', actor_id: m.staff.id }]);
    const viaApi = await t.current.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${cert.code}/revoke`,
      headers: { authorization: await bearerFor(t.current.ctx, m.staff.id) },
    });
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json().revoked).toBe(true);
    const facilitator = await staffClient(t.current.app, t.current.ctx, 'facilitator');
    expect((await postForm(t.current.app, facilitator, `/admin/events/${course.id}/kursusbevis/${cert.id}/tilbagekald`)).statusCode).toBe(403);
  });

  it('issues automatically when the event ends, or after the evaluation is answered if chosen', async () => {
    const ctx = t.current.ctx;
    await saveSettings(ctx, course.id, { ...(await settingsOf(ctx, course.id)), issueWhen: 'evaluation' });
    now = new Date('2026-09-15T15:00:00.000Z');
    await runCertificateTick(ctx);
    const has = async (name: string) => (await ctx.db.selectFrom('certificates').select('id').where('participant_id', '=', ids[name]!).execute()).length === 1;
    expect(await has('Cy')).toBe(false);
    const inv = await ctx.db
      .insertInto('evaluations')
      .values({ event_id: course.id, questions: '[]', created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('evaluation_invitations')
      .values({ evaluation_id: inv.id, participant_id: ids.Cy!, salt: 'x', locale: 'da', sent_at: now.toISOString(), answered_on: '2026-09-15' })
      .execute();
    await runCertificateTick(ctx);
    expect(await has('Cy')).toBe(true);
  });

  it('changes the settings through the API with the same checks as the form', async () => {
    const m = await manager();
    const auth = { authorization: await bearerFor(t.current.ctx, m.staff.id), 'content-type': 'application/json' };
    const url = `/api/v1/events/${series.slug}/certificate-settings`;
    const bad = await t.current.app.inject({ method: 'PUT', url, headers: auth, payload: JSON.stringify({ signerName: 'A\u0007B' }) });
    expect(bad.statusCode).toBe(422);
    const ok = await t.current.app.inject({
      method: 'PUT',
      url,
      headers: auth,
      payload: JSON.stringify({ learningContent: 'Netværk om HR-jura.', thresholdPercent: 75 }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      enabled: true,
      issueWhen: 'event_end',
      thresholdPercent: 75,
      learningContent: 'Netværk om HR-jura.',
      hasSignature: false,
    });
  });

  it('issues in a series once attendance reaches the threshold of meetings (75 % by default)', async () => {
    now = new Date('2026-09-10T12:00:00.000Z');
    await runCertificateTick(t.current.ctx);
    const rows = await t.current.ctx.db.selectFrom('certificates').select(['participant_id', 'locale']).where('event_id', '=', series.id).execute();
    expect(rows.map((r) => r.participant_id)).toEqual([ids.Dina]);
    expect(rows[0]!.locale).toBe('en');
  });

  it('takes a PNG signature and refuses anything else, and gives all valid PDFs as one ZIP', async () => {
    const m = await manager();
    const url = `/admin/events/${course.id}/kursusbevis/underskrift`;
    const bad = multipartBody({ _csrf: m.csrfToken }, [
      { field: 'signature', filename: 'sig.png', contentType: 'image/png', bytes: Buffer.from('<svg onload=alert(1)>') },
    ]);
    const refused = await t.current.app.inject({ method: 'POST', url, headers: { ...m.headers, 'content-type': bad.contentType }, payload: bad.payload });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.body).toContain('PNG');
    const png = await QRCode.toBuffer('signature', { type: 'png', width: 120 });
    const good = multipartBody({ _csrf: m.csrfToken }, [{ field: 'signature', filename: 'sig.png', contentType: 'image/png', bytes: png }]);
    const saved = await t.current.app.inject({ method: 'POST', url, headers: { ...m.headers, 'content-type': good.contentType }, payload: good.payload });
    expect(saved.statusCode).toBe(303);
    const stranger = await t.current.app.inject({ method: 'POST', url, headers: { 'content-type': good.contentType }, payload: good.payload });
    expect([302, 303, 401, 403]).toContain(stranger.statusCode);
    const zip = await t.current.app.inject({ url: `/admin/events/${course.id}/kursusbevis.zip`, headers: m.headers });
    expect(zip.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const valid = await t.current.ctx.db.selectFrom('certificates').select('code').where('event_id', '=', course.id).where('revoked_at', 'is', null).execute();
    expect(Object.keys(files).sort()).toEqual(valid.map((c) => `kursusbevis-${c.code}.pdf`).sort());
    const page = await t.current.app.inject({ url: `/admin/events/${course.id}/kursusbevis`, headers: m.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Der er uploadet en underskrift.');
  });

  it('lets the participant download their certificate from self-service', async () => {
    if (!token) return;
    const booking = await t.current.app.inject(`/tilmelding/${token}`);
    expect(booking.body).toContain('Hent kursusbevis for Åse Ørnsø');
    const own = await t.current.app.inject(`/tilmelding/${token}/kursusbevis/${ids['Åse']}`);
    expect(own.statusCode).toBe(200);
    expect(pdfText(own.rawPayload)).toContain('Åse Ørnsø');
    expect((await t.current.app.inject(`/tilmelding/${token}/kursusbevis/${ids.Dina}`)).statusCode).toBe(404);
  });
});
