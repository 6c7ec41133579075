/**
 * Shared by the back-office registration and message tests: checks that an
 * event's seat counters equal what its participants hold, and small readers.
 */
import { expect } from 'vitest';
import type { AppContext } from '../../src/context.js';

export async function counters(ctx: AppContext, eventId: number) {
  return ctx.db.selectFrom('events').select(['capacity', 'seats_taken', 'waiting_count']).where('id', '=', eventId).executeTakeFirstOrThrow();
}

export async function statusesOf(ctx: AppContext, eventId: number): Promise<Record<string, string>> {
  const rows = await ctx.db.selectFrom('participants').select(['name', 'status']).where('event_id', '=', eventId).orderBy('id').execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.status]));
}

/**
 * The counters of an event equal its participants: seats taken = confirmed,
 * waiting = waitlisted, never above capacity; each add-on's stock equals the
 * reserved lines.
 */
export async function expectSeatsExact(ctx: AppContext, eventId: number): Promise<void> {
  const rows = await ctx.db.selectFrom('participants').select('status').where('event_id', '=', eventId).execute();
  const c = await counters(ctx, eventId);
  expect(c.seats_taken).toBe(rows.filter((p) => p.status === 'confirmed').length);
  expect(c.waiting_count).toBe(rows.filter((p) => p.status === 'waitlisted').length);
  expect(c.seats_taken).toBeLessThanOrEqual(c.capacity);
  const addOns = await ctx.db.selectFrom('event_add_ons').selectAll().where('event_id', '=', eventId).execute();
  for (const a of addOns) {
    const held = await ctx.db
      .selectFrom('participant_add_ons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('add_on_id', '=', a.id)
      .where('status', '=', 'reserved')
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(a.taken);
    if (a.capacity !== null) expect(a.taken).toBeLessThanOrEqual(a.capacity);
  }
}

/** Outbox rows whose dedupe key starts with the prefix. */
export async function outboxKeys(ctx: AppContext, prefix: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('outbox_messages').select('dedupe_key').where('dedupe_key', 'like', `${prefix}%`).orderBy('id').execute();
  return rows.map((r) => r.dedupe_key ?? '');
}
