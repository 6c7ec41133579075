import { expect, it } from 'vitest';
import fc from 'fast-check';
import type { AppContext } from '../../src/context.js';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { localeFromAcceptLanguage } from '../../src/web/accept-language.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';

async function countRows(ctx: AppContext) {
  const count = async (table: 'registrations' | 'participants' | 'answers' | 'participant_add_ons') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    registrations: await count('registrations'),
    participants: await count('participants'),
    answers: await count('answers'),
    addOns: await count('participant_add_ons'),
  };
}

it('picks the message language from Accept-Language, Danish by default', () => {
  expect(localeFromAcceptLanguage(undefined)).toBe('da');
  expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
  expect(localeFromAcceptLanguage('de-DE, da;q=0.5, en;q=0.8')).toBe('en');
  expect(localeFromAcceptLanguage('da, en;q=0.9')).toBe('da');
  expect(localeFromAcceptLanguage('en;q=0, fr')).toBe('da');
  expect(localeFromAcceptLanguage(';;;,,q=x')).toBe('da');
});

forEachDialect('registrations API', (dialect) => {
  const t = useTestApp(dialect);
  const post = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
    t.current.app.inject({ method: 'POST', url: `/api/v1/events/${encodeURIComponent(slug)}/registrations`, payload: body as object, headers });

  it('answers 201 with the registration, its manage address and totals', async () => {
    const event = await makeEvent(t.current.ctx, { capacity: 2, addOns: [{ code: 'overnight', capacity: 5 }] });
    const body = signup(1);
    body.participants[0] = participant(1, { addOns: ['overnight'] });
    const res = await post(event.slug, body);
    expect(res.statusCode).toBe(201);
    const json = res.json();
    expect(json).toMatchObject({
      status: 'confirmed',
      participants: [{ name: 'Deltager 1', status: 'confirmed', waitingListPosition: null, addOns: [{ code: 'overnight', status: 'reserved' }] }],
      totals: { exVatOre: 480_000, vatOre: 120_000, inclVatOre: 600_000 },
    });
    expect(json.manageUrl).toMatch(/^http:\/\/tilmeld\.test\/tilmelding\/[A-Za-z0-9_-]{43}$/);

    const full = await post(event.slug, signup(2, 2));
    expect(full.statusCode).toBe(201);
    expect(full.json()).toMatchObject({ status: 'waitlisted', participants: [{ waitingListPosition: 1 }, { waitingListPosition: 2 }] });

    // The events API reports the seats left and the length of the waiting list.
    const detail = (await t.current.app.inject(`/api/v1/events/${event.slug}`)).json();
    expect(detail).toMatchObject({ capacity: 2, seatsAvailable: 1, waitingListLength: 2 });
  });

  it('answers 422 with a message per field in the language asked for', async () => {
    const event = await makeEvent(t.current.ctx, { questions: true });
    const body = signup(1) as any;
    body.payer.cvr = '55133019';
    body.payer.ean = '5798000416604';
    body.payer.personReference = '';
    body.acceptTerms = false;
    const da = await post(event.slug, body);
    expect(da.statusCode).toBe(422);
    const errors = da.json().errors as Array<{ path: string; code: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'payer.cvr', code: 'cvr_checksum', message: 'CVR-nummeret findes ikke. Tjek, at det er skrevet rigtigt.' },
        { path: 'payer.personReference', code: 'person_reference_required', message: expect.stringContaining('personreference') },
        { path: 'acceptTerms', code: 'terms_required', message: expect.stringContaining('betingelserne') },
        {
          path: `participants.0.answers.${event.questionIds.workshop}`,
          code: 'answer_required',
          message: 'Deltager 1: Besvar spørgsmålet: Hvilken workshop vil du deltage i?',
        },
      ]),
    );
    // NUL cannot be stored in PostgreSQL text: refused as a field error, not a server error.
    const nul = signup(1) as any;
    nul.participants[0].name = 'Deltager\u0000';
    nul.participants[0].answers = { [event.questionIds.workshop]: 'a' };
    const nulRes = await post(event.slug, nul);
    expect(nulRes.statusCode).toBe(422);
    expect(nulRes.json().errors).toEqual([{ path: 'participants.0.name', code: 'invalid_characters', message: expect.stringContaining('Navn') }]);
    const en = await post(event.slug, body, { 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' });
    expect(en.json().errors.find((e: { path: string }) => e.path === 'payer.cvr').message).toBe(
      'This CVR number does not exist. Check that it is typed correctly.',
    );
    expect(en.json().errors.find((e: { path: string }) => e.path.endsWith(`answers.${event.questionIds.workshop}`)).message).toBe(
      'Participant 1: Answer the question: Which workshop will you join?',
    );
    expect((await post(event.slug, 'not an object', { 'content-type': 'application/json' })).statusCode).toBe(400);
    expect((await post(event.slug, [])).statusCode).toBe(422);
  });

  it('answers 404 for an unknown event and 409 when sign-up is closed', async () => {
    const res = await post('findes-ikke', signup());
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'No such event' });
    expect((await post('a\u0000b', signup())).statusCode).toBe(404);
    expect((await post('x'.repeat(300), signup())).statusCode).toBe(404);
    const draft = await makeEvent(t.current.ctx, { status: 'draft' });
    const closed = await post(draft.slug, signup());
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toEqual({ error: 'signup_closed', reason: 'notPublished', message: 'Der er lukket for tilmelding til arrangementet.' });
    // Closed comes before any complaint about the data.
    expect((await post(draft.slug, {})).statusCode).toBe(409);
    const late = await makeEvent(t.current.ctx, { signupClosesAt: '2026-05-01T10:00:00.000Z' });
    const lateRes = await post(late.slug, signup(), { 'accept-language': 'en' });
    expect(lateRes.json()).toMatchObject({ reason: 'deadlinePassed', message: 'Sign-up for this event is closed.' });
  });

  it('answers 409 naming the sold-out add-on beside the participant who chose it', async () => {
    const event = await makeEvent(t.current.ctx, { addOns: [{ code: 'overnight', capacity: 0 }] });
    const body = signup(2);
    body.participants[1] = participant(2, { addOns: ['overnight'] });
    const res = await post(event.slug, body);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: 'addon_sold_out',
      message: 'Deltager 2: Overnatning i enkeltværelse er udsolgt. Fravælg det for at gennemføre tilmeldingen.',
      errors: [
        {
          path: 'participants.1.addOns.0',
          code: 'addon_sold_out',
          message: 'Deltager 2: Overnatning i enkeltværelse er udsolgt. Fravælg det for at gennemføre tilmeldingen.',
        },
      ],
    });
  });

  it('gives the same answer to a retry with the same Idempotency-Key, and saves one registration', async () => {
    const event = await makeEvent(t.current.ctx, { capacity: 1 });
    const before = await countRows(t.current.ctx);
    const key = 'c0a4b1d8-0d43-4b0e-9d3c-6a9b5e1f2a11';
    const first = await post(event.slug, signup(1, 1), { 'idempotency-key': key });
    // A seat frees up in between: the retry still repeats the first answer.
    const second = await post(event.slug, signup(1, 1), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((await countRows(t.current.ctx)).registrations).toBe(before.registrations + 1);

    // Same key, other data: refused. Another key: a new registration.
    const other = await post(event.slug, signup(1, 2), { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toBe('idempotency_key_reused');
    const fresh = await post(event.slug, signup(1, 2), { 'idempotency-key': `${key}-2` });
    expect(fresh.json().status).toBe('waitlisted');
    // The key is per event.
    const elsewhere = await makeEvent(t.current.ctx);
    expect((await post(elsewhere.slug, signup(1, 1), { 'idempotency-key': key })).json().id).not.toBe(first.json().id);
    expect((await post(event.slug, signup(1), { 'idempotency-key': 'æøå' })).statusCode).toBe(400);

    const row = await t.current.ctx.db.selectFrom('registrations').selectAll().where('id', '=', first.json().id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(first.json().manageUrl.split('/').pop());
  });

  it('saves exactly one registration when requests with the same key race', async () => {
    const event = await makeEvent(t.current.ctx, { capacity: 5 });
    const key = 'race-key-1';
    const responses = await Promise.all(Array.from({ length: 12 }, () => post(event.slug, signup(2, 1), { 'idempotency-key': key })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    const rows = await t.current.ctx.db.selectFrom('registrations').select('id').where('event_id', '=', event.id).execute();
    expect(rows).toHaveLength(1);
    const counters = await t.current.ctx.db.selectFrom('events').select(['seats_taken', 'arrival_seq']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(counters).toEqual({ seats_taken: 2, arrival_seq: 1 });
  });

  it('never answers 500 to random or hostile JSON, and stores nothing from a rejected request', async () => {
    const event = await makeEvent(t.current.ctx, { capacity: 1000, questions: true, addOns: [{ code: 'overnight', capacity: 3 }] });
    const hostileString = fc.oneof(
      fc.string(),
      fc.constantFrom("'; DROP TABLE registrations; --", '<script>alert(1)</script>', '\u0000', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'x'.repeat(5000), '55133018', '5798000416604'),
    );
    const value = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
    const nearlyValid = fc
      .record({
        field: fc.constantFrom('payer', 'participants', 'acceptTerms', 'booker', 'locale', 'consentToParticipantList'),
        sub: fc.constantFrom('organisation', 'cvr', 'ean', 'personReference', 'email', 'postalCode', '0', 'answers', 'addOns'),
        v: value,
      })
      .map(({ field, sub, v }) => {
        const body = signup(2) as any;
        if (field === 'participants') body.participants[0][sub === '0' ? 'name' : sub] = v;
        else if (field === 'payer') body.payer[sub] = v;
        else body[field] = v;
        return body;
      });
    const anyBody = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), value), nearlyValid, nearlyValid);
    let accepted = 0;
    const before = await countRows(t.current.ctx);
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const res = await post(event.slug, body, { 'content-type': 'application/json' });
        expect(res.statusCode).toBeLessThan(500);
        expect([201, 400, 409, 422]).toContain(res.statusCode);
        if (res.statusCode === 201) accepted += 1;
        if (res.statusCode === 422) {
          for (const e of res.json().errors) expect(typeof e.message).toBe('string');
        }
      }),
      { numRuns: 150 },
    );
    const after = await countRows(t.current.ctx);
    const rows = await t.current.ctx.db.selectFrom('registrations').select('id').where('event_id', '=', event.id).execute();
    expect(rows).toHaveLength(accepted);
    expect(after.registrations - before.registrations).toBe(accepted);
    // Raw nonsense that is not even JSON.
    for (const payload of ['{', '{"payer":', '\u0000', '{"__proto__":{"x":1}}', 'null']) {
      const res = await t.current.app.inject({
        method: 'POST',
        url: `/api/v1/events/${event.slug}/registrations`,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect((await countRows(t.current.ctx)).registrations).toBe(after.registrations);
  });
});
