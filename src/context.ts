import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { EventSeats } from './events/event-seats.js';
import type { Clock } from './lib/clock.js';
import type { PageCache } from './web/page-cache.js';
import type { Metrics } from './observability/metrics.js';

/** Everything a service needs, handed in rather than imported, so tests can swap parts. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  pageCache: PageCache;
  metrics: Metrics;
  /** The sign-up's side of staff changes to an event (registrations' `eventSeats`); events never imports registrations. */
  eventSeats: EventSeats;
}
