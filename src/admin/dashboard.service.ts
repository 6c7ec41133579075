/**
 * The dashboard at /admin: upcoming events with their fill rate, sign-ups per
 * day over the last 30 days, waiting lists and the deadlines of the coming
 * 7 days. Counting happens in SQL (dashboard.queries.ts); this file turns the
 * counts into the series and lists the page shows.
 */
import type { AppContext } from '../context.js';
import { addDays, localDateKey } from '../lib/dates.js';
import { freeCancellationEnds } from '../registrations/index.js';
import { financeCounts, revenueSummary, type RevenueSummary } from '../invoices/index.js';
import type { StaffIdentity } from '../staff/identity.js';
import { mayRead, mayWrite } from '../staff/roles.js';
import { countUpcomingEvents, deadlineCandidates, signupsPerHour, waitingListsForDashboard } from './dashboard.queries.js';
import { upcomingEventsForDashboard, type DashboardEventRow } from './index.js';

export const SIGNUP_DAYS = 30;
export const DEADLINE_DAYS = 7;
export const UPCOMING_PAGE_SIZE = 10;
const WAITING_LIMIT = 10;
/** Free cancellation is at most this many days before the start (the events form allows no more). */
const MAX_FREE_DAYS = 366;

export interface FillRate {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  waiting: number;
  /** Confirmed of capacity, 0–100, rounded down so a full event is the only 100. */
  percent: number;
}

export interface DayCount {
  /** Danish calendar date, "2026-06-01". */
  date: string;
  count: number;
}

export type DeadlineKind = 'signupCloses' | 'freeCancellationEnds' | 'starts';

export interface Deadline {
  at: string;
  kind: DeadlineKind;
  eventId: number;
  title: string;
}

export interface Dashboard {
  /** One page of the upcoming events. */
  upcoming: FillRate[];
  upcomingPage: number;
  upcomingPages: number;
  signups: DayCount[];
  signupTotal: number;
  waiting: FillRate[];
  deadlines: Deadline[];
  /** Only for those who may read invoices. */
  invoices?: { toSend: number; overdue: number };
  /** Invoiced, paid and outstanding this year, in total and per event; only for those who may read invoices. */
  revenue?: RevenueSummary;
  /** Whether the viewer may create events (the "Opret arrangement" button). */
  mayCreateEvents: boolean;
}

export function fillRate(e: DashboardEventRow): FillRate {
  const percent = e.capacity > 0 ? Math.floor((e.seats_taken * 100) / e.capacity) : 0;
  return {
    id: e.id,
    title: e.title,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    capacity: e.capacity,
    confirmed: e.seats_taken,
    waiting: e.waiting_count,
    percent: Math.min(100, percent),
  };
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** One count per Danish calendar day, the last `days` days up to and including today's, from counts per UTC hour. */
export function dailySeries(hours: ReadonlyArray<{ hour: string; n: number }>, now: Date, days: number): DayCount[] {
  const first = localDateKey(addDays(now, -(days - 1)).toISOString());
  const series: DayCount[] = [];
  const index = new Map<string, number>();
  for (let d = first; series.length < days; d = nextDay(d)) {
    index.set(d, series.length);
    series.push({ date: d, count: 0 });
  }
  for (const { hour, n } of hours) {
    const i = index.get(localDateKey(`${hour}:00:00.000Z`));
    if (i !== undefined) series[i]!.count += n;
  }
  return series;
}

/** The deadlines of the events in [now, until), soonest first. */
export function deadlinesWithin(rows: ReadonlyArray<DashboardEventRow>, now: Date, until: Date): Deadline[] {
  const within = (iso: string | null) => iso !== null && iso >= now.toISOString() && iso < until.toISOString();
  const list: Deadline[] = [];
  for (const e of rows) {
    const base = { eventId: e.id, title: e.title };
    if (within(e.signup_closes_at)) list.push({ ...base, at: e.signup_closes_at!, kind: 'signupCloses' });
    if (e.cancellation_free_days > 0) {
      const free = freeCancellationEnds({ freeDays: e.cancellation_free_days }, e.starts_at).toISOString();
      if (within(free)) list.push({ ...base, at: free, kind: 'freeCancellationEnds' });
    }
    if (within(e.starts_at)) list.push({ ...base, at: e.starts_at, kind: 'starts' });
  }
  const order: Record<DeadlineKind, number> = { freeCancellationEnds: 0, signupCloses: 1, starts: 2 };
  return list.sort((a, b) => a.at.localeCompare(b.at) || order[a.kind] - order[b.kind] || a.eventId - b.eventId);
}

export async function loadDashboard(ctx: AppContext, viewer: Pick<StaffIdentity, 'id' | 'role'>, upcomingPage = 1): Promise<Dashboard> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const until = addDays(now, DEADLINE_DAYS);
  // A day more than the series, so that the first Danish day is whole whatever the UTC offset.
  const from = addDays(now, -SIGNUP_DAYS).toISOString();
  const financeReader = mayRead(viewer.role, 'invoices');
  const upcomingCount = await countUpcomingEvents(ctx.db, viewer, nowIso);
  const upcomingPages = Math.max(1, Math.ceil(upcomingCount / UPCOMING_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(upcomingPage) || 1), upcomingPages);
  const [upcoming, waiting, candidates, hours, invoices, revenue] = await Promise.all([
    upcomingEventsForDashboard(ctx.db, viewer, nowIso, UPCOMING_PAGE_SIZE, (page - 1) * UPCOMING_PAGE_SIZE),
    waitingListsForDashboard(ctx.db, viewer, nowIso, WAITING_LIMIT),
    deadlineCandidates(ctx.db, viewer, nowIso, until.toISOString(), addDays(until, MAX_FREE_DAYS).toISOString()),
    signupsPerHour(ctx.db, viewer, from),
    financeReader ? financeCounts(ctx.db, localDateKey(nowIso)) : undefined,
    financeReader ? revenueSummary(ctx) : undefined,
  ]);
  const signups = dailySeries(hours, now, SIGNUP_DAYS);
  return {
    upcoming: upcoming.map(fillRate),
    upcomingPage: page,
    upcomingPages,
    signups,
    signupTotal: signups.reduce((sum, d) => sum + d.count, 0),
    waiting: waiting.map(fillRate),
    deadlines: deadlinesWithin(candidates, now, until),
    ...(invoices ? { invoices } : {}),
    ...(revenue ? { revenue } : {}),
    mayCreateEvents: mayWrite(viewer.role, 'events'),
  };
}
