/**
 * The back office's registration forms and pages under hostile input: any
 * field, any text, any encoding, any address. Never a 500, and whatever was
 * accepted leaves the seat counters exact.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { createRegistration, type CreatedRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { encodedForm, hostileFormFields, nastyText } from '../helpers/hostile-form.js';
import { forEachDialect } from '../helpers/databases.js';
import { staffClient, type StaffClient } from '../helpers/staff.js';
import { expectSeatsExact } from './registrations-admin-helpers.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

/** The words these forms understand, and a NUL inside a word. */
const EXTRA_TEXTS = ['a\u0000b', 'on', 'charge', 'waive', '-1'];
const formFields = hostileFormFields(
  [
    'note',
    'key',
    'fee',
    'overbook',
    'participants[0][name]',
    'participants[0][email]',
    'participants[0][jobTitle]',
    'participants[0][workplace]',
    'participants[0][phone]',
    'participants[0][diet]',
    'participants[0][answers][1]',
    'participants[0][answers][1][]',
    'participants[0][answers][999999999]',
    'participants[3][name]',
  ],
  { extraTexts: EXTRA_TEXTS, maxLength: 10 },
);
const nasty = nastyText(EXTRA_TEXTS);

forEachDialect('registrations back office under hostile input', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;
  let bookings: CreatedRegistration[];
  let manager: StaffClient;

  beforeAll(async () => {
    const { ctx, app } = t.current;
    event = await makeEvent(ctx, {
      capacity: 3,
      questions: true,
      addOns: [{ code: 'overnight', capacity: 2 }],
      settings: { cancellation: { freeDays: 200, late: 'fee', lateFeeOre: 10_000 } },
    });
    const answers = (n: number) => participant(n, { answers: { [String(event.questionIds.workshop)]: 'a' } });
    bookings = [];
    for (let i = 0; i < 4; i++)
      bookings.push(await createRegistration(ctx, event.slug, signup(2, i * 2 + 1, { participants: [answers(i * 2 + 1), answers(i * 2 + 2)] })));
    manager = await staffClient(app, ctx, 'manager');
  });

  it('never answers 500 to any action form, however it is filled in or encoded, and keeps the seats exact', async () => {
    const { app, ctx } = t.current;
    const ids = bookings.map((b) => b.id);
    const participants = bookings.flatMap((b) => b.participants.map((p) => ({ registration: b.id, participant: p.id })));
    const seen = new Set<number>();
    const targets = fc.oneof(
      fc.constantFrom(...ids).map((id) => `/admin/registrations/${id}/notes`),
      fc.constantFrom(...ids).map((id) => `/admin/registrations/${id}/resend`),
      fc.constantFrom(...ids).map((id) => `/admin/registrations/${id}/cancel`),
      fc
        .tuple(fc.constantFrom(...participants), fc.constantFrom('edit', 'substitute', 'move', 'cancel'))
        .map(([p, a]) => `/admin/registrations/${p.registration}/participants/${p.participant}/${a}`),
      // A participant of another registration, or none.
      fc
        .tuple(fc.constantFrom(...ids), fc.constantFrom(...participants), fc.constantFrom('edit', 'move', 'cancel'))
        .map(([id, p, a]) => `/admin/registrations/${id}/participants/${p.participant}/${a}`),
      fc.constantFrom('/admin/registrations/0/notes', '/admin/registrations/99999999999/cancel', '/admin/registrations/1/participants/abc/edit'),
    );
    await fc.assert(
      fc.asyncProperty(targets, formFields, fc.boolean(), async (url, fields, asJson) => {
        const { payload, type } = encodedForm(fields, manager.csrfToken, asJson);
        const res = await app.inject({ method: 'POST', url, headers: { ...manager.headers, 'content-type': type }, payload });
        expect(res.statusCode, `${url} ${payload.slice(0, 200)}`).toBeLessThan(500);
        seen.add(res.statusCode);
      }),
      { numRuns: 150 },
    );
    // The forms were reached (not all stopped at the guard): some were refused, some went through.
    expect(seen).toContain(400);
    expect(seen).toContain(303);
    await expectSeatsExact(ctx, event.id);
  });

  it('never answers 500 to a hostile address or filter on the pages', async () => {
    const { app } = t.current;
    const segment = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('%00', '%', '%ZZ', '..', '1', '-1', '0x10', '9'.repeat(30), String(bookings[0]!.id)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/admin/registrations/', `/admin/events/`),
        segment,
        fc.constantFrom('', '/registrations', '/participants/1/edit', '/participants/1/move', '/cancel'),
        fc.array(fc.tuple(fc.constantFrom('q', 'status', 'organisation', 'addOn', 'page', 'done'), nasty), { maxLength: 5 }),
        async (base, first, tail, query) => {
          const params = new URLSearchParams();
          for (const [k, v] of query) params.append(k, v);
          const url = `${base}${encodeURIComponent(first)}${tail}?${params.toString()}`;
          const res = await app.inject({ method: 'GET', url, headers: manager.headers });
          expect(res.statusCode, url).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    const list = await app.inject({
      url: `/admin/events/${event.id}/registrations?q=${encodeURIComponent('\u0000 %_ \'"')}&organisation=%00`,
      headers: manager.headers,
    });
    expect(list.statusCode).toBe(200);
  });
});
