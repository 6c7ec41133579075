/**
 * The demo's past course on both databases: loaded through the real services,
 * it has answered evaluations and course certificates, so the results page and
 * a certificate's verification page show something on first start.
 */
import { expect, it } from 'vitest';
import { seedAfterEventDemo, seedDemo } from '../../src/demo/demo.js';
import { PAST_COURSE_SLUG } from '../../src/demo/after-event.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { staffClient } from '../helpers/staff.js';

forEachDialect('demo: a past course with evaluations and certificates', (dialect) => {
  const t = useTestApp(dialect);

  it('has answered evaluations and certificates that verify', async () => {
    await seedDemo(t.current.ctx);
    expect(await seedAfterEventDemo(t.current.ctx)).toBe(true);
    expect(await seedAfterEventDemo(t.current.ctx)).toBe(false);
    const db = t.current.ctx.db;
    const event = await db.selectFrom('events').select(['id', 'ends_at']).where('slug', '=', PAST_COURSE_SLUG).executeTakeFirstOrThrow();
    expect(Date.parse(event.ends_at)).toBeLessThan(t.current.ctx.clock.now().getTime());
    const responses = await db.selectFrom('evaluation_responses').selectAll().execute();
    expect(responses.length).toBe(4);
    const certificates = await db.selectFrom('certificates').selectAll().where('event_id', '=', event.id).execute();
    expect(certificates).toHaveLength(5);
    const manager = await staffClient(t.current.app, t.current.ctx, 'manager');
    const page = await t.current.app.inject({ url: `/admin/events/${event.id}/evaluering`, headers: manager.headers });
    expect(page.body).toContain('4 af 5 inviterede har svaret (80 %)');
    const verify = await t.current.app.inject(`/bevis/${certificates[0]!.code}`);
    expect(verify.statusCode).toBe(200);
    expect(verify.body).toContain('Kursusbeviset er gyldigt');
  });
});
