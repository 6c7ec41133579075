/**
 * Check-in on both databases: the API's answers (200, 409, 404, 422, 403),
 * nonces that make a re-upload harmless, concurrent scans of one person,
 * offline scans synced late (first scan wins), a substitute's new code,
 * attendance, the page at the door without JavaScript, the signature list,
 * no-shows with their fee, and the QR code in a real confirmation mail.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { codeOf, retireCheckinCode } from '../../src/checkin/index.js';
import type { AppContext } from '../../src/context.js';
import { createRegistration } from '../../src/registrations/index.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { pdfText } from '../helpers/pdf-text.js';
import { parseCsv } from '../helpers/csv.js';
import { decodeQrPng } from '../helpers/qr-decode.js';
import { bearerFor, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';
import { ledger, reconcile } from './invoices-helpers.js';
import { participantsSpreadsheet } from '../../src/registrations/exports/exports.service.js';
import { eventForMessages, sendCampaign } from '../../src/messages/campaigns.service.js';
import { htmlOf, mailTo, openMailbox, type Mailbox } from './self-service-helpers.js';

const DOOR_OPEN = new Date('2026-09-15T06:30:00.000Z');

function movableClock(at: Date) {
  let now = at;
  return { now: () => new Date(now), set: (d: Date | string) => void (now = new Date(d)) };
}

interface ScanJson {
  status: string;
  participant?: { id: number; name: string; organisation: string };
  meeting?: number;
  at?: string;
  by?: string;
  reason?: string;
}

forEachDialect('check-in', (dialect) => {
  const clock = movableClock(DOOR_OPEN);
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let event: TestEvent;
  let ids: number[];
  let waitlistedId: number;
  let clients: Record<'manager' | 'finance' | 'facilitator' | 'assigned', StaffClient>;
  let bearer: Record<'manager' | 'finance' | 'facilitator' | 'assigned', string>;

  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect, clock));
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    clock.set('2026-06-01T10:00:00Z');
    event = await makeEvent(ctx, { capacity: 8 });
    await createRegistration(ctx, event.slug, signup(8, 1));
    await createRegistration(ctx, event.slug, signup(1, 9));
    const rows = await ctx.db.selectFrom('participants').select(['id', 'status']).where('event_id', '=', event.id).orderBy('id').execute();
    ids = rows.filter((r) => r.status === 'confirmed').map((r) => r.id);
    waitlistedId = rows.find((r) => r.status === 'waitlisted')!.id;
    clock.set(DOOR_OPEN);
    clients = {
      manager: await staffClient(app, ctx, 'manager'),
      finance: await staffClient(app, ctx, 'finance'),
      facilitator: await staffClient(app, ctx, 'facilitator'),
      assigned: await staffClient(app, ctx, 'facilitator', { name: 'Fie Facilitator' }),
    };
    await ctx.db.insertInto('event_facilitators').values({ event_id: event.id, user_id: clients.assigned.staff.id }).execute();
    bearer = {
      manager: await bearerFor(ctx, clients.manager.staff.id),
      finance: await bearerFor(ctx, clients.finance.staff.id),
      facilitator: await bearerFor(ctx, clients.facilitator.staff.id),
      assigned: await bearerFor(ctx, clients.assigned.staff.id),
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const scan = (who: keyof typeof bearer, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/checkin', headers: { authorization: bearer[who] }, payload: body });

  describe('POST /api/v1/checkin', () => {
    it('checks a participant in by code (200) and answers a second scan with who and when (409)', async () => {
      const code = await codeOf(ctx, ids[0]!);
      const first = await scan('assigned', { code, nonce: 'device-a-0001' });
      expect(first.statusCode).toBe(200);
      const body = first.json<ScanJson>();
      expect(body).toMatchObject({
        status: 'checked_in',
        participant: { id: ids[0], name: 'Deltager 1', organisation: 'Aarhus Kommune' },
        meeting: 1,
        by: 'Fie Facilitator',
      });
      expect(body.at).toBe(DOOR_OPEN.toISOString());
      clock.set('2026-09-15T07:10:00Z');
      const second = await scan('manager', { code: code.toLowerCase().replace(/(.{4})/g, '$1-'), nonce: 'device-b-0001' });
      expect(second.statusCode).toBe(409);
      expect(second.json<ScanJson>()).toMatchObject({ status: 'already_checked_in', at: DOOR_OPEN.toISOString(), by: 'Fie Facilitator' });
      // The first device sends its scan again (its answer was lost): the same answer, still one check-in.
      const again = await scan('assigned', { code, nonce: 'device-a-0001' });
      expect(again.statusCode).toBe(200);
      expect(again.json<ScanJson>().at).toBe(DOOR_OPEN.toISOString());
      const rows = await ctx.db.selectFrom('checkins').selectAll().where('participant_id', '=', ids[0]!).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.device_nonce).toBe('device-a-0001');
    });

    it('answers 404 for an unknown, forged or retired code', async () => {
      expect((await scan('manager', { code: 'NOT-A-CODE' })).statusCode).toBe(404);
      const code = await codeOf(ctx, ids[1]!);
      const forged = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A') + code.slice(11);
      expect((await scan('manager', { code: forged })).json<ScanJson>().status).toBe('unknown_code');
      // A substitute takes the seat: the old code stops working, the new one works.
      await retireCheckinCode(ctx.db, ids[1]!);
      expect((await scan('manager', { code })).statusCode).toBe(404);
      const fresh = await codeOf(ctx, ids[1]!);
      expect(fresh).not.toBe(code);
      expect((await scan('manager', { code: fresh })).statusCode).toBe(200);
    });

    it('answers 422 for a participant on the waiting list and for a scan outside the window; force is for managers only', async () => {
      const waiting = await scan('manager', { code: await codeOf(ctx, waitlistedId) });
      expect(waiting.statusCode).toBe(422);
      expect(waiting.json<ScanJson>().reason).toBe('not_confirmed');
      clock.set('2026-09-15T04:59:00Z');
      const early = await scan('assigned', { code: await codeOf(ctx, ids[2]!) });
      expect(early.statusCode).toBe(422);
      expect(early.json<ScanJson>().reason).toBe('outside_window');
      expect((await scan('assigned', { code: await codeOf(ctx, ids[2]!), force: true })).statusCode).toBe(422);
      expect((await scan('manager', { code: await codeOf(ctx, ids[2]!), force: true })).statusCode).toBe(200);
      clock.set('2026-09-15T08:00:00Z');
      expect((await scan('manager', { code: await codeOf(ctx, ids[3]!), meeting: 3 })).json<ScanJson>().reason).toBe('unknown_meeting');
    });

    it('lets only the event’s facilitators and managers check in', async () => {
      const code = await codeOf(ctx, ids[3]!);
      expect((await scan('finance', { code })).statusCode).toBe(403);
      expect((await scan('facilitator', { code })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/v1/checkin', payload: { code } })).statusCode).toBe(401);
      expect((await scan('manager', {})).statusCode).toBe(400);
    });

    it('stores one check-in when twenty devices scan the same person at once', async () => {
      const code = await codeOf(ctx, ids[4]!);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => scan(i % 2 ? 'manager' : 'assigned', { code, nonce: `race-${i}-nonce`, meeting: 2 })),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      const rows = await ctx.db.selectFrom('checkins').select('id').where('participant_id', '=', ids[4]!).where('meeting', '=', 2).execute();
      expect(rows).toHaveLength(1);
    });

    it('keeps the earliest scan when an offline device syncs late: the time is the scan’s time', async () => {
      clock.set('2026-09-15T09:00:00Z');
      const code = await codeOf(ctx, ids[5]!);
      expect((await scan('manager', { code, nonce: 'online-device-1', scannedAt: '2026-09-15T08:40:00Z' })).statusCode).toBe(200);
      const late = await scan('assigned', { code, nonce: 'offline-device-1', scannedAt: '2026-09-15T08:05:00+00:00' });
      expect(late.statusCode).toBe(200);
      expect(late.json<ScanJson>().at).toBe('2026-09-15T08:05:00.000Z');
      const again = await scan('manager', { code, nonce: 'online-device-1', scannedAt: '2026-09-15T08:40:00Z' });
      expect(again.statusCode).toBe(409);
      expect(again.json<ScanJson>()).toMatchObject({ at: '2026-09-15T08:05:00.000Z', by: 'Fie Facilitator' });
      const rows = await ctx.db.selectFrom('checkins').selectAll().where('participant_id', '=', ids[5]!).execute();
      expect(rows.map((r) => r.at)).toEqual(['2026-09-15T08:05:00.000Z']);
    });

    it('takes a check-in back', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/checkin/undo',
        headers: { authorization: bearer.manager },
        payload: { participantId: ids[2], meeting: 1 },
      });
      expect(res.statusCode).toBe(200);
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/checkin/undo',
        headers: { authorization: bearer.manager },
        payload: { participantId: ids[2], meeting: 1 },
      });
      expect(again.statusCode).toBe(404);
    });
  });

  describe('hostile input', () => {
    it('never answers 500, whatever the body of a scan or of the page’s forms', async () => {
      const anyValue = fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 3 }),
      );
      const body = fc.record(
        {
          code: fc.oneof(fc.string({ maxLength: 250 }), anyValue),
          participantId: fc.oneof(fc.integer({ min: -5, max: 2 ** 32 }), anyValue),
          meeting: anyValue,
          nonce: anyValue,
          scannedAt: fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            anyValue,
          ),
          force: anyValue,
        },
        { requiredKeys: [] },
      );
      // Before the window opens, so a random id that hits a participant stores nothing (a facilitator cannot force).
      clock.set('2026-09-14T00:00:00Z');
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const res = await scan('assigned', b);
          expect([200, 400, 403, 404, 409, 422]).toContain(res.statusCode);
          const form = await postForm(
            app,
            clients.assigned,
            `/admin/events/${event.id}/checkin`,
            Object.fromEntries(Object.entries(b).map(([k, v]) => [k, String(v)])),
          );
          expect(form.statusCode).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
      clock.set('2026-09-15T09:00:00Z');
    });
  });

  describe('attendance', () => {
    it('lists every confirmed participant with their check-ins per meeting', async () => {
      const res = await app.inject({ url: `/api/v1/events/${event.slug}/attendance`, headers: { authorization: bearer.assigned } });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ meetings: number; participants: Array<{ id: number; checkins: Array<{ meeting: number; at: string; by: string }> }> }>();
      expect(body.meetings).toBe(2);
      expect(body.participants.map((p) => p.id).sort((a, b) => a - b)).toEqual(ids);
      const of = (id: number) => body.participants.find((p) => p.id === id)!.checkins;
      expect(of(ids[0]!)).toEqual([{ meeting: 1, at: DOOR_OPEN.toISOString(), by: 'Fie Facilitator' }]);
      expect(of(ids[4]!).map((c) => c.meeting)).toEqual([2]);
      expect(of(ids[2]!)).toEqual([]);
      expect((await app.inject({ url: `/api/v1/events/${event.slug}/attendance`, headers: { authorization: bearer.facilitator } })).statusCode).toBe(403);
      expect((await app.inject({ url: '/api/v1/events/no-such-event/attendance', headers: { authorization: bearer.manager } })).statusCode).toBe(404);
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/checkin',
          '/api/v1/checkin/undo',
          '/api/v1/events/{slug}/attendance',
          '/api/v1/events/{slug}/no-shows',
          '/api/v1/events/{slug}/checkin-settings',
        ]),
      );
    });
  });

  describe('the page at the door', () => {
    it('shows the list with counts, checks in by tap without JavaScript and refuses a post without CSRF', async () => {
      const page = await app.inject({ url: `/admin/events/${event.id}/checkin?meeting=1`, headers: clients.assigned.headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Deltager 8');
      expect(page.body).toMatch(/3 af 8 er mødt/);
      const tap = await postForm(app, clients.assigned, `/admin/events/${event.id}/checkin`, { participantId: String(ids[6]), meeting: '1' });
      expect(tap.statusCode).toBe(200);
      expect(tap.body).toContain('Deltager 7 er tjekket ind.');
      expect(tap.body).toMatch(/4 af 8 er mødt/);
      const noCsrf = await app.inject({
        method: 'POST',
        url: `/admin/events/${event.id}/checkin`,
        headers: clients.assigned.headers,
        payload: { participantId: String(ids[7]) },
      });
      expect(noCsrf.statusCode).toBe(403);
      const english = await staffClient(app, ctx, 'manager', { locale: 'en' });
      const inEnglish = await app.inject({ url: `/admin/events/${event.id}/checkin?meeting=1`, headers: english.headers });
      expect(inEnglish.body).toMatch(/4 of 8 have arrived/);
      expect(inEnglish.body).toContain('Signature list for day 2 (PDF)');
      expect((await app.inject({ url: `/admin/events/${event.id}/checkin`, headers: clients.facilitator.headers })).statusCode).toBe(403);
      expect((await app.inject({ url: `/admin/events/${event.id}/checkin`, headers: clients.finance.headers })).statusCode).toBe(403);
    });

    it('prints a signature list per day with everyone on it', async () => {
      const res = await app.inject({ url: `/admin/events/${event.id}/checkin/signatures/1.pdf`, headers: clients.assigned.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(res.rawPayload);
      expect(text).toContain('UNDERSKRIFTSLISTE');
      expect(text).toContain('Dag 1: tirsdag den 15. september 2026');
      for (let n = 1; n <= 8; n += 1) expect(text).toContain(`Deltager ${n}`);
      expect((await app.inject({ url: `/admin/events/${event.id}/checkin/signatures/3.pdf`, headers: clients.assigned.headers })).statusCode).toBe(404);
    });

    it('refuses a bad no-show fee beside its field and saves a good one', async () => {
      const bad = await postForm(app, clients.manager, `/admin/events/${event.id}/checkin/settings`, { fee: 'tusind', opens: '120' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Skriv et beløb i kr.');
      const good = await postForm(app, clients.manager, `/admin/events/${event.id}/checkin/settings`, { fee: '250,00', opens: '90' });
      expect(good.statusCode).toBe(200);
      const row = await ctx.db.selectFrom('events').select(['no_show_fee_ore', 'checkin_opens_minutes']).where('id', '=', event.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ no_show_fee_ore: 25_000, checkin_opens_minutes: 90 });
      expect((await postForm(app, clients.assigned, `/admin/events/${event.id}/checkin/settings`, { fee: '0', opens: '120' })).statusCode).toBe(403);
      const put = (who: keyof typeof bearer, payload: object) =>
        app.inject({ method: 'PUT', url: `/api/v1/events/${event.slug}/checkin-settings`, headers: { authorization: bearer[who] }, payload });
      expect((await put('assigned', { noShowFeeOre: 0, opensMinutes: 120 })).statusCode).toBe(403);
      expect((await put('manager', { noShowFeeOre: -1, opensMinutes: 120 })).statusCode).toBe(400);
      const viaApi = await put('manager', { noShowFeeOre: 25_000, opensMinutes: 90 });
      expect(viaApi.statusCode).toBe(200);
      expect(viaApi.json()).toEqual({ noShowFeeOre: 25_000, opensMinutes: 90 });
    });
  });

  describe('no-shows', () => {
    it('are marked only after the event, once, for confirmed participants without a check-in', async () => {
      const early = await app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/no-shows`, headers: { authorization: bearer.manager } });
      expect(early.statusCode).toBe(422);
      expect((await app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/no-shows`, headers: { authorization: bearer.assigned } })).statusCode).toBe(
        403,
      );
      clock.set('2026-09-16T14:00:00Z');
      const res = await app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/no-shows`, headers: { authorization: bearer.manager } });
      expect(res.statusCode).toBe(200);
      // Checked in: 1, 2 (new code), 5 (day 2), 6, 7; undone: 3. No-shows: 3, 4, 8.
      expect(res.json()).toEqual({ marked: 3 });
      const again = await app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/no-shows`, headers: { authorization: bearer.manager } });
      expect(again.json()).toEqual({ marked: 0 });
      const rows = await ctx.db
        .selectFrom('no_shows')
        .select(['participant_id', 'fee_ore'])
        .where('event_id', '=', event.id)
        .orderBy('participant_id')
        .execute();
      expect(rows).toEqual([ids[2], ids[3], ids[7]].map((id) => ({ participant_id: id, fee_ore: 25_000 })));
      const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'checkin.%').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['checkin.settings', 'checkin.settings', 'checkin.no_shows']);
    });

    it('bill the no-show fee on the booking’s next invoice, once', async () => {
      const { registration_id: bookingId } = await ctx.db
        .selectFrom('participants')
        .select('registration_id')
        .where('id', '=', ids[2]!)
        .executeTakeFirstOrThrow();
      const result = await reconcile(ctx, bookingId);
      expect(result.waiting).toBeNull();
      const first = await ledger(ctx, bookingId);
      const feeLines = first.invoices.flatMap((d) => d.document.lines).filter((l) => l.itemKey.startsWith('noshow:'));
      expect(feeLines.map((l) => [l.itemKey, l.lineNetOre])).toEqual([ids[2], ids[3], ids[7]].map((id) => [`noshow:${id}`, 25_000]));
      expect(feeLines[0]!.description).toBe('Gebyr for udeblivelse: Deltager 3');
      await reconcile(ctx, bookingId);
      expect((await ledger(ctx, bookingId)).documents).toHaveLength(first.documents.length);
    });

    it('show in the registration’s page and the spreadsheet of participants', async () => {
      const file = (await participantsSpreadsheet(ctx, event.id, 'csv', 'da'))!;
      const rows = parseCsv(file.body.toString('utf8'));
      expect(rows[0]!.at(-1)).toBe('Fremmøde');
      const byName = new Map(rows.slice(1).map((r) => [r[3], r.at(-1)]));
      expect(byName.get('Deltager 1')).toBe('Mødt');
      expect(byName.get('Deltager 5')).toBe('Mødt dag 2');
      expect(byName.get('Deltager 3')).toBe('Udeblevet');
      const { registration_id: bookingId } = await ctx.db
        .selectFrom('participants')
        .select('registration_id')
        .where('id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      // A fresh session: the clock moved past the earlier ones' lifetime.
      const manager = await staffClient(app, ctx, 'manager');
      const page = await app.inject({ url: `/admin/registrations/${bookingId}`, headers: manager.headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Fremmøde');
      expect(page.body).toContain('Udeblevet');
      clock.set(DOOR_OPEN);
    });
  });
});

forEachDialect('check-in code in the confirmation mail', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let mailbox: Mailbox;
  const clock = movableClock(new Date('2026-06-01T10:00:00Z'));
  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect, clock));
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    mailbox = await openMailbox(ctx);
  });
  afterAll(async () => {
    await mailbox?.close();
    await app?.close();
    await database?.drop();
  });

  it('carries the QR code as an inline PNG that decodes to a code the API accepts, and the code as text', async () => {
    const event = await makeEvent(ctx, { capacity: 5 });
    await createRegistration(ctx, event.slug, signup(1, 1, { booker: { name: 'Birte Booker', email: 'birte@kommune.dk' }, participants: [participant(1)] }));
    const mails = await mailbox.deliver();
    const [own] = mailTo(mails, 'deltager1@kommune.dk');
    const html = htmlOf(own!);
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
    const src = /<img[^>]+src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const decoded = decodeQrPng(Buffer.from(src!, 'base64'));
    expect(decoded).toMatch(/^[0-9A-Z]{36}$/);
    const text = own!.parsed.text ?? '';
    expect(text.replace(/-/g, '')).toContain(decoded!);
    const staff = await staffClient(app, ctx, 'manager');
    clock.set('2026-09-15T07:30:00Z');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/checkin',
      headers: { authorization: await bearerFor(ctx, staff.staff.id) },
      payload: { code: decoded },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ScanJson>().participant?.name).toBe('Deltager 1');
    clock.set('2026-06-01T10:00:00Z');
  });

  it('puts each confirmed participant’s code in a reminder sent to the participants', async () => {
    const event = await makeEvent(ctx, { capacity: 5 });
    await createRegistration(ctx, event.slug, signup(2, 31));
    await mailbox.deliver();
    const manager = await staffClient(app, ctx, 'manager');
    const row = (await eventForMessages(ctx, event.id))!;
    const sent = await sendCampaign(
      ctx,
      { ...manager.staff, locale: 'da', via: 'session' },
      row,
      { audience: 'confirmed', template: 'reminder', da: { subject: 'Påmindelse', body: 'Vi ses i morgen.' }, en: { subject: '', body: '' }, sendAt: null },
      'reminder-key-1',
    );
    expect(sent.ok).toBe(true);
    const mails = await mailbox.deliver();
    const ids = (await ctx.db.selectFrom('participants').select('id').where('event_id', '=', event.id).orderBy('id').execute()).map((r) => r.id);
    for (const [i, address] of ['deltager31@kommune.dk', 'deltager32@kommune.dk'].entries()) {
      const [mail] = mailTo(mails, address);
      const src = /<img[^>]+src="data:image\/png;base64,([^"]+)"/.exec(htmlOf(mail!))?.[1];
      expect(src && decodeQrPng(Buffer.from(src, 'base64'))).toBe(await codeOf(ctx, ids[i]!));
    }
  });

  it('shows the code in self-service for confirmed participants only, and a substitute gets a new one while the old stops working', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const created = await createRegistration(ctx, event.slug, signup(1, 1));
    const waitlisted = await createRegistration(ctx, event.slug, signup(1, 2));
    const page = await app.inject({ url: `/tilmelding/${created.manageToken}` });
    expect(page.statusCode).toBe(200);
    const images = [...page.body.matchAll(/<img src="data:image\/png;base64,([^"]+)"/g)].map((m) => decodeQrPng(Buffer.from(m[1]!, 'base64')));
    expect(images).toHaveLength(1);
    // The second is on the waiting list: no code on their page.
    const waitingPage = await app.inject({ url: `/tilmelding/${waitlisted.manageToken}` });
    expect(waitingPage.statusCode).toBe(200);
    expect(waitingPage.body).toContain('Deltager 2');
    expect(waitingPage.body).not.toContain('data:image/png');
    const [confirmed] = await ctx.db
      .selectFrom('participants')
      .select(['id', 'registration_id'])
      .where('event_id', '=', event.id)
      .where('status', '=', 'confirmed')
      .execute();
    expect(images[0]).toBe(await codeOf(ctx, confirmed!.id));
    expect(page.body).toContain('Kode til indtjekning');

    const manager = await staffClient(app, ctx, 'manager');
    const swap = await postForm(app, manager, `/admin/registrations/${confirmed!.registration_id}/participants/${confirmed!.id}/substitute`, {
      'participants[0][name]': 'Kollega Kirsten',
      'participants[0][email]': 'kirsten@kommune.dk',
      'participants[0][jobTitle]': 'Konsulent',
      'participants[0][workplace]': 'Borgerservice',
    });
    expect(swap.statusCode).toBe(303);
    const fresh = await codeOf(ctx, confirmed!.id);
    expect(fresh).not.toBe(images[0]);
    clock.set('2026-09-15T07:30:00Z');
    const bearer = await bearerFor(ctx, manager.staff.id);
    const old = await app.inject({ method: 'POST', url: '/api/v1/checkin', headers: { authorization: bearer }, payload: { code: images[0] } });
    expect(old.statusCode).toBe(404);
    const now = await app.inject({ method: 'POST', url: '/api/v1/checkin', headers: { authorization: bearer }, payload: { code: fresh } });
    expect(now.json<ScanJson>().participant?.name).toBe('Kollega Kirsten');
    // The substitute's mail carries the new code.
    const mails = await mailbox.deliver();
    const [toKirsten] = mailTo(mails, 'kirsten@kommune.dk');
    expect(toKirsten).toBeDefined();
    const src = /<img[^>]+src="data:image\/png;base64,([^"]+)"/.exec(htmlOf(toKirsten!))?.[1];
    expect(src && decodeQrPng(Buffer.from(src, 'base64'))).toBe(fresh);
  });
});
