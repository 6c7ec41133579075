/**
 * "Opret tilmelding" in the back office (/admin/events/:id/registrations/new):
 * the public form's rules through the staff booking engine, with the staff's
 * ticks for the deadline, overbooking and the confirmation mail. Only those who
 * may change registrations may book; hostile posts never save anything.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { hostileFormFields } from '../helpers/hostile-form.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent } from './registrations-fixtures.js';

/** The form's fields for a booking of `size` participants (numbered from `first`). */
function form(size = 1, first = 1, extra: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {
    'booker[name]': 'Hanne Bestiller',
    'booker[email]': 'hanne@aarhus.dk',
    'payer[organisation]': 'Aarhus Kommune',
    'payer[cvr]': '55133018',
    'payer[ean]': '5798000416604',
    'payer[personReference]': 'HR 4711',
    'payer[address]': 'Rådhuspladsen 2',
    'payer[postalCode]': '8000',
    'payer[city]': 'Aarhus C',
    'payer[email]': 'faktura@aarhus.dk',
    acceptTerms: '1',
    sendConfirmation: '1',
    action: 'submit',
    ...extra,
  };
  for (let i = 0; i < size; i++) {
    const n = first + i;
    fields[`participants[${i}][name]`] = `Deltager ${n}`;
    fields[`participants[${i}][email]`] = `deltager${n}@kommune.dk`;
    fields[`participants[${i}][jobTitle]`] = 'Konsulent';
    fields[`participants[${i}][workplace]`] = 'Borgerservice';
  }
  return fields;
}

forEachDialect('staff booking page', (dialect) => {
  const t = useTestApp(dialect);
  let manager: StaffClient;
  let finance: StaffClient;

  beforeAll(async () => {
    const { app, ctx } = t.current;
    manager = await staffClient(app, ctx, 'manager');
    finance = await staffClient(app, ctx, 'finance');
  });

  const url = (eventId: number) => `/admin/events/${eventId}/registrations/new`;
  const book = (eventId: number, fields: Record<string, string | string[]>, client = manager, options: { csrf?: boolean } = {}) =>
    postForm(t.current.app, client, url(eventId), fields, options);
  const count = async (table: 'registrations' | 'outbox_messages', eventId?: number) => {
    let q = t.current.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
    if (eventId !== undefined && table === 'registrations') q = q.where('event_id' as never, '=', eventId as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const statusOf = async (location: string) => {
    const id = Number(/\/admin\/registrations\/(\d+)\?done=booked$/.exec(location)?.[1]);
    const row = await t.current.ctx.db.selectFrom('registrations').select(['id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
    return row.status;
  };

  it('shows the form with "Send bekræftelse" ticked, and the link on the list for a manager only', async () => {
    const { app } = t.current;
    const event = await makeEvent(t.current.ctx, {});
    const page = await app.inject({ url: url(event.id), headers: manager.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="sendConfirmation"[^>]*checked/);
    expect(page.body).not.toMatch(/name="overbook"[^>]*checked/);
    const list = await app.inject({ url: `/admin/events/${event.id}/registrations`, headers: manager.headers });
    expect(list.body).toContain(`href="${url(event.id)}"`);
    const financeList = await app.inject({ url: `/admin/events/${event.id}/registrations`, headers: finance.headers });
    expect(financeList.body).not.toContain(`href="${url(event.id)}"`);
  });

  it('books after the deadline only with the tick, and says why without it', async () => {
    const event = await makeEvent(t.current.ctx, { signupClosesAt: '2026-05-01T10:00:00.000Z' });
    const refused = await book(event.id, form());
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Fristen for tilmelding er overskredet');
    expect(refused.body).toContain('href="#ignoreDeadline"');
    expect(await count('registrations', event.id)).toBe(0);
    const res = await book(event.id, form(1, 1, { ignoreDeadline: '1' }));
    expect(res.statusCode).toBe(303);
    expect(await statusOf(res.headers.location as string)).toBe('confirmed');
    const detail = await t.current.app.inject({ url: res.headers.location as string, headers: manager.headers });
    expect(detail.body).toContain('Tilmeldingen er oprettet.');
  });

  it('puts a full event on the waiting list unless overbook is ticked', async () => {
    const event = await makeEvent(t.current.ctx, { capacity: 1 });
    expect(await statusOf((await book(event.id, form(1, 1))).headers.location as string)).toBe('confirmed');
    expect(await statusOf((await book(event.id, form(1, 2))).headers.location as string)).toBe('waitlisted');
    expect(await statusOf((await book(event.id, form(1, 3, { overbook: '1' }))).headers.location as string)).toBe('confirmed');
  });

  it('sends no mail when "Send bekræftelse" is unticked', async () => {
    const event = await makeEvent(t.current.ctx, {});
    const before = await count('outbox_messages');
    const fields = form();
    delete fields.sendConfirmation;
    expect((await book(event.id, fields)).statusCode).toBe(303);
    expect(await count('outbox_messages')).toBe(before);
    expect((await book(event.id, form(1, 2))).statusCode).toBe(303);
    expect(await count('outbox_messages')).toBe(before + 1);
  });

  it('shows the public form’s errors beside the fields and in the summary, and saves nothing', async () => {
    const event = await makeEvent(t.current.ctx, {});
    const res = await book(event.id, form(1, 1, { 'participants[0][email]': 'ikke en e-mail', 'payer[postalCode]': '' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('error-summary');
    expect(res.body).toContain('participants[0][email]');
    expect(await count('registrations', event.id)).toBe(0);
  });

  it('adds a participant and keeps what was typed', async () => {
    const event = await makeEvent(t.current.ctx, {});
    const res = await book(event.id, form(1, 1, { action: 'add' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="Deltager 1"');
    expect(res.body).toContain('name="participants[1][name]"');
    expect(await count('registrations', event.id)).toBe(0);
  });

  it('refuses a finance user (403) and a post without the CSRF token', async () => {
    const event = await makeEvent(t.current.ctx, {});
    expect((await t.current.app.inject({ url: url(event.id), headers: finance.headers })).statusCode).toBe(403);
    expect((await book(event.id, form(), finance)).statusCode).toBe(403);
    expect((await book(event.id, form(), manager, { csrf: false })).statusCode).toBe(403);
    expect(await count('registrations', event.id)).toBe(0);
    expect((await t.current.app.inject({ url: '/admin/events/abc/registrations/new', headers: manager.headers })).statusCode).toBe(404);
    expect((await t.current.app.inject({ url: '/admin/events/999999/registrations/new', headers: manager.headers })).statusCode).toBe(404);
  });

  it('never answers a hostile post with a 500 and saves nothing', async () => {
    const event = await makeEvent(t.current.ctx, { capacity: 2 });
    const names = Object.keys(form(2)).concat(['ignoreDeadline', 'overbook', 'submissionKey', 'participants[99][name]']);
    await fc.assert(
      fc.asyncProperty(hostileFormFields(names, { maxLength: 20, extraTexts: ['submit', 'add', 'remove:0'] }), async (fields) => {
        const res = await book(event.id, Object.fromEntries(fields));
        expect(res.statusCode).toBeLessThan(500);
        expect(await count('registrations', event.id)).toBe(0);
      }),
      { numRuns: 15 },
    );
  });
});
