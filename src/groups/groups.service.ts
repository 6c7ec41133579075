/**
 * Group plans: made from the event's confirmed participants and a checked
 * request, solved round by round off the request thread (the engine in a
 * worker), stored whole in one transaction. A staff member may move a
 * person to another table (the move locks them there) and re-optimise the
 * rest around the locked people and the table hosts.
 */
import { writeTransaction } from '../db/dialect.js';
import type { AppContext } from '../context.js';
import { questionsOfEvent, type QuestionRow } from '../registrations/index.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';
import type { Locale } from '../web/i18n.js';
import { translator } from '../web/i18n.js';
import { solveInWorker, type Problem } from './engine/index.js';
import * as q from './groups.queries.js';
import { diversityMatrix, engineMatrix, pairsOf, randomScore, tableBounds, tableCount, tableScore, tableShare, type Person } from './mix.js';
import { checkPlanInput, parseStoredSettings, type FieldError, type PlanSettings } from './plan-settings.js';

export interface EventPeople {
  people: Person[];
  questions: QuestionRow[];
}

function parseAnswer(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export async function eventPeople(ctx: AppContext, eventId: number): Promise<EventPeople> {
  const [rows, answers, questions] = await Promise.all([
    q.confirmedPeople(ctx.db, eventId),
    q.answersOfConfirmed(ctx.db, eventId),
    questionsOfEvent(ctx.db, eventId),
  ]);
  const answersOf = new Map<number, Map<number, unknown>>();
  for (const a of answers) {
    const map = answersOf.get(a.participant_id) ?? new Map<number, unknown>();
    map.set(a.question_id, parseAnswer(a.value));
    answersOf.set(a.participant_id, map);
  }
  const people = rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisation: r.payer_organisation,
    workplace: r.workplace,
    jobTitle: r.job_title,
    answers: answersOf.get(r.id) ?? new Map<number, unknown>(),
  }));
  return { people, questions };
}

/** Seating one round: participant id → table number (1, 2, …). */
export type RoundSeating = Map<number, number>;

interface SolvedRound {
  tableCount: number;
  seating: RoundSeating;
  locked: Set<number>;
}

/** A round the engine could not seat: too many people pinned to one table. */
export class SeatingError extends Error {
  constructor(
    readonly roundNo: number,
    readonly tableNo: number,
  ) {
    super(`round ${roundNo}: table ${tableNo} has more pinned people than seats`);
  }
}

function checkPartition(problem: Problem, groups: number[][]): void {
  const seen = new Uint8Array(problem.n);
  groups.forEach((g, k) => {
    const b = problem.groups[k]!;
    if (g.length < b.min || g.length > b.max) throw new Error('the engine returned a table outside its bounds');
    for (const i of g) {
      if (seen[i]) throw new Error('the engine seated someone twice');
      seen[i] = 1;
      if (problem.fixed && problem.fixed[i]! >= 0 && problem.fixed[i] !== k) throw new Error('the engine moved a pinned person');
    }
  });
  if (groups.length !== problem.groups.length || seen.some((s) => s === 0)) throw new Error('the engine left someone out');
}

/**
 * Solves the rounds in order, each with the pairs of the earlier rounds as
 * repeats to avoid. `locked` holds, per round, people staff moved (they stay).
 */
async function solveRounds(
  people: ReadonlyArray<Person>,
  settings: PlanSettings,
  seed: number,
  locked: ReadonlyArray<RoundSeating> = [],
  counts: ReadonlyArray<number> = [],
): Promise<SolvedRound[]> {
  const n = people.length;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const diversity = diversityMatrix(people, settings.mix);
  const idx = (pairs: ReadonlyArray<readonly [number, number]>) =>
    pairs.filter(([a, b]) => index.has(a) && index.has(b)).map(([a, b]) => [index.get(a)!, index.get(b)!] as [number, number]);
  const apart = idx(settings.constraints.apart);
  const together = idx(settings.constraints.together);
  const met = new Map<string, [number, number]>();
  const solved: SolvedRound[] = [];
  for (let r = 0; r < settings.rounds; r++) {
    const count = counts[r] ?? tableCount(n, settings.sizing);
    const bounds = tableBounds(n, settings.sizing, count);
    const fixed = new Int32Array(n).fill(-1);
    settings.constraints.hosts.forEach((id, k) => {
      if (index.has(id) && k < count) fixed[index.get(id)!] = k;
    });
    const lockedHere = new Set<number>();
    for (const [id, table] of locked[r] ?? new Map<number, number>()) {
      if (!index.has(id) || table < 1 || table > count) continue;
      fixed[index.get(id)!] = table - 1;
      lockedHere.add(id);
    }
    const pinned = new Array<number>(count).fill(0);
    for (const g of fixed) if (g >= 0) pinned[g]! += 1;
    const over = pinned.findIndex((c, k) => c > bounds[k]!.max);
    if (over >= 0) throw new SeatingError(r + 1, over + 1);
    const problem: Problem = { n, groups: bounds, d: engineMatrix(diversity, n, settings.mix, { met: [...met.values()], apart, together }), fixed };
    const solution = await solveInWorker(problem, { seconds: settings.seconds / settings.rounds, seed: seed * 31 + r + 1 });
    checkPartition(problem, solution.groups);
    const seating: RoundSeating = new Map();
    solution.groups.forEach((g, k) => g.forEach((i) => seating.set(people[i]!.id, k + 1)));
    for (const [a, b] of pairsOf(solution.groups)) met.set(`${a}-${b}`, [a, b]);
    solved.push({ tableCount: count, seating, locked: lockedHere });
  }
  return solved;
}

