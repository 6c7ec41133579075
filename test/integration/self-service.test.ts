import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { getRegistration } from '../../src/registrations/registration-view.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { participant, signup } from './registrations-fixtures.js';
import { calendarOf, formSession, mailTo, makeSeminar, openMailbox, parseCalendar, postForm, textOf, type Mailbox } from './self-service-helpers.js';

function movableClock(): Clock & { set(iso: string | Date): void } {
  let t = TEST_NOW.getTime();
  return { now: () => new Date(t), set: (iso) => void (t = new Date(iso).getTime()) };
}

const page = (token: string) => `/tilmelding/${token}`;

forEachDialect('self-service page', (dialect) => {
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

  async function booked(options: Parameters<typeof makeSeminar>[1] = {}, size = 2, first = 1) {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx, { addOns: [{ code: 'overnight' }], questions: true, ...options });
    const input = signup(size, first, {
      booker: { name: 'Birte Booker', email: `booker${first}@kommune.dk` },
      participants: Array.from({ length: size }, (_, i) =>
        participant(first + i, { addOns: i === 0 ? ['overnight'] : [], answers: { [event.questionIds.workshop]: 'a' } }),
      ),
    });
    const created = await createRegistration(ctx, event.slug, input, { locale: 'da' });
    return { event, created, token: created.manageToken };
  }

  it('shows the booking with private headers, participants, answers, add-ons, totals and the cancellation rule', async () => {
    const { app } = t.current;
    const { token } = await booked({ settings: { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 50_000 } } });
    const res = await app.inject({ method: 'GET', url: page(token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(res.body).toContain('Din tilmelding til Konsulent i en politisk styret organisation');
    expect(res.body).toContain('Hotel Nyborg Strand');
    expect(res.body).toContain('Deltager 1');
    expect(res.body).toContain('deltager2@kommune.dk');
    expect(res.body).toContain('Overnatning i enkeltværelse (reserveret)');
    expect(res.body).toContain('Facilitering');
    // 2 × 3.950 + 850 ex. VAT.
    expect(res.body).toContain('8.750,00 kr.');
    expect(res.body).toContain('10.937,50 kr.');
    expect(res.body).toContain('Du kan afmelde gratis indtil 16. august 2026 kl. 09.00.');
    expect(res.body).toContain('Derefter koster det 500,00 kr. ekskl. moms pr. deltager at afmelde.');
    expect(res.body).toContain('Afmelder du nu, er det gratis.');
    expect(res.body).toContain(`href="/tilmelding/${token}/kalender.ics"`);
    expect(res.body).toContain(`hreflang="en" href="http://tilmeld.test/en/booking/${token}"`);
    expect((res.body.match(/<h1/g) ?? []).length).toBe(1);

    const en = await app.inject({ method: 'GET', url: `/en/booking/${token}` });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Your registration for');
    expect(en.body).toContain('If you cancel now, it is free of charge.');
  });

  it('answers 404, the same page, for unknown and malformed tokens', async () => {
    const { app } = t.current;
    const known = await app.inject({ method: 'GET', url: page('A'.repeat(43)) });
    expect(known.statusCode).toBe(404);
    expect(known.body).toContain('Siden blev ikke fundet');
    const shape = (body: string) => body.replace(/(href|content)="[^"]*"/g, '').length;
    for (const bad of ['x', 'A'.repeat(42), 'A'.repeat(44), '%00%00', '..%2F..%2Fetc', 'ÆØÅ', "'%20OR%201=1--", 'A'.repeat(400)]) {
      const res = await app.inject({ method: 'GET', url: page(bad) });
      expect(res.statusCode, bad).toBe(404);
      expect(res.body).toContain('Siden blev ikke fundet');
      expect(Math.abs(shape(res.body) - shape(known.body)), bad).toBeLessThan(5);
    }
    for (const url of [
      `${page('B'.repeat(43))}/afmeld`,
      `${page('B'.repeat(43))}/kalender.ics`,
      `${page('B'.repeat(43))}/deltager/1/ret`,
      '/en/booking/nope',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('offers the calendar file of the event for download', async () => {
    const { app } = t.current;
    const { token } = await booked();
    const res = await app.inject({ method: 'GET', url: `${page(token)}/kalender.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="seminar-.*\.ics"$/);
    expect(parseCalendar(res.body).events.map((e) => [e.dtstart, e.dtend])).toEqual([['20260915T090000', '20260916T130000']]);
  });

  it('changes a participant with the sign-up rules: CSRF required, errors beside the fields and in the summary, then saved', async () => {
    const { app, ctx } = t.current;
    const { event, created, token } = await booked();
    const [first, second] = created.participants;
    const url = `${page(token)}/deltager/${first!.id}/ret`;
    const form = await formSession(app, url);
    expect(form.status).toBe(200);
    expect(form.body).toContain('value="deltager1@kommune.dk"');

    const fields = (extra: Record<string, string | string[]> = {}) => ({
      'participants[0][name]': 'Dorthe Deltager',
      'participants[0][email]': 'dorthe@kommune.dk',
      'participants[0][jobTitle]': 'Chefkonsulent',
      'participants[0][workplace]': 'Byrådssekretariatet',
      'participants[0][diet]': 'Vegetar',
      [`participants[0][answers][${event.questionIds.workshop}]`]: 'b',
      [`participants[0][answers][${event.questionIds.dinner}]`]: 'yes',
      ...extra,
    });

    // Without the CSRF token: refused, nothing changed.
    const forged = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      payload: new URLSearchParams(fields() as Record<string, string>).toString(),
    });
    expect(forged.statusCode).toBe(403);

    const bad = await postForm(
      app,
      url,
      form,
      fields({
        'participants[0][name]': '',
        'participants[0][email]': second!.name ? 'deltager2@kommune.dk' : '',
        'participants[0][phone]': 'ring til mig',
        [`participants[0][answers][${event.questionIds.workshop}]`]: '',
      }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="error-summary"');
    expect(bad.body).toContain('href="#participants-0-name"');
    expect(bad.body).toContain('Navn skal udfyldes.');
    expect(bad.body).toContain('Deltageren står allerede på tilmeldingen med den samme e-mailadresse.');
    expect(bad.body).toContain('Telefon: Skriv et gyldigt telefonnummer');
    expect(bad.body).toContain('Besvar spørgsmålet: Hvilken workshop vil du deltage i?');
    expect(bad.body).toContain('id="participants-0-name-error"');
    expect(bad.body).toContain('<title>Fejl: ');
    // What was typed stays in the form.
    expect(bad.body).toContain('value="ring til mig"');

    const ok = await postForm(app, url, form, fields());
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${page(token)}?done=saved`);
    const after = await app.inject({ method: 'GET', url: ok.headers.location! });
    expect(after.body).toContain('Ændringerne er gemt.');
    expect(after.body).toContain('Dorthe Deltager');
    const stored = (await getRegistration(ctx, created.id))!.participants.find((p) => p.id === first!.id)!;
    expect(stored).toMatchObject({ name: 'Dorthe Deltager', email: 'dorthe@kommune.dk', jobTitle: 'Chefkonsulent', diet: 'Vegetar', phone: null });
    expect(stored.answers).toEqual({ [event.questionIds.workshop]: 'b', [event.questionIds.dinner]: true });
    // The add-on stays with the seat.
    expect(stored.addOns.map((a) => a.status)).toEqual(['reserved']);
  });

  it('replaces a participant with a colleague: the seat and add-ons stay, the three people concerned are mailed', async () => {
    const { app, ctx } = t.current;
    const { event, created, token } = await booked({}, 2, 10);
    await mailbox.deliver();
    const leaving = created.participants[0]!;
    const url = `${page(token)}/deltager/${leaving.id}/udskift`;
    const form = await formSession(app, url);
    expect(form.body).toContain('Send en kollega i stedet for Deltager 10');
    expect(form.body).not.toContain('value="deltager10@kommune.dk"');
    const res = await postForm(app, url, form, {
      'participants[0][name]': 'Kim Kollega',
      'participants[0][email]': 'kim@kommune.dk',
      'participants[0][jobTitle]': 'Konsulent',
      'participants[0][workplace]': 'Borgerservice',
      [`participants[0][answers][${event.questionIds.workshop}]`]: 'a',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page(token)}?done=replaced`);
    const stored = (await getRegistration(ctx, created.id))!.participants.find((p) => p.id === leaving.id)!;
    expect(stored).toMatchObject({ name: 'Kim Kollega', email: 'kim@kommune.dk', status: 'confirmed' });
    expect(stored.addOns.map((a) => a.status)).toEqual(['reserved']);

    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(['booker10@kommune.dk', 'deltager10@kommune.dk', 'kim@kommune.dk']);
    expect(mailTo(mails, 'booker10@kommune.dk')[0]!.parsed.subject).toMatch(/^Deltager udskiftet: /);
    expect(textOf(mailTo(mails, 'deltager10@kommune.dk')[0]!)).toContain('givet videre til Kim Kollega');
    const newcomer = mailTo(mails, 'kim@kommune.dk')[0]!;
    expect(textOf(newcomer)).toContain('i stedet for Deltager 10');
    expect(calendarOf(newcomer.parsed)).toBeDefined();
  });

  it('cancels one participant after a confirmation step, and mails the next in line "Du har fået en plads"', async () => {
    const { app, ctx } = t.current;
    const { event, created, token } = await booked({ capacity: 2 }, 2, 20);
    const waiting = await createRegistration(
      ctx,
      event.slug,
      signup(1, 29, {
        booker: { name: 'Vera Venter', email: 'vera@kommune.dk' },
        participants: [participant(29, { answers: { [event.questionIds.workshop]: 'b' } })],
      }),
      { locale: 'da' },
    );
    expect(waiting.status).toBe('waitlisted');
    await mailbox.deliver();

    const url = `${page(token)}/deltager/${created.participants[1]!.id}/afmeld`;
    const confirm = await formSession(app, url);
    expect(confirm.body).toContain('Afmeld Deltager 21?');
    expect(confirm.body).toContain('Afmeldingen er gratis.');
    // Without "confirm" nothing happens: the confirmation page shows again.
    expect((await postForm(app, url, confirm, {})).statusCode).toBe(200);
    expect((await getRegistration(ctx, created.id))!.participants[1]!.status).toBe('confirmed');

    const res = await postForm(app, url, confirm, { confirm: 'yes' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page(token)}?done=cancelledOne`);
    expect((await getRegistration(ctx, created.id))!.participants[1]!.status).toBe('cancelled');
    expect((await getRegistration(ctx, waiting.id))!.status).toBe('confirmed');

    const mails = await mailbox.deliver();
    expect(mailTo(mails, 'vera@kommune.dk')[0]!.parsed.subject).toMatch(/^Der er blevet plads: /);
    expect(mailTo(mails, 'deltager29@kommune.dk')[0]!.parsed.subject).toMatch(/^Du har fået en plads: /);
    expect(mailTo(mails, 'deltager21@kommune.dk')[0]!.parsed.subject).toMatch(/^Du er afmeldt: /);
    expect(mailTo(mails, 'booker20@kommune.dk')[0]!.parsed.subject).toMatch(/^Afmelding bekræftet: /);

    // The cancelled participant has no actions any more.
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('applies the fee rule by the clock: free, then a fee (shown ex. and incl. VAT), then read-only once started', async () => {
    const { app, ctx } = t.current;
    const { created, token } = await booked({ settings: { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 50_000 } } }, 2, 30);
    await mailbox.deliver();
    const all = `${page(token)}/afmeld`;

    clock.set('2026-08-16T06:59:00.000Z');
    expect((await app.inject({ method: 'GET', url: all })).body).toContain('Afmeldingen er gratis.');

    clock.set('2026-08-16T07:00:00.000Z');
    const late = await formSession(app, all);
    expect(late.body).toContain('Afmeldingen koster 1.000,00 kr. ekskl. moms (1.250,00 kr. inkl. moms)');
    const one = await app.inject({ method: 'GET', url: `${page(token)}/deltager/${created.participants[0]!.id}/afmeld` });
    expect(one.body).toContain('Afmeldingen koster 500,00 kr. ekskl. moms (625,00 kr. inkl. moms)');
    expect((await app.inject({ method: 'GET', url: page(token) })).body).toContain('Afmelder du nu, koster det 500,00 kr. ekskl. moms pr. deltager med plads.');

    const res = await postForm(app, all, late, { confirm: 'yes' });
    expect(res.statusCode).toBe(303);
    const view = (await getRegistration(ctx, created.id))!;
    expect(view.status).toBe('cancelled');
    expect(view.participants.map((p) => p.cancellationFeeOre)).toEqual([50_000, 50_000]);
    const mails = await mailbox.deliver();
    expect(textOf(mailTo(mails, 'booker30@kommune.dk')[0]!)).toContain('gebyr på 1.000,00 kr. ekskl. moms (1.250,00 kr. inkl. moms)');
    const after = await app.inject({ method: 'GET', url: page(token) });
    expect(after.body).toContain('Tilmeldingen er afmeldt.');
    expect(after.body).toContain('Gebyr for afmelding: 1.000,00 kr. ekskl. moms (1.250,00 kr. inkl. moms).');
    expect(after.body).toContain('<dd>Afmeldt med et gebyr på 500,00 kr. ekskl. moms</dd>');
    expect(after.body).not.toContain('/afmeld"');

    const second = await booked({ settings: { cancellation: { freeDays: 30, late: 'not_allowed' } } }, 1, 35);
    clock.set('2026-09-01T10:00:00.000Z');
    const refused = await formSession(app, `${page(second.token)}/afmeld`);
    expect(refused.body).toContain('Fristen for afmelding er overskredet');
    expect(refused.body).not.toContain('name="confirm"');
    const withCsrf = await formSession(app, `${page(second.token)}/deltager/${second.created.participants[0]!.id}/ret`);
    const forced = await postForm(app, `${page(second.token)}/afmeld`, withCsrf, { confirm: 'yes' });
    expect(forced.statusCode).toBe(409);
    expect((await getRegistration(ctx, second.created.id))!.status).toBe('confirmed');
    // Sending a colleague is still possible.
    expect((await app.inject({ method: 'GET', url: `${page(second.token)}/deltager/${second.created.participants[0]!.id}/udskift` })).statusCode).toBe(200);

    clock.set('2026-09-15T08:00:00.000Z');
    const started = await app.inject({ method: 'GET', url: page(second.token) });
    expect(started.statusCode).toBe(200);
    expect(started.body).toContain('Arrangementet er begyndt');
    expect(started.body).not.toContain('/ret"');
    expect((await app.inject({ method: 'GET', url: `${page(second.token)}/deltager/${second.created.participants[0]!.id}/ret` })).statusCode).toBe(404);
  });

  it('works in English end to end: edit with an error, then cancel the whole registration', async () => {
    const { app, ctx } = t.current;
    const { event, created, token } = await booked({}, 1, 40);
    const edit = `/en/booking/${token}/participant/${created.participants[0]!.id}/edit`;
    const form = await formSession(app, edit);
    expect(form.body).toContain('Correct the details of Deltager 40');
    const bad = await postForm(app, edit, form, {
      'participants[0][name]': 'Ann',
      'participants[0][email]': 'not-an-address',
      'participants[0][jobTitle]': 'x',
      'participants[0][workplace]': 'y',
      [`participants[0][answers][${event.questionIds.workshop}]`]: 'a',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('E-mail: enter a valid e-mail address');
    const cancel = `/en/booking/${token}/cancel`;
    const confirm = await formSession(app, cancel);
    expect(confirm.body).toContain('Cancel the whole registration?');
    const res = await postForm(app, cancel, confirm, { confirm: 'yes' });
    expect(res.headers.location).toBe(`/en/booking/${token}?done=cancelledAll`);
    expect((await app.inject({ method: 'GET', url: res.headers.location! })).body).toContain(
      'The registration is cancelled. We have sent a confirmation by e-mail.',
    );
    expect((await getRegistration(ctx, created.id))!.status).toBe('cancelled');
  });
});
