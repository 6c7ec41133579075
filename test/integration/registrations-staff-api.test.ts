/**
 * The registrations staff API: GET /api/v1/registrations?event={slug} and
 * GET /api/v1/registrations/{id} with bearer tokens, the back office's role
 * rules (facilitators only for their events), and its place in the OpenAPI document.
 */
import { beforeAll, expect, it } from 'vitest';
import { createRegistration, type CreatedRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

forEachDialect('registrations staff API', (dialect) => {
  const t = useTestApp(dialect);
  const tokens = { admin: '', manager: '', finance: '', facilitator: '', assigned: '' };
  let event: TestEvent;
  let other: TestEvent;
  let booking: CreatedRegistration;
  let elsewhere: CreatedRegistration;

  beforeAll(async () => {
    const { ctx } = t.current;
    event = await makeEvent(ctx, { questions: true });
    other = await makeEvent(ctx);
    booking = await createRegistration(
      ctx,
      event.slug,
      signup(2, 1, {
        participants: [
          participant(1, { answers: { [String(event.questionIds.workshop)]: 'b' } }),
          participant(2, { answers: { [String(event.questionIds.workshop)]: 'a' } }),
        ],
      }),
    );
    await createRegistration(ctx, event.slug, signup(1, 3, { participants: [participant(3, { answers: { [String(event.questionIds.workshop)]: 'a' } })] }));
    elsewhere = await createRegistration(ctx, other.slug, signup(1, 9));
    for (const role of ['admin', 'manager', 'finance', 'facilitator'] as const) tokens[role] = await bearerFor(ctx, (await createStaff(ctx, role)).id);
    const assigned = await createStaff(ctx, 'facilitator');
    tokens.assigned = await bearerFor(ctx, assigned.id);
    await ctx.db.insertInto('event_facilitators').values({ event_id: event.id, user_id: assigned.id }).execute();
  });

  const get = (url: string, authorization?: string) => t.current.app.inject({ url, headers: authorization ? { authorization } : {} });

  it('lists an event’s registrations with participants and answers for every reading role', async () => {
    for (const role of ['admin', 'manager', 'finance', 'assigned'] as const) {
      const res = await get(`/api/v1/registrations?event=${event.slug}`, tokens[role]);
      expect(res.statusCode, role).toBe(200);
      const body = res.json();
      expect(body.total).toBe(2);
      expect(body.event).toEqual({ id: event.id, slug: event.slug });
      expect(body.items[0].id).toBe(booking.id);
      expect(body.items[0].participants.map((p: { name: string }) => p.name)).toEqual(['Deltager 1', 'Deltager 2']);
      expect(body.items[0].participants[0].answers).toEqual({ [String(event.questionIds.workshop)]: 'b' });
      expect(body.items[0].payer.cvr).toBe('55133018');
      expect(body.items[0].urls.admin).toBe(`http://tilmeld.test/admin/registrations/${booking.id}`);
    }
  });

  it('pages the list in order of arrival and refuses a page size out of range', async () => {
    const first = (await get(`/api/v1/registrations?event=${event.slug}&perPage=1`, tokens.admin)).json();
    expect(first).toMatchObject({ total: 2, page: 1, perPage: 1 });
    expect(first.items.map((r: { id: number }) => r.id)).toEqual([booking.id]);
    const second = (await get(`/api/v1/registrations?event=${event.slug}&perPage=1&page=2`, tokens.admin)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(booking.id);
    const beyond = (await get(`/api/v1/registrations?event=${event.slug}&perPage=1&page=3`, tokens.admin)).json();
    expect(beyond).toMatchObject({ total: 2, items: [] });
    expect((await get(`/api/v1/registrations?event=${event.slug}&perPage=201`, tokens.admin)).statusCode).toBe(400);
    expect((await get(`/api/v1/registrations?event=${event.slug}&page=0`, tokens.admin)).statusCode).toBe(400);
  });

  it('gives one registration by id', async () => {
    const res = await get(`/api/v1/registrations/${booking.id}`, tokens.finance);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: booking.id, status: 'confirmed', event: { slug: event.slug }, booker: { email: 'deltager1@kommune.dk' } });
  });

  it('answers 401 without a token or with a bad one', async () => {
    expect((await get(`/api/v1/registrations?event=${event.slug}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/registrations/${booking.id}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/registrations/${booking.id}`, 'Bearer nonsense')).statusCode).toBe(401);
  });

  it('answers 403 to a facilitator for events not assigned to them', async () => {
    expect((await get(`/api/v1/registrations?event=${event.slug}`, tokens.facilitator)).statusCode).toBe(403);
    expect((await get(`/api/v1/registrations/${booking.id}`, tokens.facilitator)).statusCode).toBe(403);
    expect((await get(`/api/v1/registrations/${elsewhere.id}`, tokens.assigned)).statusCode).toBe(403);
    expect((await get(`/api/v1/registrations/${booking.id}`, tokens.assigned)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown event or registration, 400 for a malformed one', async () => {
    expect((await get('/api/v1/registrations?event=findes-ikke', tokens.admin)).statusCode).toBe(404);
    expect((await get('/api/v1/registrations/999999', tokens.admin)).statusCode).toBe(404);
    expect((await get('/api/v1/registrations/abc', tokens.admin)).statusCode).toBe(400);
    expect((await get('/api/v1/registrations', tokens.admin)).statusCode).toBe(400);
    expect((await get('/api/v1/registrations?event=%00', tokens.admin)).statusCode).toBe(404);
  });

  it('is in the OpenAPI document with the bearer scheme', async () => {
    const doc = (await t.current.app.inject('/api/openapi.json')).json<{ paths: Record<string, { get?: { security?: unknown; tags?: string[] } }> }>();
    for (const path of ['/api/v1/registrations', '/api/v1/registrations/{id}']) {
      expect(doc.paths[path]?.get?.security, path).toEqual([{ bearerAuth: [] }]);
      expect(doc.paths[path]?.get?.tags).toEqual(['registrations']);
    }
  });
});
