import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import type { PageCache } from './web/page-cache.js';
import type { Metrics } from './observability/metrics.js';
import type { MailSenderSource } from './lib/mail-sender.js';

/**
 * Everything a service needs, handed in rather than imported, so tests can swap parts.
 * An area that needs a port from another adds it to this interface from its own
 * files (`declare module`), so the context names no area: see events/event-seats.ts.
 */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  pageCache: PageCache;
  metrics: Metrics;
  /** The organiser's name, Reply-To and contact lines for every outgoing mail (set by bootstrap.ts). */
  mailSender?: MailSenderSource;
}
