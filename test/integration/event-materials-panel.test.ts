/**
 * The materials panel on an event's back-office page (/admin/events/:id):
 * the event's own materials, newest first, with visibility, size and upload
 * date, a link to upload one for this event and one to manage them; shown to
 * the roles that may read materials, and nothing of other events.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { EVENT_PANEL_SIZE } from '../../src/materials/materials.admin.service.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, type TestEvent } from './registrations-fixtures.js';

forEachDialect('the materials panel on an event page', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let manager: StaffClient;
  let event: TestEvent;
  let otherEvent: TestEvent;
  let empty: TestEvent;

  const addMaterial = async (
    eventId: number,
    title: string,
    createdAt: string,
    over: { visibility?: 'public' | 'participants' | 'after_event'; size?: number } = {},
  ) => {
    const row = await ctx.db
      .insertInto('materials')
      .values({
        storage_key: `key-${Math.random().toString(36).slice(2)}`,
        title,
        filename: `${title}.pdf`,
        content_type: 'application/pdf',
        size_bytes: over.size ?? 2048,
        visibility: over.visibility ?? 'participants',
        event_id: eventId,
        article_id: null,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    manager = await staffClient(app, ctx, 'manager');
    event = await makeEvent(ctx, { title: 'Temadag om udbud' });
    otherEvent = await makeEvent(ctx, { title: 'Et andet arrangement' });
    empty = await makeEvent(ctx, { title: 'Uden materialer' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const page = (id: number, client: StaffClient = manager) => app.inject({ url: `/admin/events/${id}`, headers: client.headers });
  const panelOf = (body: string) => /<section aria-labelledby="event-materials-heading"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';

  it('lists the event’s materials with visibility, size and upload date, and links to upload and manage', async () => {
    const older = await addMaterial(event.id, 'Program <v1>', '2026-03-02T09:00:00.000Z', { visibility: 'public', size: 1_500_000 });
    const newer = await addMaterial(event.id, 'Slides & noter', '2026-04-15T09:00:00.000Z', { visibility: 'after_event' });
    await addMaterial(otherEvent.id, 'Ikke herfra', '2026-04-16T09:00:00.000Z');
    const response = await page(event.id);
    expect(response.statusCode).toBe(200);
    const panel = panelOf(response.body);
    expect(panel).toContain('<h2 id="event-materials-heading">Materialer</h2>');
    expect(panel).not.toContain('Ikke herfra');
    // Newest first, titles escaped.
    expect(panel.indexOf(`/admin/materials/${newer}"`)).toBeLessThan(panel.indexOf(`/admin/materials/${older}"`));
    expect(panel).toContain('Program &lt;v1>');
    expect(panel).toContain('Slides &amp; noter');
    expect(panel).toContain('Alle');
    expect(panel).toContain('Deltagere efter arrangementet');
    expect(panel).toMatch(/PDF, 1,5\s?MB/);
    expect(panel).toContain('15. april 2026');
    expect(panel).toContain(`href="/admin/materials/new?event=${event.id}"`);
    expect(panel).toContain('Upload et materiale til arrangementet');
    expect(panel).toContain(`href="/admin/materials?event=${event.id}"`);
    expect(panel).toContain('Administrér arrangementets materialer');
    // The upload link opens the form with this event chosen.
    const form = await app.inject({ url: `/admin/materials/new?event=${event.id}`, headers: manager.headers });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(new RegExp(`<option value="${event.id}" selected`));
  });

  it('says so when the event has none, and counts what is not shown', async () => {
    const none = panelOf((await page(empty.id)).body);
    expect(none).toContain('Arrangementet har ingen materialer endnu.');
    expect(none).toContain(`href="/admin/materials/new?event=${empty.id}"`);
    const many = await makeEvent(ctx, { title: 'Mange filer' });
    for (let i = 0; i < EVENT_PANEL_SIZE + 2; i += 1) await addMaterial(many.id, `Fil ${i}`, `2026-05-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`);
    const panel = panelOf((await page(many.id)).body);
    expect(panel.match(/<tr>/g)?.length).toBe(EVENT_PANEL_SIZE + 1);
    expect(panel).toContain(`Viser de ${EVENT_PANEL_SIZE} nyeste af ${EVENT_PANEL_SIZE + 2} materialer.`);
    expect(panel).toContain(`Fil ${EVENT_PANEL_SIZE + 1}`);
    expect(panel).not.toContain('Fil 0<');
  });

  it('is in English for English staff, for administrators too, and not for facilitators (who cannot open materials)', async () => {
    const english = await staffClient(app, ctx, 'admin', { locale: 'en' });
    const panel = panelOf((await page(event.id, english)).body);
    expect(panel).toContain('Upload a material for the event');
    expect(panel).toContain("Manage the event's materials".replace("'", '&#39;'));
    expect(panel).toContain('Who may download it');
    const facilitator = await staffClient(app, ctx, 'facilitator');
    await ctx.db.insertInto('event_facilitators').values({ event_id: event.id, user_id: facilitator.staff.id }).execute();
    const seen = await page(event.id, facilitator);
    expect(seen.statusCode).toBe(200);
    expect(panelOf(seen.body)).toBe('');
    expect(seen.body).not.toContain('/admin/materials');
  });
});
