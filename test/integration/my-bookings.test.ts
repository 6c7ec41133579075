import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { getRegistration } from '../../src/registrations/registration-view.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { participant, signup } from './registrations-fixtures.js';
import { formSession, linkIn, mailTo, makeSeminar, openMailbox, postForm, type Mailbox } from './self-service-helpers.js';

function movableClock(): Clock & { set(iso: string | Date): void; advance(ms: number): void } {
  let t = TEST_NOW.getTime();
  return { now: () => new Date(t), set: (iso) => void (t = new Date(iso).getTime()), advance: (ms) => void (t += ms) };
}

const BASE = 'http://tilmeld.test';
let ipCounter = 0;
/** Each test asks from its own address, so the per-IP limit only bites where a test wants it to. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

forEachDialect('Mine tilmeldinger', (dialect) => {
  const clock = movableClock();
  const t = useTestApp(dialect, clock);
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await openMailbox(t.current.ctx);
  });
  afterAll(async () => {
    await mailbox?.close();
  });
  beforeEach(async () => {
    clock.set(TEST_NOW);
    await mailbox.deliver();
  });

  async function ask(email: string, ip = freshIp(), url = '/mine-tilmeldinger') {
    const { app } = t.current;
    const form = await formSession(app, url);
    return postForm(app, url, form, { email }, { 'x-forwarded-for': ip });
  }

  /** Opens the mailed link, which goes straight to the list. */
  async function useLink(link: string) {
    const path = new URL(link).pathname;
    const used = await t.current.app.inject({ method: 'GET', url: path });
    return { used, path };
  }

  const sessionCookie = (res: { headers: Record<string, unknown> }) =>
    `tilmeld_bookings=${/tilmeld_bookings=([^;]+)/.exec(String(res.headers['set-cookie']))![1]}`;

  it('answers an address with registrations and one without in exactly the same words, and mails only the first', async () => {
    const { app, ctx } = t.current;
    const event = await makeSeminar(ctx);
    await createRegistration(ctx, event.slug, signup(1, 1, { booker: { name: 'Kendt', email: 'kendt@kommune.dk' } }), { locale: 'da' });
    await mailbox.deliver();

    const form = await app.inject({ method: 'GET', url: '/mine-tilmeldinger' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('<meta name="robots" content="noindex, nofollow"/>');

    const known = await ask('  Kendt@Kommune.dk ');
    const unknown = await ask('ukendt@kommune.dk');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    expect(known.body).toContain('Hvis adressen har tilmeldinger, har vi sendt et link til den.');

    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.envelopeTo[0])).toEqual(['kendt@kommune.dk']);
    expect(mails[0]!.parsed.subject).toBe('Link til dine tilmeldinger');
    expect(linkIn(mails[0]!, `${BASE}/mine-tilmeldinger/link/`)).toMatch(/^http:\/\/tilmeld\.test\/mine-tilmeldinger\/link\/[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an invalid address with the error beside the field and in the summary', async () => {
    for (const email of ['', 'ikke en adresse', 'a@', '@b.dk', 'x'.repeat(300) + '@kommune.dk']) {
      const res = await ask(email);
      expect(res.statusCode, email).toBe(422);
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('href="#email"');
      expect(res.body).toContain('id="email-error"');
    }
  });

  it('lists every registration where the address is booker or participant, from the link in two steps', async () => {
    const { app, ctx } = t.current;
    const a = await makeSeminar(ctx);
    const b = await makeSeminar(ctx);
    const asBooker = await createRegistration(ctx, a.slug, signup(2, 10, { booker: { name: 'Mette', email: 'mette@kommune.dk' } }), { locale: 'da' });
    const asParticipant = await createRegistration(
      ctx,
      b.slug,
      signup(2, 20, {
        booker: { name: 'Chef', email: 'chef@kommune.dk' },
        participants: [participant(20), participant(21, { name: 'Mette', email: 'mette@kommune.dk' })],
      }),
      { locale: 'da' },
    );
    await mailbox.deliver();

    await ask('mette@kommune.dk');
    const [mail] = mailTo(await mailbox.deliver(), 'mette@kommune.dk');
    const link = linkIn(mail!, `${BASE}/mine-tilmeldinger/link/`)!;
    const { used, path } = await useLink(link);
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/mine-tilmeldinger/oversigt');
    const setCookie = String(used.headers['set-cookie']);
    // Signed, HttpOnly, SameSite=Lax, 30 minutes; not Secure on plain http.
    expect(setCookie).toMatch(/tilmeld_bookings=[A-Za-z0-9_-]{43}\.[A-Za-z0-9+/_-]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=1800/);
    expect(setCookie).not.toMatch(/Secure/i);
    const session = /tilmeld_bookings=([^;]+)/.exec(setCookie)![1]!;

    // A mail scanner that opened the link first does not spend it: it works until its 30 minutes end.
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(303);

    // The menu's "Mine tilmeldinger" goes to the list while the session lasts; ?ny=1 still asks for another address.
    const menu = await app.inject({ method: 'GET', url: '/mine-tilmeldinger', headers: { cookie: `tilmeld_bookings=${session}` } });
    expect(menu.statusCode).toBe(303);
    expect(menu.headers.location).toBe('/mine-tilmeldinger/oversigt');
    expect((await app.inject({ method: 'GET', url: '/mine-tilmeldinger?ny=1', headers: { cookie: `tilmeld_bookings=${session}` } })).body).toContain(
      'name="email"',
    );

    const list = await app.inject({ method: 'GET', url: '/mine-tilmeldinger/oversigt', headers: { cookie: `tilmeld_bookings=${session}` } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Tilmeldinger for mette@kommune.dk');
    expect(list.body).toContain(`/mine-tilmeldinger/oversigt/${asBooker.id}`);
    expect(list.body).toContain(`/mine-tilmeldinger/oversigt/${asParticipant.id}`);
    expect(list.body).toContain('Du har tilmeldt');
    expect(list.body).toContain('Du er deltager');
    // Status, dates and links to change, cancel, calendar and (for the booker) the invoice.
    expect(list.body).toContain('Bekræftet');
    expect(list.body).toContain(`href="/mine-tilmeldinger/oversigt/${asBooker.id}?til=afmeld"`);
    expect(list.body).toContain(`href="/mine-tilmeldinger/oversigt/${asBooker.id}?til=kalender"`);
    expect(list.body).toContain(`href="/mine-tilmeldinger/oversigt/${asBooker.id}?til=faktura"`);
    expect(list.body).not.toContain(`href="/mine-tilmeldinger/oversigt/${asParticipant.id}?til=faktura"`);
    const go = async (id: number, to: string) =>
      (await app.inject({ method: 'GET', url: `/mine-tilmeldinger/oversigt/${id}?til=${to}`, headers: { cookie: `tilmeld_bookings=${session}` } })).headers
        .location!;
    expect(await go(asBooker.id, 'afmeld')).toMatch(/^\/tilmelding\/[A-Za-z0-9_-]{43}\/afmeld$/);
    expect(await go(asBooker.id, 'kalender')).toMatch(/^\/tilmelding\/[A-Za-z0-9_-]{43}\/kalender\.ics$/);
    expect(await go(asBooker.id, 'faktura')).toMatch(/^\/tilmelding\/[A-Za-z0-9_-]{43}#invoices-heading$/);
    const herCancel = await go(asParticipant.id, 'afmeld');
    expect(herCancel).toMatch(new RegExp(`^/tilmelding/[A-Za-z0-9_-]{43}/deltager/${asParticipant.participants[1]!.id}/afmeld$`));
    const calendar = await app.inject({ method: 'GET', url: await go(asBooker.id, 'kalender') });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain('BEGIN:VCALENDAR');

    // A cookie with a changed value or signature is refused.
    const [value, signature] = session.split('.') as [string, string];
    const flipped = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    for (const forged of [`${flipped(value)}.${signature}`, `${value}.${flipped(signature)}`, value]) {
      const res = await app.inject({ method: 'GET', url: '/mine-tilmeldinger/oversigt', headers: { cookie: `tilmeld_bookings=${forged}` } });
      expect(res.statusCode, forged).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/mine-tilmeldinger', headers: { cookie: `tilmeld_bookings=${forged}` } })).statusCode).toBe(200);
    }
    expect((await app.inject({ method: 'GET', url: '/mine-tilmeldinger/oversigt' })).statusCode).toBe(403);

    // The booker's registration opens whole.
    const openBooker = await app.inject({
      method: 'GET',
      url: `/mine-tilmeldinger/oversigt/${asBooker.id}`,
      headers: { cookie: `tilmeld_bookings=${session}` },
    });
    expect(openBooker.statusCode).toBe(303);
    const whole = await app.inject({ method: 'GET', url: openBooker.headers.location! });
    expect(whole.statusCode).toBe(200);
    expect(whole.body).toContain('Deltager 10');
    expect(whole.body).toContain('Deltager 11');
    expect(whole.body).toContain('Send en kollega i stedet');

    // As a participant: only her own entry; she may correct it and cancel herself, nothing else.
    const openOwn = await app.inject({
      method: 'GET',
      url: `/mine-tilmeldinger/oversigt/${asParticipant.id}`,
      headers: { cookie: `tilmeld_bookings=${session}` },
    });
    const own = openOwn.headers.location!;
    const mine = await app.inject({ method: 'GET', url: own });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('mette@kommune.dk');
    expect(mine.body).not.toContain('deltager20@kommune.dk');
    expect(mine.body).not.toContain('Send en kollega i stedet');
    expect(mine.body).not.toContain('Afmeld hele tilmeldingen');
    expect(mine.body).not.toContain('Aarhus Kommune');
    const [other, herself] = asParticipant.participants;
    expect((await app.inject({ method: 'GET', url: `${own}/deltager/${other!.id}/ret` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${own}/deltager/${herself!.id}/udskift` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${own}/afmeld` })).statusCode).toBe(404);
    const confirm = await formSession(app, `${own}/deltager/${herself!.id}/afmeld`);
    expect(confirm.body).toContain('Afmeld dig fra');
    const cancelled = await postForm(app, `${own}/deltager/${herself!.id}/afmeld`, confirm, { confirm: 'yes' });
    expect(cancelled.statusCode).toBe(303);
    const after = (await getRegistration(ctx, asParticipant.id))!;
    expect(after.participants.map((p) => p.status)).toEqual(['confirmed', 'cancelled']);

    // Someone else's registration is not opened, whatever its number.
    expect(
      (await app.inject({ method: 'GET', url: `/mine-tilmeldinger/oversigt/${asBooker.id + 1000}`, headers: { cookie: `tilmeld_bookings=${session}` } }))
        .statusCode,
    ).toBe(404);
  });

  it('lets the link expire after 30 minutes and the session 30 minutes after it began', async () => {
    const { app, ctx } = t.current;
    const event = await makeSeminar(ctx);
    await createRegistration(ctx, event.slug, signup(1, 30, { booker: { name: 'Ib', email: 'ib@kommune.dk' } }), { locale: 'en' });
    await mailbox.deliver();
    await ask('ib@kommune.dk', freshIp(), '/en/my-bookings');
    const [mail] = await mailbox.deliver();
    expect(mail!.parsed.subject).toBe('Link to your registrations');
    const link = linkIn(mail!, `${BASE}/en/my-bookings/link/`)!;
    clock.advance(31 * 60_000);
    expect((await app.inject({ method: 'GET', url: new URL(link).pathname })).statusCode).toBe(410);

    clock.set(TEST_NOW);
    await ask('ib@kommune.dk', freshIp(), '/en/my-bookings');
    const fresh = linkIn((await mailbox.deliver())[0]!, `${BASE}/en/my-bookings/link/`)!;
    clock.advance(29 * 60_000);
    const { used } = await useLink(fresh);
    expect(used.headers.location).toBe('/en/my-bookings/overview');
    const cookie = sessionCookie(used);
    expect((await app.inject({ method: 'GET', url: '/en/my-bookings/overview', headers: { cookie } })).body).toContain('Registrations for ib@kommune.dk');
    clock.advance(29 * 60_000);
    expect((await app.inject({ method: 'GET', url: '/en/my-bookings', headers: { cookie } })).headers.location).toBe('/en/my-bookings/overview');
    clock.advance(2 * 60_000);
    const over = await app.inject({ method: 'GET', url: '/en/my-bookings/overview', headers: { cookie } });
    expect(over.statusCode).toBe(403);
    expect(over.body).toContain('Ask for a new link');
    // The menu shows the e-mail form again.
    expect((await app.inject({ method: 'GET', url: '/en/my-bookings', headers: { cookie } })).statusCode).toBe(200);
  });

  it('limits requests per address and per IP with a friendly 429 page', async () => {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx);
    await createRegistration(ctx, event.slug, signup(1, 40, { booker: { name: 'Lis', email: 'lis@kommune.dk' } }), { locale: 'da' });
    await mailbox.deliver();

    // Per address: three links per quarter of an hour, known address or not.
    for (const email of ['lis@kommune.dk', 'ingen@kommune.dk']) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).statusCode).toBe(200);
      const limited = await ask(email);
      expect(limited.statusCode).toBe(429);
      expect(limited.body).toContain('For mange forsøg');
      expect(limited.body).toContain('<h1>For mange forsøg</h1>');
    }
    expect(mailTo(await mailbox.deliver(), 'lis@kommune.dk')).toHaveLength(3);
    clock.advance(16 * 60_000);
    expect((await ask('lis@kommune.dk')).statusCode).toBe(200);

    // Per IP: ten requests, then 429 whatever the address.
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await ask(`ip${i}@kommune.dk`, ip)).statusCode).toBe(200);
    const blocked = await ask('ip-last@kommune.dk', ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Vent et kvarter');
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('counts the Danish and English addresses of the request in one bucket per IP', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      const url = i % 2 === 0 ? '/mine-tilmeldinger' : '/en/my-bookings';
      expect((await ask(`delt${i}@kommune.dk`, ip, url)).statusCode).toBe(200);
    }
    for (const url of ['/mine-tilmeldinger', '/en/my-bookings']) {
      const blocked = await ask('delt-sidst@kommune.dk', ip, url);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
    }
    expect((await ask('delt-sidst@kommune.dk', ip, '/en/my-bookings')).body).toContain('Too many attempts');
  });
});
