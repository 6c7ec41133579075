/**
 * Group plans on both databases: the staff API (201 with a partition of the
 * confirmed participants, 422 with an error per field), who may use it,
 * rounds that avoid repeats, hosts and pairs, the back-office pages (errors
 * beside their fields), moving a person and re-optimising around them, the
 * files, and what participants see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { pdfText } from '../helpers/pdf-text.js';
import { bearerFor, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { groupsScenario, type GroupsScenario } from './groups-fixtures.js';

interface PlanJson {
  id: number;
  score: number;
  randomScore: number;
  rounds: Array<{ round: number; repeatPairs: number; groups: Array<{ table: number; participantIds: number[]; lockedIds: number[]; score: number }> }>;
}

function tableOf(plan: PlanJson, round: number, participantId: number): number | undefined {
  return plan.rounds[round - 1]!.groups.find((g) => g.participantIds.includes(participantId))?.table;
}

forEachDialect('group plans', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let s: GroupsScenario;
  let clients: Record<'manager' | 'finance' | 'facilitator' | 'assigned', StaffClient>;
  let bearer: Record<'manager' | 'finance' | 'facilitator' | 'assigned', string>;

  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect));
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    s = await groupsScenario(ctx);
    clients = {
      manager: await staffClient(app, ctx, 'manager'),
      finance: await staffClient(app, ctx, 'finance'),
      facilitator: await staffClient(app, ctx, 'facilitator'),
      assigned: await staffClient(app, ctx, 'facilitator', { locale: 'en' }),
    };
    await ctx.db.insertInto('event_facilitators').values({ event_id: s.event.id, user_id: clients.assigned.staff.id }).execute();
    bearer = {
      manager: await bearerFor(ctx, clients.manager.staff.id),
      finance: await bearerFor(ctx, clients.finance.staff.id),
      facilitator: await bearerFor(ctx, clients.facilitator.staff.id),
      assigned: await bearerFor(ctx, clients.assigned.staff.id),
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const api = (who: keyof typeof bearer, body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/events/${s.event.slug}/group-plans`,
      headers: { authorization: bearer[who], ...headers },
      payload: body as object,
    });

  describe('the staff API', () => {
    it('answers 201 with every confirmed participant at one table per round, sizes differing by at most one, and GET returns it', async () => {
      const res = await api('manager', { rounds: 2, groupSize: 5, seconds: 0.3 });
      expect(res.statusCode).toBe(201);
      const plan = res.json<PlanJson>();
      expect(plan.rounds).toHaveLength(2);
      for (const round of plan.rounds) {
        expect(round.groups).toHaveLength(5);
        const ids = round.groups.flatMap((g) => g.participantIds).sort((a, b) => a - b);
        expect(ids).toEqual([...s.participantIds].sort((a, b) => a - b));
        const sizes = round.groups.map((g) => g.participantIds.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
      }
      expect(plan.score).toBeGreaterThan(plan.randomScore);
      const got = await app.inject({ url: `/api/v1/events/${s.event.slug}/group-plans/${plan.id}`, headers: { authorization: bearer.manager } });
      expect(got.statusCode).toBe(200);
      expect(got.json<PlanJson>().rounds).toEqual(plan.rounds);
    });

    it('puts people with someone new in round 2 when the tables allow it', async () => {
      // 24 people at 6 tables of 4: round 2 can seat everyone with four people from four other tables.
      const plan = (await api('manager', { rounds: 2, groupCount: 6, seconds: 0.6 })).json<PlanJson>();
      expect(plan.rounds[1]!.repeatPairs).toBe(0);
      const met = new Set(
        plan.rounds[0]!.groups.flatMap((g) => g.participantIds.flatMap((a) => g.participantIds.filter((b) => b > a).map((b) => `${a}-${b}`))),
      );
      for (const g of plan.rounds[1]!.groups)
        for (const a of g.participantIds) for (const b of g.participantIds) if (b > a) expect(met.has(`${a}-${b}`)).toBe(false);
    });

    it('keeps hosts at their own table in every round, pairs apart apart and pairs together together', async () => {
      const [h1, h2, a, b, c, d] = [
        s.participantIds[0]!,
        s.participantIds[3]!,
        s.participantIds[6]!,
        s.participantIds[9]!,
        s.participantIds[12]!,
        s.participantIds[15]!,
      ];
      const res = await api('manager', { rounds: 3, groupCount: 4, seconds: 0.6, constraints: { hosts: [h1, h2], apart: [[a, b]], together: [[c, d]] } });
      expect(res.statusCode).toBe(201);
      const plan = res.json<PlanJson>();
      for (const r of [1, 2, 3]) {
        expect(tableOf(plan, r, h1)).toBe(1);
        expect(tableOf(plan, r, h2)).toBe(2);
        expect(tableOf(plan, r, a)).not.toBe(tableOf(plan, r, b));
        expect(tableOf(plan, r, c)).toBe(tableOf(plan, r, d));
      }
    });

    it('answers 422 with an error per field, in English when asked', async () => {
      const res = await api('manager', { rounds: 9, groupCount: 3, groupSize: 4, mix: [{ attribute: 'shoeSize', weight: 1 }] });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['rounds']);
      const rules = await api(
        'manager',
        { rounds: 2, groupCount: 3, groupSize: 4, mix: [{ attribute: 'shoeSize', weight: 1 }], constraints: { apart: [[s.participantIds[0]!, 999_999]] } },
        { 'accept-language': 'en' },
      );
      expect(rules.statusCode).toBe(422);
      const errors = rules.json<{ errors: Array<{ path: string; code: string; message: string }> }>().errors;
      expect(errors.map((e) => [e.path, e.code])).toEqual([
        ['groupSize', 'one_sizing'],
        ['mix.0.attribute', 'unknown_attribute'],
        ['constraints.apart.0', 'unknown_participant'],
      ]);
      expect(errors[0]!.message).toMatch(/only one of them/);
      const tooMany = await api('manager', { rounds: 1, groupCount: 25 });
      expect(tooMany.json<{ errors: Array<{ path: string; message: string }> }>().errors).toEqual([
        { path: 'groupCount', code: 'too_many_tables', message: 'Der kan højst være lige så mange borde som deltagere (24).' },
      ]);
      expect((await api('manager', 'not json at all', { 'content-type': 'text/plain' })).statusCode).toBeLessThan(500);
    });

    it('lets the event’s facilitator in and keeps finance and other facilitators out', async () => {
      expect((await api('assigned', { rounds: 1, groupCount: 4, seconds: 0.2 })).statusCode).toBe(201);
      expect((await api('facilitator', { rounds: 1, groupCount: 4 })).statusCode).toBe(403);
      expect((await api('finance', { rounds: 1, groupCount: 4 })).statusCode).toBe(403);
      const plans = await ctx.db.selectFrom('group_plans').select('id').where('event_id', '=', s.event.id).orderBy('id').execute();
      const get = (who: keyof typeof bearer) =>
        app.inject({ url: `/api/v1/events/${s.event.slug}/group-plans/${plans[0]!.id}`, headers: { authorization: bearer[who] } });
      expect((await get('facilitator')).statusCode).toBe(403);
      expect((await get('assigned')).statusCode).toBe(200);
      expect((await app.inject({ url: `/api/v1/events/${s.event.slug}/group-plans/999999`, headers: { authorization: bearer.manager } })).statusCode).toBe(404);
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/events/no-such-event/group-plans', headers: { authorization: bearer.manager }, payload: {} }))
          .statusCode,
      ).toBe(404);
    });
  });

  describe('the pages', () => {
    const groupsUrl = () => `/admin/events/${s.event.id}/grupper`;

    it('shows the form to managers and the event’s facilitator, 403 to finance and other facilitators', async () => {
      const page = await app.inject({ url: groupsUrl(), headers: clients.manager.headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="rounds"');
      expect(page.body).toContain('Person A1 (Aarhus Kommune)');
      expect((await app.inject({ url: groupsUrl(), headers: clients.assigned.headers })).body).toContain('Make the plan');
      expect((await app.inject({ url: groupsUrl(), headers: clients.finance.headers })).statusCode).toBe(403);
      expect((await app.inject({ url: groupsUrl(), headers: clients.facilitator.headers })).statusCode).toBe(403);
      expect((await app.inject({ url: `/admin/events/${s.event.id}`, headers: clients.manager.headers })).body).toContain(`href="${groupsUrl()}"`);
    });

    it('shows errors beside their fields and in the summary, and keeps what was typed', async () => {
      const res = await postForm(app, clients.manager, groupsUrl(), {
        rounds: '7',
        sizing: 'capacities',
        tableCapacities: '8, x',
        'weight.organisation': 'lots',
        seconds: '3',
        'apart.0.a': String(s.participantIds[0]),
        'apart.0.b': String(s.participantIds[0]),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<title>Fejl: ');
      for (const id of ['rounds', 'tableCapacities', 'weight-organisation']) {
        expect(res.body).toContain(`href="#${id}"`);
        expect(res.body).toContain(`id="${id}-error"`);
      }
      expect(res.body).toContain('value="8, x"');
      // Once the numbers are numbers, the plan's own rules speak at their fields.
      const rules = await postForm(app, clients.manager, groupsUrl(), {
        rounds: '2',
        sizing: 'capacities',
        tableCapacities: '8, 8',
        'weight.organisation': '3',
        seconds: '1',
        'apart.1.a': String(s.participantIds[0]),
        'apart.1.b': String(s.participantIds[0]),
      });
      expect(rules.statusCode).toBe(400);
      expect(rules.body).toContain('id="tableCapacities-error"');
      expect(rules.body).toContain('Der er færre pladser end deltagere (24)');
      expect(rules.body).toContain('id="apart-1-a-error"');
      expect(rules.body).toContain('Vælg to forskellige deltagere.');
    });

    it('makes a plan from the form, moves a person (locked) and re-optimises around them', async () => {
      const made = await postForm(app, clients.manager, groupsUrl(), {
        rounds: '2',
        sizing: 'count',
        groupCount: '4',
        'weight.organisation': '3',
        'weight.municipality': '2',
        'weight.jobTitle': '1',
        seconds: '0.4',
      });
      expect(made.statusCode).toBe(303);
      const planUrl = made.headers.location!.split('?')[0]!;
      const planId = Number(planUrl.split('/').pop());
      const page = await app.inject({ url: made.headers.location!, headers: clients.manager.headers });
      expect(page.body).toContain('Planen er lavet.');
      expect(page.body).toContain('Runde 2');
      const getPlan = async () =>
        (await app.inject({ url: `/api/v1/events/${s.event.slug}/group-plans/${planId}`, headers: { authorization: bearer.manager } })).json<PlanJson>();
      const before = await getPlan();
      const mover = s.participantIds[5]!;
      const from = tableOf(before, 1, mover)!;
      const to = (from % 4) + 1;
      const moved = await postForm(app, clients.manager, `${planUrl}/move`, { round: '1', participant: String(mover), table: String(to) });
      expect(moved.statusCode).toBe(303);
      const afterMove = await getPlan();
      expect(tableOf(afterMove, 1, mover)).toBe(to);
      expect(afterMove.rounds[0]!.groups.find((g) => g.table === to)!.lockedIds).toEqual([mover]);
      const again = await postForm(app, clients.manager, `${planUrl}/reoptimise`);
      expect(again.statusCode).toBe(303);
      const after = await getPlan();
      expect(tableOf(after, 1, mover)).toBe(to);
      expect(after.rounds[0]!.groups.find((g) => g.table === to)!.lockedIds).toEqual([mover]);
      for (const round of after.rounds) {
        const sizes = round.groups.map((g) => g.participantIds.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(round.groups.flatMap((g) => g.participantIds)).toHaveLength(24);
      }
      const bad = await postForm(app, clients.manager, `${planUrl}/move`, { round: '1', participant: String(mover), table: '9' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(`id="move-1-${mover}-error"`);
      expect(bad.body).toContain('Vælg et bord fra 1 til 4.');
      expect((await postForm(app, clients.finance, `${planUrl}/move`, { round: '1', participant: String(mover), table: '1' })).statusCode).toBe(403);
      expect((await postForm(app, clients.facilitator, `${planUrl}/reoptimise`)).statusCode).toBe(403);
    });

    it('prints table lists per round and a card per participant with their table in every round', async () => {
      const plan = (await api('manager', { rounds: 3, groupCount: 4, seconds: 0.3 })).json<PlanJson>();
      const base = `/admin/events/${s.event.id}/grupper/${plan.id}`;
      const tables = await app.inject({ url: `${base}/tables.pdf`, headers: clients.manager.headers });
      expect(tables.headers['content-type']).toBe('application/pdf');
      const text = pdfText(tables.rawPayload);
      for (const word of ['BORDLISTER', 'Runde 1', 'Runde 3', 'Bord 4', 'Person A1 – Aarhus Kommune, Økonomi', 'Side 1 af 3']) expect(text).toContain(word);
      const cards = pdfText((await app.inject({ url: `${base}/cards.pdf`, headers: clients.manager.headers })).rawPayload);
      const p = s.participantIds[0]!;
      expect(cards).toContain('Person A1');
      expect(cards).toContain(`Runde 1: bord ${tableOf(plan, 1, p)}`);
      expect(cards).toContain(`Runde 3: bord ${tableOf(plan, 3, p)}`);
      const csv = (await app.inject({ url: `${base}/tables.csv`, headers: clients.manager.headers })).body;
      expect(csv).toContain('"Navn";"Organisation";"Arbejdssted";"Stilling";"Runde 1";"Runde 2";"Runde 3"');
      expect(csv).toContain(`"Person A1";"Aarhus Kommune";"Økonomi";"Konsulent";${tableOf(plan, 1, p)};${tableOf(plan, 2, p)};${tableOf(plan, 3, p)}`);
      const xlsx = await app.inject({ url: `${base}/tables.xlsx`, headers: clients.manager.headers });
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await app.inject({ url: `${base}/cards.pdf`, headers: clients.finance.headers })).statusCode).toBe(403);
    });

    it('shows participants their tables of the newest plan on the self-service page and in messages', async () => {
      const plan = (await api('manager', { rounds: 2, groupCount: 4, seconds: 0.2 })).json<PlanJson>();
      const page = await app.inject(`/tilmelding/${s.firstToken}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Dine borde');
      expect(page.body).toContain(`Runde 2: bord ${tableOf(plan, 2, s.participantIds[1]!)}`);
      const { placeholderValues } = await import('../../src/messages/campaigns.service.js');
      const { tablesOfEventParticipants } = await import('../../src/groups/groups.service.js');
      const { eventForMessages } = await import('../../src/messages/campaigns.queries.js');
      const event = (await eventForMessages(ctx.db, s.event.id))!;
      const tables = await tablesOfEventParticipants(ctx, s.event.id);
      const p = s.participantIds[0]!;
      expect(placeholderValues(ctx, event, 'Person A1', 'da', tables.get(p)).tables).toBe(
        `Runde 1: bord ${tableOf(plan, 1, p)} · Runde 2: bord ${tableOf(plan, 2, p)}`,
      );
      expect(placeholderValues(ctx, event, 'Ny', 'en', undefined).tables).toBe('You will be told your table when you arrive.');
    });
  });
});
