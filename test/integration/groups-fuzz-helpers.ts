import type { AppContext } from '../../src/context.js';
import { createPlan } from '../../src/groups/groups.service.js';

/** A two-round plan of three tables, made quickly. */
export async function createGroupPlanForTest(ctx: AppContext, eventId: number): Promise<number> {
  const made = await createPlan(ctx, null, eventId, { rounds: 2, groupCount: 3, seconds: 0.1 }, 'da');
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.planId;
}
