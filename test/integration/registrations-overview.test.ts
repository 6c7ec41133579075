import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { hostileText } from '../helpers/hostile-text.js';
import { createStaff, loginCookie, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

forEachDialect('registrations overview (/admin/registrations)', (dialect) => {
  const t = useTestApp(dialect);
  let seminar: TestEvent;
  let course: TestEvent;
  let soerenRegistration: number;
  let manager: StaffClient;
  let facilitator: StaffClient;

  const get = (client: StaffClient, query = '') => t.current.app.inject({ url: `/admin/registrations${query}`, headers: client.headers });

  beforeAll(async () => {
    const { ctx, app } = t.current;
    seminar = await makeEvent(ctx, { title: 'Døgnseminar om ledelse' });
    course = await makeEvent(ctx, { title: 'Kursus i klarsprog' });
    const soeren = await createRegistration(ctx, seminar.slug, {
      ...signup(1, 1),
      participants: [participant(1, { name: 'Søren Kierkegaard-Holm', email: 'skh@roskilde.dk' })],
    });
    soerenRegistration = soeren.id;
    await createRegistration(ctx, course.slug, { ...signup(2, 10), payer: { ...signup().payer, organisation: 'Region Sjælland' } });
    manager = await staffClient(app, ctx, 'manager');
    const staff = await createStaff(ctx, 'facilitator');
    await ctx.db.insertInto('event_facilitators').values({ event_id: course.id, user_id: staff.id }).execute();
    const { cookie, csrfToken } = await loginCookie(app, staff.email);
    facilitator = { staff, headers: { cookie }, csrfToken };
  });

  it('lists the events with their counts and a link to each list of registrations', async () => {
    const res = await get(manager);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Tilmeldinger</h1>');
    expect(res.body).toContain(`<a href="/admin/events/${seminar.id}/registrations">Døgnseminar om ledelse</a>`);
    expect(res.body).toContain(`href="/admin/events/${course.id}/registrations"`);
    expect(res.body).toContain('2 af 10');
  });

  it('finds a participant across events by any word of their details and links to the registration', async () => {
    const res = await get(manager, `?q=${encodeURIComponent('kierkegaard ROSKILDE')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('1 deltagere passer til søgningen');
    expect(res.body).toContain(`<a href="/admin/registrations/${soerenRegistration}">Søren Kierkegaard-Holm</a>`);
    const byOrganisation = await get(manager, '?q=sj%C3%A6lland');
    expect(byOrganisation.body).toContain('2 deltagere passer til søgningen');
    expect(byOrganisation.body).not.toContain('Søren');
    const none = await get(manager, '?q=ingen-saadan-person');
    expect(none.body).toContain('Ingen deltagere passer til søgningen.');
  });

  it('shows a facilitator only the events assigned to them, in the list and in the search', async () => {
    const list = await get(facilitator);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/admin/events/${course.id}/registrations`);
    expect(list.body).not.toContain(`/admin/events/${seminar.id}/registrations`);
    const search = await get(facilitator, '?q=kierkegaard');
    expect(search.body).toContain('Ingen deltagere passer til søgningen.');
  });

  it('refuses a search that is too long with the message beside the field and in the summary', async () => {
    const res = await get(manager, `?q=${'x'.repeat(201)}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Søgningen må højst være 200 tegn.');
    expect(res.body).toMatch(/class="form-group form-error"/);
    expect(res.body).toContain('href="#q"');
  });

  it('refuses control characters in the search (PostgreSQL cannot even compare with a NUL)', async () => {
    const res = await get(manager, '?q=a%00b');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Søgningen indeholder tegn, som ikke kan bruges.');
  });

  it('sends anonymous visitors to the login page and lets finance read', async () => {
    expect((await t.current.app.inject('/admin/registrations')).statusCode).toBe(303);
    const finance = await staffClient(t.current.app, t.current.ctx, 'finance');
    expect((await get(finance)).statusCode).toBe(200);
  });

  it('answers any search and period with a page, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileText, fc.constantFrom('a\u0000b', '\u0000', 'x\u001b[0m')),
        fc.oneof(hostileText, fc.constantFrom('upcoming', 'past', 'all')),
        async (q, when) => {
          const res = await get(manager, `?${new URLSearchParams({ q, when }).toString()}`);
          expect([200, 400]).toContain(res.statusCode);
        },
      ),
      { numRuns: 40 },
    );
  });
});
