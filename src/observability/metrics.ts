import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A backlog probe filled in by the outbox, so metrics need not know its tables. */
export type BacklogProbe = () => Promise<{ pending: number; oldestAgeSeconds: number }>;

/** Prometheus metrics of one process; each context has its own registry so tests stay apart. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'tilmeld_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly signups = new Counter({
    name: 'tilmeld_signups_total',
    help: 'Registrations taken, by the status they got',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly signupBatchSize = new Histogram({
    name: 'tilmeld_signup_batch_size',
    help: 'Sign-ups saved together in one transaction (one hot event gives bigger batches)',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [this.registry],
  });
  readonly promotions = new Counter({
    name: 'tilmeld_waitlist_promotions_total',
    help: 'Participants moved from the waiting list to a seat',
    registers: [this.registry],
  });
  readonly pageCacheHits = new Counter({
    name: 'tilmeld_page_cache_hits_total',
    help: 'Public pages answered from the page cache before routing (not in the request histogram)',
    registers: [this.registry],
  });
  private backlogProbe: BacklogProbe | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'tilmeld_' });
    const probe = () => this.backlogProbe?.();
    new Gauge({
      name: 'tilmeld_outbox_backlog',
      help: 'Messages waiting to be sent',
      registers: [this.registry],
      async collect() {
        this.set((await probe())?.pending ?? 0);
      },
    });
    new Gauge({
      name: 'tilmeld_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest message waiting to be sent',
      registers: [this.registry],
      async collect() {
        this.set((await probe())?.oldestAgeSeconds ?? 0);
      },
    });
  }

  watchOutbox(probe: BacklogProbe): void {
    this.backlogProbe = probe;
  }
}
