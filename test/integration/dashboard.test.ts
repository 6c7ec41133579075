import { beforeAll, describe, expect, it } from 'vitest';
import { dailySeries, deadlinesWithin, loadDashboard } from '../../src/admin/dashboard.service.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { setSignupSettings } from '../../src/registrations/signup/signup-settings.service.js';
import { forEachDialect } from '../helpers/databases.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { createStaff, staffClient } from '../helpers/staff.js';
import { makeEvent, signup, type TestEvent } from './registrations-fixtures.js';

/** TEST_NOW is 1 June 2026 10:00 UTC (12:00 in Denmark). */

describe('dashboard series and deadlines (pure)', () => {
  it('folds UTC hours into Danish days, the last 30 up to today', () => {
    const series = dailySeries(
      [
        { hour: '2026-05-31T21', n: 2 }, // 23:00 Danish time, 31 May
        { hour: '2026-05-31T22', n: 3 }, // 00:00 Danish time, 1 June
        { hour: '2026-06-01T09', n: 1 },
        { hour: '2026-05-02T21', n: 7 }, // 2 May 23:00: before the first day
      ],
      TEST_NOW,
      30,
    );
    expect(series).toHaveLength(30);
    expect(series[0]!.date).toBe('2026-05-03');
    expect(series.at(-1)).toEqual({ date: '2026-06-01', count: 4 });
    expect(series.at(-2)).toEqual({ date: '2026-05-31', count: 2 });
    expect(series.reduce((s, d) => s + d.count, 0)).toBe(6);
  });

  it('lists sign-up closing, end of free cancellation and start within the window, soonest first', () => {
    const row = (id: number, startsAt: string, closes: string | null, freeDays: number) => ({
      id,
      title: `E${id}`,
      status: 'published' as const,
      starts_at: startsAt,
      ends_at: startsAt,
      capacity: 10,
      seats_taken: 0,
      waiting_count: 0,
      signup_closes_at: closes,
      cancellation_free_days: freeDays,
    });
    const until = new Date('2026-06-08T10:00:00.000Z');
    const list = deadlinesWithin(
      [
        row(1, '2026-06-03T07:00:00.000Z', '2026-06-02T10:00:00.000Z', 0),
        row(2, '2026-06-20T07:00:00.000Z', '2026-06-18T10:00:00.000Z', 14), // free cancellation ends 6 June
        row(3, '2026-07-20T07:00:00.000Z', '2026-06-01T09:00:00.000Z', 7), // closed already; nothing this week
      ],
      TEST_NOW,
      until,
    );
    expect(list.map((d) => [d.eventId, d.kind, d.at])).toEqual([
      [1, 'signupCloses', '2026-06-02T10:00:00.000Z'],
      [1, 'starts', '2026-06-03T07:00:00.000Z'],
      [2, 'freeCancellationEnds', '2026-06-06T07:00:00.000Z'],
    ]);
  });
});

