/**
 * Limits on anonymous sign-ups: per client address and per payer e-mail,
 * shared by the form and the API in both languages, with 429 and Retry-After;
 * staff are exempt. Also the refusal of a group larger than the event, and
 * the form's cap on participants before anything is validated or rendered.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import type { Clock } from '../../src/lib/clock.js';
import { LIMITS } from '../../src/registrations/signup/registration.schema.js';
import { addressKey } from '../../src/registrations/signup/signup-limits.js';
import { paths } from '../../src/web/paths.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { hiddenFields, type Fields } from './signup-form-client.js';
import { makeEvent, signup } from './registrations-fixtures.js';

it('counts an IPv6 client by its /64 and a mapped IPv4 address as IPv4', () => {
  expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
  expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  fc.assert(
    fc.property(fc.ipV6(), (ip) => {
      expect(addressKey(ip)).toMatch(/::\/64$|^\d/);
    }),
  );
});

forEachDialect('sign-up limits', (dialect) => {
  let t = { now: TEST_NOW.getTime() };
  const clock: Clock = { now: () => new Date(t.now) };
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect, clock));
    ctx.config = { ...ctx.config, signupLimits: { perIp: 3, perEmail: 2, windowMinutes: 60 } };
    app = await buildApp(ctx, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  let n = 0;
  /** A sign-up through the API from `ip` with the payer e-mail given. */
  const apiSignup = (slug: string, ip: string, payerEmail: string, headers: Record<string, string> = {}) => {
    const body = signup(1, ++n);
    body.payer.email = payerEmail;
    return app.inject({ method: 'POST', url: `/api/v1/events/${slug}/registrations`, payload: body, headers: { 'x-forwarded-for': ip, ...headers } });
  };

  /** The form's final step sent as a browser would, from `ip`, in `locale`. */
  const formSignup = async (slug: string, ip: string, payerEmail: string, locale: 'da' | 'en' = 'da', participants = 1) => {
    const url = paths.signup(locale, slug);
    const page = await app.inject({ url, headers: { 'x-forwarded-for': ip } });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = hiddenFields(page.body).find(([name]) => name === '_csrf')![1];
    const fields: Fields = [
      ['_csrf', csrf],
      ['step', '3'],
      ['action', 'submit'],
      ['submissionKey', `key-${++n}-abcdefghijklmnopqrstuvwxyz`],
      ['payer[organisation]', 'Skanderborg Kommune'],
      ['payer[cvr]', '29189919'],
      ['payer[address]', 'Adelgade 44'],
      ['payer[postalCode]', '8660'],
      ['payer[city]', 'Skanderborg'],
      ['payer[email]', payerEmail],
      ['booker[name]', 'Bente Booker'],
      ['booker[email]', 'bente@skanderborg.dk'],
      ['acceptTerms', '1'],
    ];
    for (let i = 0; i < participants; i++) {
      n += 1;
      fields.push(
        [`participants[${i}][name]`, `Deltager ${n}`],
        [`participants[${i}][email]`, `d${n}@skanderborg.dk`],
        [`participants[${i}][jobTitle]`, 'Konsulent'],
        [`participants[${i}][workplace]`, 'Skanderborg Kommune'],
      );
    }
    const body = new URLSearchParams();
    for (const [k, v] of fields) body.append(k, v);
    return app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': ip },
    });
  };

  it('answers 429 with Retry-After and a Danish or English message once an address has used its window', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    for (let i = 0; i < 3; i++) expect((await apiSignup(event.slug, '198.51.100.1', `betaler${i}@kommune.dk`)).statusCode).toBe(201);
    const refused = await apiSignup(event.slug, '198.51.100.1', 'ny@kommune.dk');
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.json()).toEqual({ error: 'too_many_signups', message: expect.stringContaining('Vent 60 minutter'), retryAfterSeconds: retryAfter });
    const english = await apiSignup(event.slug, '198.51.100.1', 'ny@kommune.dk', { 'accept-language': 'en' });
    expect(english.json().message).toContain('Wait 60 minutes');
    // Nothing of the refused sign-ups was saved or mailed.
    const saved = await ctx.db.selectFrom('registrations').select('payer_email').where('event_id', '=', event.id).execute();
    expect(saved.map((r) => r.payer_email).sort()).toEqual(['betaler0@kommune.dk', 'betaler1@kommune.dk', 'betaler2@kommune.dk']);
    // Another address is not affected.
    expect((await apiSignup(event.slug, '198.51.100.2', 'anden@kommune.dk')).statusCode).toBe(201);
  });

  it('limits one payer e-mail across addresses, whatever its case', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    expect((await apiSignup(event.slug, '198.51.100.10', 'samme@kommune.dk')).statusCode).toBe(201);
    expect((await apiSignup(event.slug, '198.51.100.11', ' Samme@Kommune.DK')).statusCode).toBe(201);
    const third = await apiSignup(event.slug, '198.51.100.12', 'SAMME@kommune.dk');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
  });

  it('shares one bucket between the form and the API, in Danish and English, and shows the form again with the message', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    const ip = '198.51.100.20';
    expect((await formSignup(event.slug, ip, 'a@skanderborg.dk', 'da')).statusCode).toBe(201);
    expect((await formSignup(event.slug, ip, 'b@skanderborg.dk', 'en')).statusCode).toBe(201);
    expect((await apiSignup(event.slug, ip, 'c@skanderborg.dk')).statusCode).toBe(201);
    const da = await formSignup(event.slug, ip, 'd@skanderborg.dk', 'da');
    expect(da.statusCode).toBe(429);
    expect(Number(da.headers['retry-after'])).toBeGreaterThan(0);
    expect(da.body).toContain('Der er sendt mange tilmeldinger fra din forbindelse');
    expect(da.body).toContain('id="error-summary"');
    // The person's data is still in the form, to send later.
    expect(da.body).toContain('value="d@skanderborg.dk"');
    const en = await formSignup(event.slug, ip, 'e@skanderborg.dk', 'en');
    expect(en.statusCode).toBe(429);
    expect(en.body).toContain('Many sign-ups have been sent from your connection');
  });

  it('lets the same address sign up again once the window has passed', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    const ip = '198.51.100.30';
    for (let i = 0; i < 3; i++) expect((await apiSignup(event.slug, ip, `vindue${i}@kommune.dk`)).statusCode).toBe(201);
    expect((await apiSignup(event.slug, ip, 'vindue9@kommune.dk')).statusCode).toBe(429);
    t = { now: t.now + 61 * 60_000 };
    expect((await apiSignup(event.slug, ip, 'vindue9@kommune.dk')).statusCode).toBe(201);
  });

  it('does not limit staff with an API token', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    const staff = await createStaff(ctx, 'admin');
    const authorization = await bearerFor(ctx, staff.id);
    for (let i = 0; i < 6; i++) expect((await apiSignup(event.slug, '198.51.100.40', 'staff-betaler@kommune.dk', { authorization })).statusCode).toBe(201);
    // The same address and e-mail without the token are limited.
    for (let i = 0; i < 2; i++) await apiSignup(event.slug, '198.51.100.40', 'anonym@kommune.dk');
    expect((await apiSignup(event.slug, '198.51.100.40', 'anonym@kommune.dk')).statusCode).toBe(429);
  });

  it('refuses a group larger than the event with 422 and a message, on the API and the form', async () => {
    const event = await makeEvent(ctx, { capacity: 3 });
    const body = signup(4, 500);
    const api = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.slug}/registrations`,
      payload: body,
      headers: { 'x-forwarded-for': '198.51.100.50' },
    });
    expect(api.statusCode).toBe(422);
    expect(api.json()).toMatchObject({ error: 'group_exceeds_capacity', errors: [{ path: 'participants', code: 'group_exceeds_capacity' }] });
    expect(api.json().message).toContain('Arrangementet har 3 pladser i alt');
    const form = await formSignup(event.slug, '198.51.100.51', 'stor@skanderborg.dk', 'en', 4);
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('The event has 3 seats in all');
    const count = await ctx.db
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    // A group that fits is taken; refused attempts did not use up the address's window.
    expect((await formSignup(event.slug, '198.51.100.51', 'lille@skanderborg.dk', 'da', 3)).statusCode).toBe(201);
  });

  it('reads at most one participant more than a form can hold, whatever the indices posted', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    const url = paths.signup('da', event.slug);
    const page = await app.inject({ url });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = hiddenFields(page.body).find(([name]) => name === '_csrf')![1];
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 300 }), async (indices) => {
        const body = new URLSearchParams({ _csrf: csrf, step: '2', action: 'next' });
        for (const i of indices) body.append(`participants[${i}][name]`, `Navn ${i}`);
        const res = await app.inject({
          method: 'POST',
          url,
          payload: body.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        });
        expect(res.statusCode).toBe(422);
        const shown = res.body.match(/<fieldset class="tilmeld-participant"/g)?.length ?? 0;
        expect(shown).toBe(Math.max(1, indices.filter((i) => i <= LIMITS.participants).length));
        expect(shown).toBeLessThanOrEqual(LIMITS.participants + 1);
        expect(res.body.length).toBeLessThan(400_000);
      }),
      { numRuns: 15 },
    );
  });

  it('refuses a form body far larger than any sign-up before parsing it', async () => {
    const event = await makeEvent(ctx, { capacity: 50 });
    const res = await app.inject({
      method: 'POST',
      url: paths.signup('da', event.slug),
      payload: `payer[organisation]=${'x'.repeat(600 * 1024)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(413);
  });
});
