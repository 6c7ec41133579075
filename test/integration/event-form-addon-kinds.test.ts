/**
 * The event form offers the add-on kinds the venue report reads (overnight,
 * overnight-single, overnight-double, meal), in Danish and English; an add-on
 * made in the form with one of them shows up in the venue report.
 */
import { beforeAll, expect, it } from 'vitest';
import { ADD_ON_KINDS } from '../../src/events/event-document.schema.js';
import { loadStoredEvent } from '../../src/events/stored-event.js';
import { loadRoster } from '../../src/registrations/exports/roster.js';
import { VENUE_ADD_ON_KINDS, venueReport } from '../../src/registrations/exports/venue-report.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { participant, signup } from './registrations-fixtures.js';

type App = Parameters<typeof postForm>[0];

/**
 * A two-day course with a single room, a place in a double room and a dinner
 * to choose, made as staff make it: the new-event page, then the programme
 * and the prices sections. Returns the event's id.
 */
async function twoDayCourse(app: App, manager: StaffClient, title: string): Promise<number> {
  const created = await postForm(app, manager, '/admin/events/new', {
    action: 'save',
    title,
    type: 'kursus',
    summary: 'To dage om digital forvaltning.',
    venueId: 'new',
    'venue[name]': 'Hotel Fjordgården',
    'venue[address]': 'Fjordvej 1',
    'venue[postalCode]': '7100',
    'venue[city]': 'Vejle',
    'sessions[0][date]': '05.10.2026',
    'sessions[0][start]': '9.30',
    'sessions[0][end]': '16.00',
    price: '3.000,00',
    capacity: '30',
  });
  expect(created.statusCode).toBe(303);
  const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))?.[1]);
  const programme = await postForm(app, manager, `/admin/events/${id}/rediger/program`, {
    action: 'save',
    'sessions[0][title]': 'Dag 1',
    'sessions[0][date]': '05.10.2026',
    'sessions[0][start]': '9.30',
    'sessions[0][end]': '16.00',
    'sessions[1][title]': 'Dag 2',
    'sessions[1][date]': '06.10.2026',
    'sessions[1][start]': '9.00',
    'sessions[1][end]': '15.00',
  });
  expect(programme.statusCode).toBe(303);
  const addOn = (i: number, code: string, nameDa: string, nameEn: string, kind: string) => ({
    [`addOns[${i}][code]`]: code,
    [`addOns[${i}][nameDa]`]: nameDa,
    [`addOns[${i}][nameEn]`]: nameEn,
    [`addOns[${i}][kind]`]: kind,
    [`addOns[${i}][price]`]: '900',
    [`addOns[${i}][capacity]`]: '',
  });
  const prices = await postForm(app, manager, `/admin/events/${id}/rediger/priser`, {
    action: 'save',
    price: '3.000,00',
    vatMode: 'standard',
    ...addOn(0, 'enkelt', 'Overnatning i enkeltværelse', 'Single room', 'overnight-single'),
    ...addOn(1, 'dobbelt', 'Overnatning i dobbeltværelse', 'Double room', 'overnight-double'),
    ...addOn(2, 'middag', 'Middag', 'Dinner', 'meal'),
  });
  expect(prices.statusCode, prices.body.slice(0, 1500)).toBe(303);
  return id;
}

forEachDialect('add-on kinds in the event form', (dialect) => {
  const t = useTestApp(dialect);
  let manager: StaffClient;
  beforeAll(async () => {
    manager = await staffClient(t.current.app, t.current.ctx, 'manager');
  });

  it('offers every kind the venue report reads, with Danish and English labels', async () => {
    for (const kind of VENUE_ADD_ON_KINDS) expect(ADD_ON_KINDS).toContain(kind);
    // The prices section shows an empty add-on row with the kinds to choose from.
    const id = await twoDayCourse(t.current.app, manager, 'Tilvalg at vælge imellem');
    const da = await t.current.app.inject({ url: `/admin/events/${id}/rediger/priser`, headers: manager.headers });
    expect(da.statusCode).toBe(200);
    expect(da.body).toContain('<option value="overnight-single">Enkeltværelse: én person pr. værelse</option>');
    expect(da.body).toContain('<option value="overnight-double">Dobbeltværelse: pris pr. person, to deler et værelse</option>');
    expect(da.body).toContain('<option value="meal">Måltid (fx middag eller frokost)</option>');
    expect(da.body).toContain('tælles med i rapporten til kursusstedet');
    const english = await staffClient(t.current.app, t.current.ctx, 'manager', { locale: 'en' });
    const en = await t.current.app.inject({ url: `/admin/events/${id}/rediger/priser`, headers: english.headers });
    expect(en.body).toContain('<option value="overnight-single">Single room: one person per room</option>');
    expect(en.body).toContain('<option value="overnight-double">Double room: price per person, two share a room</option>');
  });

  it('puts an overnight-single add-on made in the form into the venue report', async () => {
    const { app, ctx } = t.current;
    const id = await twoDayCourse(app, manager, 'Digital forvaltning i to dage');
    const event = (await loadStoredEvent(ctx.db, id))!;
    expect(event.document.addOns.map((a) => [a.code, a.kind])).toEqual([
      ['enkelt', 'overnight-single'],
      ['dobbelt', 'overnight-double'],
      ['middag', 'meal'],
    ]);
    // The edit form shows the kind chosen.
    const edit = await app.inject({ url: `/admin/events/${id}/rediger/priser`, headers: manager.headers });
    expect(edit.body).toContain('<option value="overnight-single" selected>');

    expect((await postForm(app, manager, `/admin/events/${id}/publish`)).statusCode).toBe(303);
    await createRegistration(ctx, event.slug, { ...signup(1, 1), participants: [participant(1, { addOns: ['enkelt', 'middag'] })] });
    await createRegistration(ctx, event.slug, {
      ...signup(1, 2),
      participants: [participant(2, { addOns: ['dobbelt'] }), participant(3, { addOns: ['dobbelt'] })],
    });

    const roster = (await loadRoster(ctx.db, id))!;
    const report = venueReport(roster, event.document.sessions, 'da');
    expect(report.nights).toEqual([expect.objectContaining({ date: '2026-10-05', single: 1, doubleGuests: 2, doubleRooms: 1, guests: 3 })]);
    expect(report.meals.find((m) => m.label === 'Middag')).toMatchObject({ count: 1 });

    // The back office offers the report and it downloads.
    const exportsPage = await app.inject({ url: `/admin/events/${id}/exports`, headers: manager.headers });
    expect(exportsPage.body).toContain('venue-report.xlsx');
    const file = await app.inject({ url: `/admin/events/${id}/exports/venue-report.pdf`, headers: manager.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
  });
});