forEachDialect('dashboard', (dialect) => {
  const t = useTestApp(dialect);
  let full: TestEvent;
  let half: TestEvent;
  let soon: TestEvent;
  let facilitatorId: number;

  beforeAll(async () => {
    const { ctx } = t.current;
    // Starts 15 September: capacity 4, 4 confirmed, 3 waiting.
    full = await makeEvent(ctx, { capacity: 4, signupClosesAt: '2026-09-01T10:00:00.000Z' });
    await createRegistration(ctx, full.slug, signup(3, 1));
    await createRegistration(ctx, full.slug, signup(1, 4));
    await createRegistration(ctx, full.slug, signup(2, 5));
    await createRegistration(ctx, full.slug, signup(1, 7));
    // Starts 15 September: 1 of 10.
    half = await makeEvent(ctx, { capacity: 10 });
    await createRegistration(ctx, half.slug, signup(1, 8));
    // Starts in 4 days; sign-up closes in 2; free cancellation ended 3 days before the start, i.e. tomorrow.
    soon = await makeEvent(ctx, {
      capacity: 20,
      signupClosesAt: '2026-06-03T10:00:00.000Z',
      sessions: [{ startsAt: '2026-06-05T07:00:00.000Z', endsAt: '2026-06-05T14:00:00.000Z', title: 'Kursus' }],
    });
    await setSignupSettings(ctx, soon.id, { cancellation: { freeDays: 3, late: 'fee', lateFeeOre: 10_000 } });
    // Eight participants, spread over Danish days: today 4, yesterday 2, 10 days ago 1; one 40 days ago falls outside.
    const ids = (await ctx.db.selectFrom('participants').select('id').orderBy('id').execute()).map((p) => p.id);
    const move = (id: number, createdAt: string) => ctx.db.updateTable('participants').set({ created_at: createdAt }).where('id', '=', id).execute();
    await move(ids[0]!, '2026-05-31T08:00:00.000Z');
    await move(ids[1]!, '2026-05-31T21:30:00.000Z'); // 23:30 Danish time, still 31 May
    await move(ids[2]!, '2026-05-22T10:00:00.000Z');
    await move(ids[3]!, '2026-04-22T10:00:00.000Z');
    const facilitator = await createStaff(ctx, 'facilitator');
    facilitatorId = facilitator.id;
    await ctx.db.insertInto('event_facilitators').values({ event_id: half.id, user_id: facilitatorId }).execute();
  });

  it('counts fill rates, waiting lists, sign-ups per day and this week’s deadlines', async () => {
    const data = await loadDashboard(t.current.ctx, { id: 0, role: 'manager' });
    expect(data.upcoming.map((e) => [e.id, e.confirmed, e.capacity, e.percent, e.waiting])).toEqual([
      [soon.id, 0, 20, 0, 0],
      [full.id, 4, 4, 100, 3],
      [half.id, 1, 10, 10, 0],
    ]);
    expect(data.waiting.map((e) => [e.id, e.waiting])).toEqual([[full.id, 3]]);
    expect(data.signupTotal).toBe(7);
    expect(data.signups.find((d) => d.date === '2026-06-01')!.count).toBe(4);
    expect(data.signups.find((d) => d.date === '2026-05-31')!.count).toBe(2);
    expect(data.signups.find((d) => d.date === '2026-05-22')!.count).toBe(1);
    expect(data.deadlines.map((d) => [d.eventId, d.kind, d.at])).toEqual([
      [soon.id, 'freeCancellationEnds', '2026-06-02T07:00:00.000Z'],
      [soon.id, 'signupCloses', '2026-06-03T10:00:00.000Z'],
      [soon.id, 'starts', '2026-06-05T07:00:00.000Z'],
    ]);
  });

  it('shows a facilitator only the events assigned to them', async () => {
    const data = await loadDashboard(t.current.ctx, { id: facilitatorId, role: 'facilitator' });
    expect(data.upcoming.map((e) => e.id)).toEqual([half.id]);
    expect(data.waiting).toEqual([]);
    expect(data.deadlines).toEqual([]);
    expect(data.signupTotal).toBe(1);
  });

  it('renders the page with the bars, the chart with its title and the same numbers in a table', async () => {
    const client = await staffClient(t.current.app, t.current.ctx, 'finance');
    const res = await t.current.app.inject({ url: '/admin', headers: client.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('4 af 4 (100 %)');
    expect(res.body).toContain('1 af 10 (10 %)');
    expect(res.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="signup-chart-title signup-chart-desc"/);
    expect(res.body).toContain('<title id="signup-chart-title">Tilmeldte deltagere pr. dag</title>');
    expect(res.body).toContain('7 deltagere er tilmeldt de seneste 30 dage.');
    expect(res.body).toMatch(/<td>1\. juni 2026<\/td><td class="text-align-right">4<\/td>/);
    expect(res.body).toContain('Sidste dag for gratis afmelding');
    expect((await t.current.app.inject('/admin')).statusCode).toBe(303);
  });
});
