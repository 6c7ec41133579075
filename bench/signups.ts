/**
 * Sign-ups through the public API, POST /api/v1/events/{slug}/registrations:
 * throughput on one hot event (autocannon), a burst of sign-ups for a few
 * seats, and what the database holds afterwards.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { AppContext } from '../src/context.js';
import type { Database } from '../src/db/database.js';
import { createEventFromDocument } from '../src/events/event-editor.service.js';
import { SYSTEM_EDITOR } from '../src/events/events.audit.js';

/** Every run gets its own addresses, so that no two sign-ups of a run share one. */
const runId = randomBytes(3).toString('hex');
let sequence = 0;

/** A valid sign-up of one participant, as a public-sector booker would send it; the address differs per call. */
export function signupBody(): string {
  const n = ++sequence;
  return JSON.stringify({
    payer: {
      organisation: 'Aarhus Kommune',
      cvr: '55133018',
      ean: '5798000416604',
      personReference: 'HR 4711',
      address: 'Rådhuspladsen 2',
      postalCode: '8000',
      city: 'Aarhus C',
      email: 'faktura@aarhus.dk',
    },
    participants: [{ name: `Deltager ${n}`, email: `deltager-${runId}-${n}@kommune.dk`, jobTitle: 'Konsulent', workplace: 'Borgerservice' }],
    consentToParticipantList: true,
    acceptTerms: true,
  });
}

export const signupPath = (slug: string) => `/api/v1/events/${slug}/registrations`;

/** A published event a month ahead with a venue and a programme (the confirmation mail carries both). */
export async function addSignupEvent(ctx: AppContext, slug: string, capacity: number): Promise<number> {
  const start = new Date(ctx.clock.now().getTime() + 30 * 86_400_000);
  start.setUTCHours(7, 30, 0, 0);
  const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000).toISOString();
  const { id } = await createEventFromDocument(ctx, SYSTEM_EDITOR, {
    slug,
    type: 'konference',
    status: 'published',
    title: `Digital forvaltning i praksis (${slug})`,
    summary: 'Årets konference for konsulenter og ledere i kommuner og regioner.',
    body: 'Oplæg, workshops og erfaringsudveksling om digital forvaltning.',
    audience: 'Konsulenter og ledere.',
    included: 'Forplejning og materialer.',
    venue: { name: 'Konferencecenter', address: 'Havnegade 1', postalCode: '8000', city: 'Aarhus', accessibility: 'Niveaufri adgang.' },
    capacity,
    priceOre: 250_000,
    vatMode: 'standard',
    speakers: [{ name: 'Oplægsholder', title: 'Chefkonsulent', organisation: 'Aarhus Kommune', bio: 'Arbejder med digitalisering.' }],
    sessions: [
      { startsAt: at(0), endsAt: at(3), title: 'Velkomst og oplæg', room: 'Sal A', speakers: [0] },
      { startsAt: at(4), endsAt: at(7), title: 'Workshops', room: 'Lokale 2' },
    ],
  });
  return id;
}

export interface SignupLoadResult {
  name: string;
  /** Answers 201 per second over the whole run. */
  perSecond: number;
  p50: number;
  p99: number;
  created: number;
  non2xx: number;
  errors: number;
}

/** Sign-ups on one event by `connections` clients for `seconds`, each request a different participant. */
export async function signupLoad(name: string, baseUrl: string, slug: string, options: { connections: number; seconds: number }): Promise<SignupLoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: signupPath(slug),
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: signupBody() }),
      },
    ],
  });
  const created = result['2xx'];
  return {
    name,
    perSecond: Math.round(created / Math.max(result.duration, 0.001)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    created,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export interface SeatCount {
  confirmed: number;
  waitlisted: number;
  seatsTaken: number;
  waitingCount: number;
  registrations: number;
}

/** What the database holds for an event: participants by status and the event's counters. */
export async function seatCount(db: Database, slug: string): Promise<SeatCount> {
  const event = await db.selectFrom('events').select(['id', 'seats_taken', 'waiting_count']).where('slug', '=', slug).executeTakeFirstOrThrow();
  const byStatus = await db
    .selectFrom('participants')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', event.id)
    .groupBy('status')
    .execute();
  const registrations = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', event.id)
    .executeTakeFirstOrThrow();
  const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
  return {
    confirmed: count('confirmed'),
    waitlisted: count('waitlisted'),
    seatsTaken: event.seats_taken,
    waitingCount: event.waiting_count,
    registrations: Number(registrations.n),
  };
}

export interface OutboxState {
  total: number;
  sent: number;
  waiting: number;
}

export async function outboxState(db: Database): Promise<OutboxState> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { total: rows.reduce((s, r) => s + Number(r.n), 0), sent: n('sent'), waiting: n('pending') + n('sending') };
}

/** Waits until the server's outbox worker has sent every mail; the milliseconds it took, or undefined after `timeoutMs`. */
export async function drainOutbox(db: Database, timeoutMs: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if ((await outboxState(db)).waiting === 0) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

/** A typical outbox payload of the run (PostgreSQL): recipient, subject and payload of one confirmation. */
export async function sampleOutboxMessage(db: Database): Promise<{ recipient: string; subject: string; payload: string } | undefined> {
  return db.selectFrom('outbox_messages').select(['recipient', 'subject', 'payload']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function averagePayloadBytes(db: Database): Promise<number> {
  const row = await db
    .selectFrom('outbox_messages')
    .select(sql<number>`avg(length(payload))`.as('n'))
    .executeTakeFirst();
  return Math.round(Number(row?.n ?? 0));
}

export interface BurstResult {
  requests: number;
  seats: number;
  connections: number;
  wallMs: number;
  created: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `requests` sign-ups sent at once over a keep-alive agent with `connections`
 * sockets; wall time from the first request to the last answer. The bodies
 * are built before the clock starts.
 */
export async function burst(baseUrl: string, slug: string, requests: number, seats: number, connections: number): Promise<BurstResult> {
  const url = new URL(signupPath(slug), baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const bodies = Array.from({ length: requests }, () => Buffer.from(signupBody()));
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let errors = 0;
  const one = (body: Buffer) =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length }, timeout: 60_000 },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - sent);
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(bodies.map(one));
  const wallMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const created = Object.entries(statuses)
    .filter(([s]) => s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    requests,
    seats,
    connections,
    wallMs,
    created,
    non2xx: requests - created - errors,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}