export interface TableView {
  no: number;
  score: number;
  /** Share of the most the table could score (0–1). */
  share: number;
  members: Array<{ id: number; name: string; organisation: string; workplace: string; jobTitle: string; locked: boolean; host: boolean }>;
}

export interface RoundView {
  roundNo: number;
  score: number;
  randomScore: number;
  repeatPairs: number;
  tables: TableView[];
}

export interface PlanView {
  id: number;
  eventId: number;
  settings: PlanSettings;
  score: number;
  randomScore: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string;
  rounds: RoundView[];
  /** Confirmed participants without a table (signed up since the plan was made). */
  unseated: Person[];
}

interface StoredRound {
  roundNo: number;
  tableCount: number;
  seating: RoundSeating;
  locked: Set<number>;
}

/** Scores of the rounds as seated now, for the people still confirmed. */
function scoreRounds(people: ReadonlyArray<Person>, settings: PlanSettings, rounds: ReadonlyArray<StoredRound>) {
  const n = people.length;
  const diversity = diversityMatrix(people, settings.mix);
  const index = new Map(people.map((p, i) => [p.id, i]));
  const met = new Set<string>();
  const hosts = new Set(settings.constraints.hosts);
  return rounds.map((r) => {
    const tables: number[][] = Array.from({ length: r.tableCount }, () => []);
    for (const [id, table] of r.seating) if (index.has(id) && table >= 1 && table <= r.tableCount) tables[table - 1]!.push(index.get(id)!);
    const pairs = pairsOf(tables);
    const repeatPairs = pairs.filter(([a, b]) => met.has(`${a}-${b}`)).length;
    for (const [a, b] of pairs) met.add(`${a}-${b}`);
    const views: TableView[] = tables.map((t, k) => {
      const score = tableScore(diversity, n, t);
      return {
        no: k + 1,
        score,
        share: tableShare(score, t.length, settings.mix),
        members: t.map((i) => {
          const p = people[i]!;
          return {
            id: p.id,
            name: p.name,
            organisation: p.organisation,
            workplace: p.workplace,
            jobTitle: p.jobTitle,
            locked: r.locked.has(p.id),
            host: hosts.has(p.id),
          };
        }),
      };
    });
    return {
      roundNo: r.roundNo,
      tableCount: r.tableCount,
      score: views.reduce((s, t) => s + t.score, 0),
      randomScore: randomScore(
        diversity,
        n,
        tables.map((t) => t.length),
      ),
      repeatPairs,
      tables: views,
    };
  });
}

function newRounds(scored: ReturnType<typeof scoreRounds>, rounds: ReadonlyArray<StoredRound>): q.NewRound[] {
  return scored.map((s, i) => ({
    roundNo: s.roundNo,
    tableCount: s.tableCount,
    score: s.score,
    randomScore: s.randomScore,
    repeatPairs: s.repeatPairs,
    assignments: [...rounds[i]!.seating].map(([participantId, tableNo]) => ({ participantId, tableNo, locked: rounds[i]!.locked.has(participantId) })),
  }));
}

const sum = (xs: ReadonlyArray<{ score: number }>) => xs.reduce((s, x) => s + x.score, 0);
const sumRandom = (xs: ReadonlyArray<{ randomScore: number }>) => xs.reduce((s, x) => s + x.randomScore, 0);

export type CreateResult = { ok: true; planId: number } | { ok: false; errors: FieldError[] };

