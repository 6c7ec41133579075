import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { auditOf, seminarDocument } from './events-admin-fixtures.js';
import { signup } from './registrations-fixtures.js';
import { loadStoredEvent } from '../../src/events/stored-event.js';

forEachDialect('staff events API', (dialect) => {
  const t = useTestApp(dialect);
  let manager: string;
  let finance: string;
  let managerId: number;
  beforeAll(async () => {
    const m = await createStaff(t.current.ctx, 'manager');
    managerId = m.id;
    manager = await bearerFor(t.current.ctx, m.id);
    finance = await bearerFor(t.current.ctx, (await createStaff(t.current.ctx, 'finance')).id);
  });

  const post = (body: unknown, authorization?: string, language?: string) =>
    t.current.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { ...(authorization ? { authorization } : {}), ...(language ? { 'accept-language': language } : {}) },
      payload: body as object,
    });
  const patch = (slug: string, body: unknown, authorization = manager) =>
    t.current.app.inject({ method: 'PATCH', url: `/api/v1/events/${encodeURIComponent(slug)}`, headers: { authorization }, payload: body as object });

  it('refuses anonymous callers (401) and roles that may not change events (403)', async () => {
    expect((await post(seminarDocument())).statusCode).toBe(401);
    expect((await post(seminarDocument(), finance)).statusCode).toBe(403);
    expect((await patch('whatever', { title: 'x' }, finance)).statusCode).toBe(403);
  });

  it('creates a draft (201) that the public API does not show until it is published with PATCH', async () => {
    const created = await post(seminarDocument({ title: 'API-seminar i Ølstykke' }), manager);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      slug: 'api-seminar-i-oelstykke',
      status: 'draft',
      promoted: 0,
      urls: { page: { da: 'http://tilmeld.test/arrangementer/api-seminar-i-oelstykke' } },
    });
    expect((await t.current.app.inject(`/api/v1/events/${body.slug}`)).statusCode).toBe(404);
    const published = await patch(body.slug, { status: 'published', title: 'API-seminar i Ølstykke, rettet' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', slug: body.slug });
    const pub = await t.current.app.inject(`/api/v1/events/${body.slug}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ title: 'API-seminar i Ølstykke, rettet', capacity: 2 });
    const audit = await auditOf(t.current.ctx, body.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['event.create', managerId],
      ['event.update', managerId],
    ]);
  });

  it('answers 422 with an error per field, in the language asked for, and saves nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.current.ctx.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await post(
      { ...seminarDocument(), title: '', capacity: 'mange', sessions: [{ startsAt: '2026-09-31T09:00', endsAt: '2026-09-10T10:00', title: 'x' }] },
      manager,
      'en',
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toBe('invalid_event');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'title', code: 'required', message: 'Title is required.' },
        { path: 'capacity', code: 'invalid_number', message: 'Number of seats: enter a whole number, such as 40.' },
        expect.objectContaining({ path: 'sessions.0.startsAt', code: 'invalid_datetime' }),
      ]),
    );
    const da = await post({ ...seminarDocument(), title: '' }, manager);
    expect(da.json().errors[0].message).toBe('Titel skal udfyldes.');
    expect(await count()).toBe(before);
  });

  it('answers 409 when the slug is taken and 404 for an unknown slug', async () => {
    const first = (await post(seminarDocument({ slug: `optaget-${dialect}` }), manager)).json();
    const clash = await post(seminarDocument({ slug: first.slug }), manager);
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: 'slug_taken', errors: [{ path: 'slug', code: 'slug_taken' }] });
    const other = (await post(seminarDocument(), manager)).json();
    expect((await patch(other.slug, { slug: first.slug })).statusCode).toBe(409);
    expect((await patch('findes-ikke', { title: 'x' })).statusCode).toBe(404);
  });

  it('raising capacity with PATCH promotes from the waiting list', async () => {
    const created = (await post(seminarDocument({ status: 'published', capacity: 1, questions: [] }), manager)).json();
    await createRegistration(t.current.ctx, created.slug, signup(1, 1));
    const waiting = await createRegistration(t.current.ctx, created.slug, signup(1, 2));
    expect(waiting.status).toBe('waitlisted');
    const res = await patch(created.slug, { capacity: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json().promoted).toBe(1);
    const p = await t.current.ctx.db.selectFrom('participants').select('status').where('registration_id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(p.status).toBe('confirmed');
  });

  it('never answers 500 to hostile bodies, and a refused body leaves nothing behind', async () => {
    const created = (await post(seminarDocument(), manager)).json();
    // Events and the one event's row: a refused request changes neither.
    const state = async () => ({
      events: (await t.current.ctx.db.selectFrom('events').select('id').execute()).length,
      event: await t.current.ctx.db.selectFrom('events').selectAll().where('id', '=', created.id).executeTakeFirst(),
      sessions: (await t.current.ctx.db.selectFrom('sessions').select('id').execute()).length,
    });
    const hostile = fc.oneof(
      fc.constantFrom('<script>alert(1)</script>', 'a\u0000b', '\ud800', 'x'.repeat(70_000), '', ' ', '__proto__', '2026-02-30T10:00'),
      fc.string({ maxLength: 40 }),
    );
    const value = fc.oneof(
      hostile,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(hostile, { maxLength: 3 }),
      fc.dictionary(hostile, hostile, { maxKeys: 3 }),
    );
    const fields = fc.constantFrom(
      'slug',
      'type',
      'status',
      'title',
      'summary',
      'venue',
      'speakers',
      'sessions',
      'capacity',
      'priceOre',
      'earlyBirdPriceOre',
      'earlyBirdEndsAt',
      'vatMode',
      'signupOpensAt',
      'addOns',
      'questions',
      'themes',
      'cancellation',
      '__proto__',
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fields, value, { maxKeys: 6 }), fc.boolean(), async (changes, create) => {
        const before = await state();
        const res = create ? await post({ ...seminarDocument(), ...changes }, manager) : await patch(created.slug, changes);
        expect([200, 201, 400, 409, 422]).toContain(res.statusCode);
        if (res.statusCode >= 400) expect(await state()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('takes the nights and meals of the price and add-ons as structured inclusions, and names a bad one by its line', async () => {
    const inclusions = [
      { kind: 'meal', date: '2026-09-10', meal: 'dinner' },
      { kind: 'night', date: '2026-09-10', room: 'double' },
    ] as const;
    const created = await post(seminarDocument({ title: `Døgnseminar via API ${dialect}`, inclusions: [...inclusions] }), manager);
    expect(created.statusCode).toBe(201);
    const stored = (await loadStoredEvent(t.current.ctx.db, created.json().id))!;
    expect(stored.document.inclusions).toEqual(inclusions);
    const bad = await patch(created.json().slug, { inclusions: [{ kind: 'night', date: '' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toContainEqual({
      path: 'inclusions.0.date',
      code: 'not_chosen',
      message: 'Overnatning og måltider i prisen, linje 1: Datoen er ikke valgt.',
    });
    expect((await loadStoredEvent(t.current.ctx.db, stored.id))!.document.inclusions).toEqual(inclusions);
    // The OpenAPI document describes the structured form.
    const doc = JSON.stringify((await t.current.app.inject('/api/openapi.json')).json());
    expect(doc).toContain('"Inclusion"');
    expect(doc).toContain('The evening the night begins');
  });

  it('is in the OpenAPI document with bearer security', async () => {
    const doc = (await t.current.app.inject('/api/openapi.json')).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/events'].post).toMatchObject({ tags: ['events'], security: [{ bearerAuth: [] }] });
    expect(doc.paths['/api/v1/events/{slug}'].patch).toMatchObject({ tags: ['events'], security: [{ bearerAuth: [] }] });
    expect(Object.keys(doc.paths['/api/v1/events/{slug}'].patch.responses)).toEqual(expect.arrayContaining(['200', '404', '409', '422']));
  });
});
