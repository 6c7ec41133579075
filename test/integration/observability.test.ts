import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { makeEvent, signup } from './registrations-fixtures.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';

describe('metrics and request ids', () => {
  const t = useTestApp('sqlite');

  it('answers /metrics to loopback with request timings and outbox gauges', async () => {
    await t.current.app.inject('/healthz');
    const res = await t.current.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/tilmeld_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('tilmeld_outbox_backlog');
    expect(res.body).toContain('tilmeld_signups_total');
  });

  it('refuses /metrics to other addresses and to requests relayed by a proxy', async () => {
    expect((await t.current.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(403);
    const relayed = await t.current.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(relayed.statusCode).toBe(403);
  });

  it('accepts the metrics token from anywhere when one is configured', async () => {
    t.current.ctx.config.metricsToken = 'a-long-metrics-token';
    try {
      const wrong = await t.current.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(403);
      const right = await t.current.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer a-long-metrics-token' } });
      expect(right.statusCode).toBe(200);
    } finally {
      t.current.ctx.config.metricsToken = undefined;
    }
  });

  it('keeps a sane request id from the proxy and makes one otherwise', async () => {
    const kept = await t.current.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.current.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[\w-]{8}-[0-9a-z]+$/);
  });

  it('counts sign-ups by status and waiting-list promotions', async () => {
    const { ctx, app } = t.current;
    const event = await makeEvent(ctx, { capacity: 1 });
    const first = await createRegistration(ctx, event.slug, signup(1, 1));
    const second = await createRegistration(ctx, event.slug, signup(1, 2));
    expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted']);
    await cancelRegistration(ctx, first.id);
    const body = (await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    expect(body).toContain('tilmeld_signups_total{status="confirmed"} 1');
    expect(body).toContain('tilmeld_signups_total{status="waitlisted"} 1');
    expect(body).toContain('tilmeld_waitlist_promotions_total 1');
  });
});