/** Checks the request, solves it in a worker and stores the plan. */
export async function createPlan(
  ctx: AppContext,
  staff: Pick<StaffIdentity, 'id' | 'email' | 'name'> | null,
  eventId: number,
  raw: unknown,
  locale: Locale,
): Promise<CreateResult> {
  const { people, questions } = await eventPeople(ctx, eventId);
  const checked = checkPlanInput(
    raw,
    people.map((p) => p.id),
    new Set(questions.map((x) => x.id)),
    locale,
  );
  if (!checked.ok) return checked;
  const settings = checked.settings;
  const solved = await solveRounds(people, settings, eventId);
  const rounds = solved.map((s, i) => ({ roundNo: i + 1, ...s }));
  const scored = scoreRounds(people, settings, rounds);
  const now = ctx.clock.now().toISOString();
  const planId = await writeTransaction(ctx.db, async (trx) => {
    const id = await q.insertPlan(
      trx,
      {
        event_id: eventId,
        settings: JSON.stringify(settings),
        score: sum(scored),
        random_score: sumRandom(scored),
        created_by_id: staff?.id ?? null,
        created_by_name: staff?.name ?? '',
        created_at: now,
        updated_at: now,
      },
      newRounds(scored, rounds),
    );
    if (staff)
      await recordAudit(trx, {
        actor: staff,
        action: 'groups.plan.create',
        entityType: 'event',
        entityId: eventId,
        after: { planId: id, rounds: settings.rounds },
        at: ctx.clock.now(),
      });
    return id;
  });
  return { ok: true, planId };
}

async function storedRounds(ctx: AppContext, planId: number): Promise<StoredRound[]> {
  const [rounds, assignments] = await Promise.all([q.roundsOfPlan(ctx.db, planId), q.assignmentsOfPlan(ctx.db, planId)]);
  const byRound = new Map(
    rounds.map((r) => [r.round_no, { roundNo: r.round_no, tableCount: r.table_count, seating: new Map<number, number>(), locked: new Set<number>() }]),
  );
  for (const a of assignments) {
    const r = byRound.get(a.round_no);
    if (!r) continue;
    r.seating.set(a.participant_id, a.table_no);
    if (Number(a.locked) === 1) r.locked.add(a.participant_id);
  }
  return [...byRound.values()].sort((a, b) => a.roundNo - b.roundNo);
}

/** A plan as the pages, files and API show it; undefined when it is not a plan of this event. */
export async function loadPlan(ctx: AppContext, eventId: number, planId: number): Promise<PlanView | undefined> {
  const row = await q.planRow(ctx.db, planId);
  if (!row || row.event_id !== eventId) return undefined;
  const settings = parseStoredSettings(row.settings);
  const [{ people }, rounds] = await Promise.all([eventPeople(ctx, eventId), storedRounds(ctx, planId)]);
  const scored = scoreRounds(people, settings, rounds);
  const seated = new Set(rounds.flatMap((r) => [...r.seating.keys()]));
  return {
    id: row.id,
    eventId,
    settings,
    score: sum(scored),
    randomScore: sumRandom(scored),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdByName: row.created_by_name,
    rounds: scored.map(({ tableCount: _count, ...r }) => r),
    unseated: people.filter((p) => !seated.has(p.id)),
  };
}

export type ChangeResult = { ok: true } | { ok: false; field: 'table' | 'plan'; message: string };

/** Moves a participant to another table in one round and locks them there. */
export async function moveParticipant(
  ctx: AppContext,
  staff: Pick<StaffIdentity, 'id' | 'email'>,
  eventId: number,
  planId: number,
  move: { roundNo: number; participantId: number; tableNo: number },
  locale: Locale,
): Promise<ChangeResult> {
  const t = translator(locale);
  const row = await q.planRow(ctx.db, planId);
  if (!row || row.event_id !== eventId) return { ok: false, field: 'plan', message: t('groups.error.noPlan') };
  const settings = parseStoredSettings(row.settings);
  const [{ people }, rounds] = await Promise.all([eventPeople(ctx, eventId), storedRounds(ctx, planId)]);
  const round = rounds.find((r) => r.roundNo === move.roundNo);
  if (!round || !people.some((p) => p.id === move.participantId)) return { ok: false, field: 'plan', message: t('groups.error.noPlan') };
  if (!Number.isInteger(move.tableNo) || move.tableNo < 1 || move.tableNo > round.tableCount)
    return { ok: false, field: 'table', message: t('groups.error.table', { tables: round.tableCount }) };
  if (settings.constraints.hosts.includes(move.participantId)) return { ok: false, field: 'table', message: t('groups.error.hostMove') };
  const bounds = tableBounds(people.length, settings.sizing, round.tableCount);
  const hostsThere = settings.constraints.hosts.filter((id, k) => k === move.tableNo - 1 && people.some((p) => p.id === id)).length;
  const lockedThere = [...round.locked].filter((id) => id !== move.participantId && round.seating.get(id) === move.tableNo).length;
  if (hostsThere + lockedThere + 1 > bounds[move.tableNo - 1]!.max)
    return { ok: false, field: 'table', message: t('groups.error.tableFull', { table: move.tableNo }) };
  const before = round.seating.get(move.participantId) ?? null;
  round.seating.set(move.participantId, move.tableNo);
  round.locked.add(move.participantId);
  const scored = scoreRounds(people, settings, rounds);
  await writeTransaction(ctx.db, async (trx) => {
    await q.replaceRounds(trx, planId, sum(scored), sumRandom(scored), ctx.clock.now().toISOString(), newRounds(scored, rounds));
    await recordAudit(trx, {
      actor: staff,
      action: 'groups.plan.move',
      entityType: 'event',
      entityId: eventId,
      before: { planId, ...move, tableNo: before },
      after: { planId, ...move },
      at: ctx.clock.now(),
    });
  });
  return { ok: true };
}

