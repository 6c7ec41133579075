/**
 * Bookings by staff through POST /api/v1/events/{slug}/registrations: a
 * staff token may book after the deadline, overbook with the explicit flag
 * and leave out the confirmation mail; anonymous callers and staff who may
 * not change registrations are refused those flags.
 */
import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { makeEvent, signup } from './registrations-fixtures.js';

forEachDialect('staff bookings through the API', (dialect) => {
  const t = useTestApp(dialect);
  let manager: string;
  let finance: string;

  beforeAll(async () => {
    const { ctx } = t.current;
    manager = await bearerFor(ctx, (await createStaff(ctx, 'manager')).id);
    finance = await bearerFor(ctx, (await createStaff(ctx, 'finance')).id);
  });

  const post = (slug: string, body: unknown, authorization?: string) =>
    t.current.app.inject({
      method: 'POST',
      url: `/api/v1/events/${slug}/registrations`,
      payload: body as object,
      headers: authorization ? { authorization } : {},
    });
  const outboxCount = async () =>
    Number(
      (
        await t.current.ctx.db
          .selectFrom('outbox_messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses the staff flags to anonymous callers and to staff who may not change registrations', async () => {
    const event = await makeEvent(t.current.ctx, {});
    for (const flags of [{ ignoreDeadline: true }, { overbook: true }, { sendConfirmation: false }]) {
      const anonymous = await post(event.slug, { ...signup(), ...flags });
      expect(anonymous.statusCode).toBe(403);
      expect(anonymous.json().error).toBe('staff_only');
      expect((await post(event.slug, { ...signup(), ...flags }, finance)).statusCode).toBe(403);
    }
    const seats = await t.current.ctx.db.selectFrom('events').select('seats_taken').where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(seats.seats_taken).toBe(0);
  });

  it('books after the deadline only with ignoreDeadline', async () => {
    const event = await makeEvent(t.current.ctx, { signupClosesAt: '2026-05-01T10:00:00.000Z' });
    expect((await post(event.slug, signup(), manager)).statusCode).toBe(409);
    const res = await post(event.slug, { ...signup(), ignoreDeadline: true }, manager);
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('confirmed');
  });

  it('never books a cancelled event, whatever the flags', async () => {
    const event = await makeEvent(t.current.ctx, { status: 'cancelled' });
    expect((await post(event.slug, { ...signup(), ignoreDeadline: true, overbook: true }, manager)).statusCode).toBe(409);
  });

  it('puts a group on the waiting list when full, and gives seats beyond capacity only with overbook', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 2 });
    expect((await post(event.slug, signup(2), manager)).json().status).toBe('confirmed');
    expect((await post(event.slug, signup(1, 3), manager)).json().status).toBe('waitlisted');
    const res = await post(event.slug, { ...signup(2, 4), overbook: true }, manager);
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('confirmed');
    const row = await ctx.db.selectFrom('events').select(['capacity', 'seats_taken', 'waiting_count']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ capacity: 4, seats_taken: 4, waiting_count: 1 });
  });

  it('sends the confirmation unless told not to', async () => {
    const event = await makeEvent(t.current.ctx, {});
    const before = await outboxCount();
    expect((await post(event.slug, { ...signup(), sendConfirmation: false }, manager)).statusCode).toBe(201);
    expect(await outboxCount()).toBe(before);
    expect((await post(event.slug, signup(1, 2), manager)).statusCode).toBe(201);
    expect(await outboxCount()).toBe(before + 1);
  });

  it('documents the flags in the OpenAPI document', async () => {
    const doc = (await t.current.app.inject('/api/openapi.json')).json() as { paths: Record<string, { post?: { description?: string } }> };
    expect(doc.paths['/api/v1/events/{slug}/registrations']?.post?.description).toContain('ignoreDeadline');
  });
});
