/**
 * Group plans under hostile input: the plan form, the move form and the
 * staff API body, filled in any way and encoded any way. Never a 500, never
 * a half-made plan. The plan form's event has one participant, so every
 * request meets every rule and none starts a solve.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { createGroupPlanForTest } from './groups-fuzz-helpers.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { encodedForm, hostileFormFields, nastyText } from '../helpers/hostile-form.js';
import { bearerFor, staffClient, type StaffClient } from '../helpers/staff.js';
import { groupsScenario, type GroupsScenario } from './groups-fixtures.js';
import { makeEvent, signup, type TestEvent } from './registrations-fixtures.js';

const EXTRA = ['1', '2', '3', '0', '-1', '1e9', '3,5', 'count', 'size', 'capacities', '8, 8', '999999999999'];
const planFields = hostileFormFields(
  [
    'rounds',
    'sizing',
    'groupCount',
    'groupSize',
    'tableCapacities',
    'weight.organisation',
    'weight.municipality',
    'weight.jobTitle',
    'weight.q1',
    'hosts',
    'apart.0.a',
    'apart.0.b',
    'together.2.a',
    'together.2.b',
    'seconds',
  ],
  { extraTexts: EXTRA, maxLength: 12 },
);
const moveFields = hostileFormFields(['round', 'participant', 'table'], { extraTexts: EXTRA, maxLength: 6 });

/** A JSON body of any shape, and bodies close to a good one. */
const apiBody = fc.oneof(
  fc.anything(),
  fc.record(
    {
      rounds: fc.oneof(fc.integer({ min: -3, max: 9 }), nastyText(EXTRA), fc.double()),
      groupCount: fc.oneof(fc.integer({ min: -1, max: 300 }), nastyText()),
      groupSize: fc.integer({ min: -1, max: 300 }),
      tableCapacities: fc.array(fc.oneof(fc.integer({ min: -5, max: 300 }), fc.string()), { maxLength: 5 }),
      mix: fc.array(
        fc.record({
          attribute: fc.oneof(fc.constantFrom('organisation', 'municipality', 'jobTitle', 'question:1', 'question:0', '__proto__'), fc.string()),
          weight: fc.oneof(fc.double(), fc.integer()),
        }),
        { maxLength: 4 },
      ),
      constraints: fc.record(
        { hosts: fc.array(fc.integer(), { maxLength: 4 }), apart: fc.array(fc.tuple(fc.integer(), fc.integer()), { maxLength: 3 }), together: fc.anything() },
        { requiredKeys: [] },
      ),
      seconds: fc.oneof(fc.double(), fc.integer({ min: -1, max: 100 })),
    },
    { requiredKeys: [] },
  ),
);

forEachDialect('group plans under hostile input', (dialect) => {
  const t = useTestApp(dialect);
  let lonely: TestEvent;
  let seated: GroupsScenario;
  let planId: number;
  let manager: StaffClient;
  let bearer: string;

  beforeAll(async () => {
    const { ctx, app } = t.current;
    lonely = await makeEvent(ctx);
    await createRegistration(ctx, lonely.slug, signup(1, 1));
    seated = await groupsScenario(ctx, 6);
    planId = await createGroupPlanForTest(ctx, seated.event.id);
    manager = await staffClient(app, ctx, 'manager');
    bearer = await bearerFor(ctx, manager.staff.id);
  });

  const plans = async () =>
    Number(
      (
        await t.current.ctx.db
          .selectFrom('group_plans')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('never answers 500 to the plan form, and makes no plan from it', async () => {
    const { app } = t.current;
    const before = await plans();
    await fc.assert(
      fc.asyncProperty(planFields, fc.boolean(), async (fields, asJson) => {
        const { payload, type } = encodedForm(fields, manager.csrfToken, asJson);
        const res = await app.inject({
          method: 'POST',
          url: `/admin/events/${lonely.id}/grupper`,
          headers: { ...manager.headers, 'content-type': type },
          payload,
        });
        expect([400, 403, 415]).toContain(res.statusCode);
        if (res.statusCode === 400 && type.startsWith('application/x-www')) expect(res.body).toContain('id="error-summary"');
      }),
      { numRuns: 40 },
    );
    expect(await plans()).toBe(before);
  });

  it('never answers 500 to the API, whatever the body', async () => {
    const { app } = t.current;
    const before = await plans();
    await fc.assert(
      fc.asyncProperty(apiBody, async (body) => {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/events/${lonely.slug}/group-plans`,
          headers: { authorization: bearer, 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect([400, 422]).toContain(res.statusCode);
        const json = res.json<{ errors?: Array<{ path: string; message: string }> }>();
        if (res.statusCode === 422) for (const e of json.errors!) expect(e.message).not.toBe('');
      }),
      { numRuns: 60 },
    );
    expect(await plans()).toBe(before);
  });

  it('never answers 500 to the move form and keeps every round a partition', async () => {
    const { app, ctx } = t.current;
    await fc.assert(
      fc.asyncProperty(moveFields, fc.boolean(), async (fields, asJson) => {
        const { payload, type } = encodedForm(fields, manager.csrfToken, asJson);
        const res = await app.inject({
          method: 'POST',
          url: `/admin/events/${seated.event.id}/grupper/${planId}/move`,
          headers: { ...manager.headers, 'content-type': type },
          payload,
        });
        expect([303, 400, 403, 404, 415]).toContain(res.statusCode);
      }),
      { numRuns: 40 },
    );
    const rows = await ctx.db
      .selectFrom('group_plan_assignments')
      .innerJoin('group_plan_rounds', 'group_plan_rounds.id', 'group_plan_assignments.round_id')
      .select(['group_plan_rounds.round_no', 'group_plan_assignments.participant_id'])
      .where('group_plan_rounds.plan_id', '=', planId)
      .execute();
    for (const round of [1, 2])
      expect(
        rows
          .filter((r) => r.round_no === round)
          .map((r) => r.participant_id)
          .sort((a, b) => a - b),
      ).toEqual([...seated.participantIds].sort((a, b) => a - b));
  });
});
