import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { createDb, migrateToLatest } from './db/database.js';
import { systemClock, type Clock } from './lib/clock.js';
import { PageCache } from './web/page-cache.js';
import { Metrics } from './observability/metrics.js';
import { outboxBacklog } from './messages/outbox.service.js';
import { eventSeats, registerRegistrationMailBuilders } from './registrations/index.js';
import { organiserMailSender } from './organiser/identity.service.js';

/** Opens the database, brings its schema up to date and returns the context. */
export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  // A standalone `tilmeld worker` builds the mails that sign-ups left to build.
  registerRegistrationMailBuilders();
  const db = createDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await migrateToLatest(db);
  const metrics = new Metrics({ processMetrics: true });
  metrics.watchOutbox(async () => {
    const backlog = await outboxBacklog(db, clock.now());
    return { pending: backlog.pending + backlog.sending, oldestAgeSeconds: backlog.oldestPendingAgeSeconds };
  });
  const ctx: AppContext = { config, db, clock, pageCache: new PageCache(config.pageCacheSeconds * 1000), metrics, eventSeats };
  ctx.mailSender = organiserMailSender(ctx);
  return ctx;
}
