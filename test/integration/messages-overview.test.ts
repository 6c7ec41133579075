import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { OutboxStatus } from '../../src/messages/outbox.table.js';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { hostileText } from '../helpers/hostile-text.js';
import { staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, type TestEvent } from './registrations-fixtures.js';

/** A campaign as the send form stores it, with one outbox mail per status given. */
async function storedCampaign(ctx: AppContext, eventId: number, subject: string, statuses: OutboxStatus[], createdAt: string): Promise<number> {
  const campaign = await ctx.db
    .insertInto('message_campaigns')
    .values({
      event_id: eventId,
      audience: 'both',
      template: 'practical',
      subject_da: subject,
      body_da: 'Kære deltager',
      created_by_id: null,
      created_by_name: 'Mikkel Arrangør',
      submission_key_hash: `${subject}-${createdAt}`,
      recipient_count: statuses.length,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, status] of statuses.entries()) {
    const mail = await ctx.db
      .insertInto('outbox_messages')
      .values({
        kind: 'mail',
        recipient: `d${i}@kommune.dk`,
        subject,
        payload: '{"text":"x"}',
        dedupe_key: null,
        status,
        next_attempt_at: null,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: createdAt,
        sent_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('campaign_recipients')
      .values({ campaign_id: campaign.id, outbox_id: mail.id, participant_id: null, registration_id: null, locale: 'da' })
      .execute();
  }
  return campaign.id;
}

forEachDialect('messages overview (/admin/messages)', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;
  let older: number;
  let newer: number;
  let manager: StaffClient;

  beforeAll(async () => {
    const { ctx, app } = t.current;
    event = await makeEvent(ctx, { title: 'Netværksmøde for HR-konsulenter' });
    older = await storedCampaign(ctx, event.id, 'Praktisk information', ['sent', 'failed', 'pending'], '2026-05-30T08:00:00.000Z');
    newer = await storedCampaign(ctx, event.id, 'Husk mødet på torsdag', ['sent', 'sent'], '2026-05-31T08:00:00.000Z');
    manager = await staffClient(app, ctx, 'manager');
  });

  it('lists the messages newest first with how many mails were sent and failed, and the events to write to', async () => {
    const res = await t.current.app.inject({ url: '/admin/messages', headers: manager.headers });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body.indexOf('Husk mødet på torsdag')).toBeLessThan(body.indexOf('Praktisk information'));
    expect(body).toContain(`<a href="/admin/events/${event.id}/messages/${older}">Praktisk information</a>`);
    expect(body).toContain(`<a href="/admin/events/${event.id}/messages/${newer}">Husk mødet på torsdag</a>`);
    expect(body).toContain('1 af 3 sendt, 1 kunne ikke sendes');
    expect(body).toContain('2 af 2 sendt');
    expect(body).toContain('Alle (deltagere med plads og ventelisten)');
    expect(body).toContain(`href="/admin/events/${event.id}/messages" aria-label="Skriv til deltagerne i Netværksmøde for HR-konsulenter"`);
  });

  it('is for administrators and event managers only', async () => {
    const { app, ctx } = t.current;
    expect((await app.inject('/admin/messages')).statusCode).toBe(303);
    for (const role of ['finance', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      expect((await app.inject({ url: '/admin/messages', headers: client.headers })).statusCode).toBe(403);
    }
  });

  it('answers any page parameter with a page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, fc.integer({ min: -5, max: 10_000_000 }).map(String)), async (pageParam) => {
        const res = await t.current.app.inject({ url: `/admin/messages?${new URLSearchParams({ page: pageParam }).toString()}`, headers: manager.headers });
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('Husk mødet på torsdag');
      }),
      { numRuns: 30 },
    );
  });
});
