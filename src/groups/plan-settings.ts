/**
 * What a group plan is made from, as the staff API takes it and the form
 * fills it: rounds, how the tables are sized, what to mix with which weight,
 * and the constraints. One zod schema for the shape, then the rules that
 * need the event's participants; every refusal names its field, in the
 * staff member's language.
 */
import { z } from 'zod';
import { translator, type Locale, type MessageKey } from '../web/i18n.js';
import { FIXED_ATTRIBUTES, tableBounds, tableCount, type Attribute, type MixWeight, type Sizing } from './mix.js';

export const MAX_ROUNDS = 6;
export const MAX_SECONDS = 60;
export const DEFAULT_SECONDS = 3;
export const MAX_TABLES = 200;
export const MAX_PAIRS = 200;

const participantId = z.number().int().min(1).max(2_147_483_647);
const pair = z.tuple([participantId, participantId]);

export const planInputSchema = z.object({
  rounds: z.number().int().min(1).max(MAX_ROUNDS).describe('Rounds of tables, 1–6; from round 2 people meet new people'),
  groupCount: z.number().int().min(1).max(MAX_TABLES).optional().describe('Number of tables (sizes differ by at most one)'),
  groupSize: z.number().int().min(2).max(MAX_TABLES).optional().describe('Largest table size; as few tables as that allows, sizes differing by at most one'),
  tableCapacities: z.array(z.number().int().min(1).max(MAX_TABLES)).min(1).max(MAX_TABLES).optional().describe('Seats at each table'),
  mix: z
    .array(
      z.object({
        attribute: z.string().max(40).describe('organisation, municipality, jobTitle or question:<id>'),
        weight: z.number().min(0).max(100),
      }),
    )
    .max(50)
    .optional()
    .describe('What to mix and how much it counts; default organisation 3, municipality 2, job title 1'),
  constraints: z
    .object({
      hosts: z.array(participantId).max(MAX_TABLES).optional().describe('Table hosts (participant ids): host k sits at table k in every round'),
      apart: z.array(pair).max(MAX_PAIRS).optional().describe('Pairs of participant ids never at one table'),
      together: z.array(pair).max(MAX_PAIRS).optional().describe('Pairs of participant ids always at one table'),
    })
    .optional(),
  seconds: z
    .number()
    .min(0.1)
    .max(MAX_SECONDS)
    .optional()
    .describe(`Time for the optimisation in seconds (default ${DEFAULT_SECONDS}, at most ${MAX_SECONDS})`),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export interface PlanConstraints {
  hosts: number[];
  apart: Array<[number, number]>;
  together: Array<[number, number]>;
}

/** A checked plan request, stored with the plan. */
export interface PlanSettings {
  rounds: number;
  sizing: Sizing;
  mix: MixWeight[];
  constraints: PlanConstraints;
  seconds: number;
}

export const DEFAULT_MIX: MixWeight[] = [
  { attribute: 'organisation', weight: 3 },
  { attribute: 'municipality', weight: 2 },
  { attribute: 'jobTitle', weight: 1 },
];

export interface FieldError {
  /** Where in the request: 'rounds', 'mix.1.weight', 'constraints.apart.0' … */
  path: string;
  code: string;
  message: string;
}

export type Checked = { ok: true; settings: PlanSettings } | { ok: false; errors: FieldError[] };

const MESSAGES: Record<string, MessageKey> = {
  rounds: 'groups.error.rounds',
  groupCount: 'groups.error.groupCount',
  groupSize: 'groups.error.groupSize',
  tableCapacities: 'groups.error.tableCapacities',
  mix: 'groups.error.mix',
  attribute: 'groups.error.attribute',
  weight: 'groups.error.weight',
  seconds: 'groups.error.seconds',
  constraints: 'groups.error.participant',
  hosts: 'groups.error.participant',
  apart: 'groups.error.participant',
  together: 'groups.error.participant',
};

function vars(n: number) {
  return { rounds: MAX_ROUNDS, seconds: MAX_SECONDS, tables: MAX_TABLES, pairs: MAX_PAIRS, n };
}

/** The question ids a mix attribute may name. */
export function isAttribute(value: string, questionIds: ReadonlySet<number>): value is Attribute {
  if ((FIXED_ATTRIBUTES as readonly string[]).includes(value)) return true;
  const m = /^question:([1-9]\d{0,9})$/.exec(value);
  return m !== null && questionIds.has(Number(m[1]));
}

/**
 * Checks a plan request against the event: `participantIds` are the
 * confirmed participants, `questionIds` the event's questions.
 */
export function checkPlanInput(raw: unknown, participantIds: ReadonlyArray<number>, questionIds: ReadonlySet<number>, locale: Locale): Checked {
  const t = translator(locale);
  const n = participantIds.length;
  const v = vars(n);
  const parsed = planInputSchema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (seen.has(path)) continue;
      seen.add(path);
      const last = [...issue.path].reverse().find((p) => typeof p === 'string' && p in MESSAGES) as string | undefined;
      errors.push({
        path,
        code: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid',
        message: t(last ? MESSAGES[last]! : 'groups.error.body', v),
      });
    }
    return { ok: false, errors };
  }
  const input = parsed.data;
  const errors: FieldError[] = [];
  const fail = (path: string, code: string, key: MessageKey, extra: Record<string, string | number> = {}) =>
    errors.push({ path, code, message: t(key, { ...v, ...extra }) });

  if (n < 2) fail('', 'too_few_participants', 'groups.error.tooFew');

  const given = (['groupCount', 'groupSize', 'tableCapacities'] as const).filter((k) => input[k] !== undefined);
  let sizing: Sizing | undefined;
  if (given.length !== 1) fail(given[1] ?? 'groupCount', 'one_sizing', 'groups.error.sizing');
  else if (input.groupCount !== undefined) sizing = { kind: 'count', groupCount: input.groupCount };
  else if (input.groupSize !== undefined) sizing = { kind: 'size', groupSize: input.groupSize };
  else sizing = { kind: 'capacities', capacities: input.tableCapacities! };
  if (sizing && n >= 2) {
    if (sizing.kind === 'count' && sizing.groupCount > n) fail('groupCount', 'too_many_tables', 'groups.error.tooManyTables');
    if (sizing.kind === 'size' && sizing.groupSize > n) fail('groupSize', 'too_large', 'groups.error.sizeTooLarge');
    if (sizing.kind === 'capacities' && sizing.capacities.reduce((s, c) => s + c, 0) < n) fail('tableCapacities', 'too_few_seats', 'groups.error.tooFewSeats');
  }

  const mix: MixWeight[] = [];
  (input.mix ?? DEFAULT_MIX).forEach((m, i) => {
    if (!isAttribute(m.attribute, questionIds)) fail(`mix.${i}.attribute`, 'unknown_attribute', 'groups.error.attribute');
    else if (mix.some((x) => x.attribute === m.attribute)) fail(`mix.${i}.attribute`, 'repeated_attribute', 'groups.error.attributeTwice');
    else mix.push({ attribute: m.attribute, weight: m.weight });
  });
  if (errors.every((e) => !e.path.startsWith('mix')) && mix.every((m) => m.weight === 0)) fail('mix', 'no_weight', 'groups.error.noWeight');

  const known = new Set(participantIds);
  const c = input.constraints ?? {};
  const hosts = c.hosts ?? [];
  hosts.forEach((id, i) => {
    if (!known.has(id)) fail(`constraints.hosts.${i}`, 'unknown_participant', 'groups.error.participant');
    else if (hosts.indexOf(id) !== i) fail(`constraints.hosts.${i}`, 'repeated_host', 'groups.error.hostTwice');
  });
  const tables = sizing && errors.length === 0 ? tableCount(n, sizing) : undefined;
  if (tables !== undefined && hosts.length > tables) fail('constraints.hosts', 'too_many_hosts', 'groups.error.tooManyHosts', { tables });
  const pairs = (kind: 'apart' | 'together') => {
    const list = c[kind] ?? [];
    list.forEach(([a, b], i) => {
      if (!known.has(a) || !known.has(b)) fail(`constraints.${kind}.${i}`, 'unknown_participant', 'groups.error.participant');
      else if (a === b) fail(`constraints.${kind}.${i}`, 'same_participant', 'groups.error.samePerson');
    });
    return list.map(([a, b]) => (a < b ? [a, b] : [b, a]) as [number, number]);
  };
  const apart = pairs('apart');
  const together = pairs('together');
  const key = ([a, b]: [number, number]) => `${a}-${b}`;
  const apartKeys = new Set(apart.map(key));
  together.forEach((p, i) => {
    if (apartKeys.has(key(p))) fail(`constraints.together.${i}`, 'apart_and_together', 'groups.error.conflict');
    else if (hosts.includes(p[0]) && hosts.includes(p[1])) fail(`constraints.together.${i}`, 'hosts_together', 'groups.error.hostsTogether');
  });
  if (errors.length === 0 && sizing) {
    const largest = Math.max(...tableBounds(n, sizing).map((b) => b.max));
    const biggest = Math.max(0, ...togetherComponents(together).map((g) => g.length));
    if (biggest > largest) fail('constraints.together', 'group_too_large', 'groups.error.togetherTooBig', { size: largest });
  }
  if (errors.length > 0 || !sizing) return { ok: false, errors };
  return { ok: true, settings: { rounds: input.rounds, sizing, mix, constraints: { hosts, apart, together }, seconds: input.seconds ?? DEFAULT_SECONDS } };
}

/** People who must sit together, as groups (union of the pairs). */
export function togetherComponents(pairs: ReadonlyArray<readonly [number, number]>): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const groups = new Map<number, number[]>();
  for (const x of parent.keys()) {
    const r = find(x);
    groups.set(r, [...(groups.get(r) ?? []), x]);
  }
  return [...groups.values()];
}

/** The settings as the API shows them (the same shape it takes). */
export function settingsJson(s: PlanSettings) {
  return {
    rounds: s.rounds,
    ...(s.sizing.kind === 'count'
      ? { groupCount: s.sizing.groupCount }
      : s.sizing.kind === 'size'
        ? { groupSize: s.sizing.groupSize }
        : { tableCapacities: s.sizing.capacities }),
    mix: s.mix,
    constraints: s.constraints,
    seconds: s.seconds,
  };
}

export function parseStoredSettings(json: string): PlanSettings {
  return JSON.parse(json) as PlanSettings;
}
