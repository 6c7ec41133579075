/**
 * The room-mate wish: asked in the sign-up form when a night in a double
 * room is on offer, taken by the API, refused beside the field when too long
 * or with control characters, and shown in the venue report (JSON, workbook)
 * and the participant export. A wish without a double room is not kept.
 */
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { serialiseInclusions } from '../../src/events/inclusions.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, staffClient, type StaffClient } from '../helpers/staff.js';
import { expectFieldError, FormClient } from './signup-form-client.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

const PAYER = {
  'payer[organisation]': 'Odder Kommune',
  'payer[cvr]': '',
  'payer[ean]': '',
  'payer[personReference]': '',
  'payer[poNumber]': '',
  'payer[address]': 'Rådhusgade 3',
  'payer[postalCode]': '8300',
  'payer[city]': 'Odder',
  'payer[email]': 'faktura@odder.dk',
  'booker[name]': 'Bente Booker',
  'booker[email]': 'bente@odder.dk',
};

const person = (name: string, email: string, extra: Record<string, string> = {}) => ({
  'participants[0][name]': name,
  'participants[0][email]': email,
  'participants[0][jobTitle]': 'Konsulent',
  'participants[0][workplace]': 'Odder Kommune',
  ...extra,
});

interface Night {
  date: string;
  double: number;
  roomMates: Array<{ name: string; roomMate: string }>;
}

forEachDialect('room-mate wish', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;
  let token: string;
  let manager: StaffClient;

  beforeAll(async () => {
    const { ctx, app } = t.current;
    event = await makeEvent(ctx, { capacity: 20, addOns: [{ code: 'double' }, { code: 'single' }] });
    const night = (room: 'single' | 'double') => serialiseInclusions([{ kind: 'night', date: '2026-09-15', room }]);
    await ctx.db
      .updateTable('event_add_ons')
      .set({ inclusions: night('double') })
      .where('id', '=', event.addOnIds.double!)
      .execute();
    await ctx.db
      .updateTable('event_add_ons')
      .set({ inclusions: night('single') })
      .where('id', '=', event.addOnIds.single!)
      .execute();
    manager = await staffClient(app, ctx, 'manager');
    token = await bearerFor(ctx, manager.staff.id);
  });

  const venueReport = async () => {
    const res = await t.current.app.inject({ url: `/api/v1/events/${event.slug}/venue-report`, headers: { authorization: token } });
    expect(res.statusCode).toBe(200);
    return res.json() as { nights: Night[] };
  };

  it('asks for the wish in the form, refuses hostile input beside the field, and stores it', async () => {
    const c = await new FormClient(t.current.app, `/arrangementer/${event.slug}/tilmelding`).open();
    await c.submit('next', PAYER);
    expect(c.html).toContain('name="participants[0][roomMate]"');
    expect(c.html).toContain('Ønsker at dele værelse med');
    expect(c.html).toContain('Kun hvis du vælger Tilvalg double');

    const ida = person('Ida Kjær', 'ida@odder.dk', { 'participants[0][addOns][]': 'double' });
    await c.submit('next', { ...ida, 'participants[0][roomMate]': 'x'.repeat(201) });
    expect(c.status).toBe(422);
    expectFieldError(c.html, 'participants-0-roomMate', 'Deltager 1: Ønsker at dele værelse med må højst være 200 tegn.');

    await c.submit('next', { ...ida, 'participants[0][roomMate]': 'Ole\u001bLund' });
    expect(c.status).toBe(422);
    expectFieldError(c.html, 'participants-0-roomMate', 'Deltager 1: Ønsker at dele værelse med indeholder tegn, som ikke kan bruges, fx styretegn.');

    await c.submit('next', { ...ida, 'participants[0][roomMate]': '  Ole Lund <script>  ' });
    expect(c.status).toBe(200);
    expect(c.html).toMatch(/<dd>\s*Ole Lund &lt;script>\s*<\/dd>/);
    await c.submit('submit', [['acceptTerms', '1']]);
    expect(c.status).toBe(201);

    const report = await venueReport();
    expect(report.nights.find((n) => n.date === '2026-09-15')!.roomMates).toContainEqual({ name: 'Ida Kjær', roomMate: 'Ole Lund <script>' });
  });

  it('takes the wish through the API (and in its OpenAPI document), keeping it only with a double room', async () => {
    const { app } = t.current;
    const body = signup(2, 50, {
      participants: [
        participant(50, { name: 'Ole Lund', addOns: ['double'], roomMate: ' Ida Kjær ' }),
        participant(51, { name: 'Per Single', addOns: ['single'], roomMate: 'Nogen' }),
      ],
    });
    const res = await app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/registrations`, payload: body });
    expect(res.statusCode).toBe(201);
    const tooLong = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.slug}/registrations`,
      payload: signup(1, 60, { participants: [participant(60, { addOns: ['double'], roomMate: 'x'.repeat(201) })] }),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(JSON.stringify(tooLong.json())).toContain('participants.0.roomMate');

    const night = (await venueReport()).nights.find((n) => n.date === '2026-09-15')!;
    expect(night.roomMates).toEqual([
      { name: 'Ida Kjær', roomMate: 'Ole Lund <script>' },
      { name: 'Ole Lund', roomMate: 'Ida Kjær' },
    ]);
    expect(night.double).toBe(1);
    const stored = await t.current.ctx.db.selectFrom('participants').select(['name', 'room_mate']).where('event_id', '=', event.id).orderBy('id').execute();
    expect(stored.find((p) => p.name === 'Per Single')!.room_mate).toBe('');

    const openapi = (await app.inject('/api/openapi.json')).body;
    expect(openapi).toContain('Whom the participant would like to share a double room with');
  });

  it('shows the wishes in the venue report workbook, the participant export and the registration page for staff', async () => {
    const { app } = t.current;
    const book = async (file: string) => {
      const res = await app.inject({ url: `/admin/events/${event.id}/exports/${file}`, headers: manager.headers });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
      return { names: wb.worksheets.map((s) => s.name), cells };
    };
    const venue = await book('venue-report.xlsx');
    expect(venue.names).toContain('Ønsker om værelseskammerat');
    expect(venue.cells).toContain('Ole Lund <script>');
    expect(venue.cells).toContain('Ida Kjær');
    const list = await book('registrations.xlsx');
    expect(list.cells).toContain('Ønsker at dele værelse med');
    expect(list.cells).toContain('Ole Lund <script>');

    const registrationId = (
      await t.current.ctx.db.selectFrom('participants').select('registration_id').where('name', '=', 'Ole Lund').executeTakeFirstOrThrow()
    ).registration_id;
    const page = await app.inject({ url: `/admin/registrations/${registrationId}`, headers: manager.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ønsker at dele værelse med');
    const api = await app.inject({ url: `/api/v1/registrations/${registrationId}`, headers: { authorization: token } });
    expect(api.json().participants[0].roomMate).toBe('Ida Kjær');
  });
});