/** Seats everyone again around the hosts and the locked people, round by round; newcomers get a table. */
export async function reoptimisePlan(
  ctx: AppContext,
  staff: Pick<StaffIdentity, 'id' | 'email'>,
  eventId: number,
  planId: number,
  locale: Locale,
): Promise<ChangeResult> {
  const t = translator(locale);
  const row = await q.planRow(ctx.db, planId);
  if (!row || row.event_id !== eventId) return { ok: false, field: 'plan', message: t('groups.error.noPlan') };
  const settings = parseStoredSettings(row.settings);
  const [{ people }, rounds] = await Promise.all([eventPeople(ctx, eventId), storedRounds(ctx, planId)]);
  if (people.length < 2) return { ok: false, field: 'plan', message: t('groups.error.tooFew') };
  const locked = rounds.map((r) => new Map([...r.locked].map((id) => [id, r.seating.get(id)!] as const)));
  let solved: SolvedRound[];
  try {
    solved = await solveRounds(
      people,
      settings,
      eventId + planId,
      locked,
      rounds.map((r) => r.tableCount),
    );
  } catch (error) {
    if (error instanceof SeatingError) return { ok: false, field: 'plan', message: t('groups.error.tableFull', { table: error.tableNo }) };
    throw error;
  }
  const next = solved.map((s, i) => ({ roundNo: i + 1, ...s }));
  const scored = scoreRounds(people, settings, next);
  await writeTransaction(ctx.db, async (trx) => {
    await q.replaceRounds(trx, planId, sum(scored), sumRandom(scored), ctx.clock.now().toISOString(), newRounds(scored, next));
    await recordAudit(trx, { actor: staff, action: 'groups.plan.reoptimise', entityType: 'event', entityId: eventId, after: { planId }, at: ctx.clock.now() });
  });
  return { ok: true };
}

/** Each participant's table per round in the newest plan of their event. */
export async function tablesOf(ctx: AppContext, participantIds: ReadonlyArray<number>): Promise<Map<number, Array<{ roundNo: number; tableNo: number }>>> {
  const rows = await q.tablesOfParticipants(ctx.db, participantIds);
  const map = new Map<number, Array<{ roundNo: number; tableNo: number }>>();
  for (const r of rows) map.set(r.participant_id, [...(map.get(r.participant_id) ?? []), { roundNo: r.round_no, tableNo: r.table_no }]);
  return map;
}

/** A participant's table in each round. */
export type GroupTables = ReadonlyArray<{ roundNo: number; tableNo: number }>;

/** Each participant's tables in the newest plan of an event (for the mails to all of them). */
export async function tablesOfEventParticipants(ctx: AppContext, eventId: number): Promise<Map<number, Array<{ roundNo: number; tableNo: number }>>> {
  const map = new Map<number, Array<{ roundNo: number; tableNo: number }>>();
  for (const r of await q.tablesOfEvent(ctx.db, eventId))
    map.set(r.participant_id, [...(map.get(r.participant_id) ?? []), { roundNo: r.round_no, tableNo: r.table_no }]);
  return map;
}

/** "Runde 1: bord 3 · Runde 2: bord 7" (one round: "Bord 3"); '' without a plan. */
export function tablesText(tables: ReadonlyArray<{ roundNo: number; tableNo: number }> | undefined, locale: Locale): string {
  if (!tables || tables.length === 0) return '';
  const t = translator(locale);
  if (tables.length === 1) return t('groups.table', { table: tables[0]!.tableNo });
  return tables.map((x) => t('groups.roundTable', { round: x.roundNo, table: x.tableNo })).join(' · ');
}

/** The event a group page is about; undefined when there is none. */
export async function groupsEvent(ctx: AppContext, eventId: number) {
  return q.eventOfGroups(ctx.db, eventId);
}

/** The plans of an event, for its groups page. */
export async function eventPlans(ctx: AppContext, eventId: number) {
  return q.plansOfEvent(ctx.db, eventId);
}

/** The id of the event's latest plan (the one participants see); undefined when none. */
export async function latestPlanId(ctx: AppContext, eventId: number) {
  return q.latestPlanId(ctx.db, eventId);
}
