import { afterAll, beforeAll, expect, it } from 'vitest';
import { cancelParticipant, cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { participant, signup } from './registrations-fixtures.js';
import { calendarOf, htmlOf, linkIn, mailTo, makeSeminar, openMailbox, parseCalendar, textOf, type Mailbox } from './self-service-helpers.js';

const BASE = 'http://tilmeld.test';

forEachDialect('confirmation and follow-up mails', (dialect) => {
  const t = useTestApp(dialect);
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await openMailbox(t.current.ctx);
  });
  afterAll(async () => {
    await mailbox?.close();
  });

  it('mails the booker and each participant once, in Danish, with the calendar file and the booker-only link', async () => {
    const { ctx, app } = t.current;
    const event = await makeSeminar(ctx, { addOns: [{ code: 'overnight', priceOre: 85_000 }], questions: true });
    const input = signup(2, 1, {
      booker: { name: 'Birte Booker', email: 'birte@kommune.dk' },
      participants: [
        participant(1, { addOns: ['overnight'], answers: { [event.questionIds.workshop]: 'a', [event.questionIds.dinner]: true } }),
        participant(2, { answers: { [event.questionIds.workshop]: 'b' } }),
      ],
    });
    const created = await createRegistration(ctx, event.slug, input, { idempotencyKey: 'key-dk-1', locale: 'da' });
    // A retry with the same key repeats the answer and writes no new mail.
    await createRegistration(ctx, event.slug, input, { idempotencyKey: 'key-dk-1', locale: 'da' });

    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(['birte@kommune.dk', 'deltager1@kommune.dk', 'deltager2@kommune.dk']);
    expect(mailbox.sink.duplicates()).toEqual([]);

    const [booker] = mailTo(mails, 'birte@kommune.dk');
    const { title } = await ctx.db.selectFrom('events').select('title').where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(booker!.parsed.subject).toBe(`Bekræftelse på tilmelding: ${title}`);
    const text = textOf(booker!);
    expect(text).toContain('Kære Birte Booker');
    expect(text).toContain('15. september 2026 kl. 09.00 – 16. september 2026 kl. 13.00');
    expect(text).toContain('Hotel Nyborg Strand');
    expect(text).toContain('5800 Nyborg');
    expect(text).toContain('Deltager 1');
    expect(text).toContain('Overnatning i enkeltværelse (reserveret)');
    expect(text).toContain('Hvilken workshop vil du deltage i?: Facilitering');
    expect(text).toContain('Deltager du i middagen?: Ja');
    // 2 × 3.950 + 850 = 8.750 kr. ex. VAT; 25 % VAT = 2.187,50 kr.
    expect(text).toContain('I alt ekskl. moms: 8.750,00 kr.');
    expect(text).toContain('Moms (25 %): 2.187,50 kr.');
    expect(text).toContain('I alt inkl. moms: 10.937,50 kr.');
    expect(text).toContain('Aarhus Kommune');
    expect(text).toContain('Du kan afmelde gratis');
    const manage = `${BASE}/tilmelding/${created.manageToken}`;
    expect(linkIn(booker!, `${BASE}/tilmelding/`)).toBe(manage);
    expect(htmlOf(booker!)).toContain(`href="${manage}"`);
    expect(htmlOf(booker!)).toContain('<html lang="da">');
    expect(booker!.parsed.headers.get('content-language')).toBe('da');

    const cal = calendarOf(booker!.parsed);
    expect(cal?.contentType).toBe('text/calendar');
    const parsed = parseCalendar(cal!.text);
    expect(parsed.method).toBe('PUBLISH');
    // One entry for the whole døgnseminar, its programme in the description.
    expect(parsed.events.map((e) => [e.dtstart, e.dtend])).toEqual([['20260915T090000', '20260916T130000']]);
    expect(parsed.events[0]!.description).toContain('Dag 1: Rollen som konsulent (Sal A)');
    expect(parsed.events[0]!.description).toContain('Dag 2: Facilitering på tværs');
    expect(parsed.events[0]!.location).toContain('Hotel Nyborg Strand');

    // Participants get their own entry, not the booker's link or the prices.
    for (const [address, workshop] of [
      ['deltager1@kommune.dk', 'Facilitering'],
      ['deltager2@kommune.dk', 'Politisk betjening'],
    ] as const) {
      const [m] = mailTo(mails, address);
      const body = textOf(m!);
      expect(m!.parsed.subject).toMatch(/^Du er tilmeldt: /);
      expect(body).toContain('Birte Booker har tilmeldt dig');
      expect(body).toContain(workshop);
      expect(body).not.toContain(created.manageToken);
      expect(body).not.toContain('/tilmelding/');
      expect(body).not.toContain('I alt inkl. moms');
      expect(body).toContain(`${BASE}/mine-tilmeldinger`);
      expect(calendarOf(m!.parsed)).toBeDefined();
    }

    // The link in the mail opens the self-service page.
    const page = await app.inject({ method: 'GET', url: new URL(manage).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Deltager 1');

    // Nothing more to send.
    expect(await mailbox.deliver()).toEqual([]);
  });

  it('writes in English for an English registration, and tells a waiting participant their place', async () => {
    const { ctx } = t.current;
    // Two seats, one taken: the group of two does not fit and waits whole.
    const event = await makeSeminar(ctx, { capacity: 2 });
    await createRegistration(ctx, event.slug, signup(1, 10), { locale: 'da' });
    const created = await createRegistration(ctx, event.slug, signup(2, 20, { booker: { name: 'Ann Booker', email: 'ann@council.dk' } }), { locale: 'en' });
    expect(created.status).toBe('waitlisted');
    const mails = await mailbox.deliver();
    const [booker] = mailTo(mails, 'ann@council.dk');
    expect(booker!.parsed.subject).toMatch(/^Registration on the waiting list: /);
    const text = textOf(booker!);
    expect(text).toContain('Dear Ann Booker');
    expect(text).toContain('15 September 2026 09:00 – 16 September 2026 13:00');
    expect(text).toContain('Number 1 on the waiting list');
    expect(text).toContain('Number 2 on the waiting list');
    expect(text).toContain('Participants on the waiting list pay only when they get a place.');
    expect(linkIn(booker!, `${BASE}/en/booking/`)).toBe(`${BASE}/en/booking/${created.manageToken}`);
    expect(htmlOf(booker!)).toContain('<html lang="en">');
    // No calendar file for a place not yet held.
    expect(calendarOf(booker!.parsed)).toBeUndefined();
    const [second] = mailTo(mails, 'deltager21@kommune.dk');
    expect(second!.parsed.subject).toMatch(/^You are on the waiting list: /);
    expect(textOf(second!)).toContain('you are number 2 on the waiting list');
    expect(calendarOf(second!.parsed)).toBeUndefined();
  });

  it('tells the next in line "Du har fået en plads" when a seat frees up, and the one who cancelled', async () => {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx, { capacity: 1 });
    const first = await createRegistration(ctx, event.slug, signup(1, 30), { locale: 'da' });
    await createRegistration(ctx, event.slug, signup(1, 31, { booker: { name: 'Bo Venter', email: 'bo@kommune.dk' } }), { locale: 'da' });
    await mailbox.deliver();

    await cancelRegistration(ctx, first.id);
    const mails = await mailbox.deliver();
    const [cancelled] = mailTo(mails, 'deltager30@kommune.dk');
    expect(cancelled!.parsed.subject).toMatch(/^Afmelding bekræftet: /);
    expect(textOf(cancelled!)).toContain('Afmeldingen er gratis.');
    expect(textOf(cancelled!)).toContain('Hele tilmeldingen er nu afmeldt.');

    const [bookerOfNext] = mailTo(mails, 'bo@kommune.dk');
    expect(bookerOfNext!.parsed.subject).toMatch(/^Der er blevet plads: /);
    expect(textOf(bookerOfNext!)).toContain('Deltager 31');
    const [promoted] = mailTo(mails, 'deltager31@kommune.dk');
    expect(promoted!.parsed.subject).toMatch(/^Du har fået en plads: /);
    expect(textOf(promoted!)).toContain('Du har fået en plads på');
    expect(parseCalendar(calendarOf(promoted!.parsed)!.text).events).toHaveLength(1);
    expect(mails).toHaveLength(3);
  });

  it('states the fee of a late cancellation, ex. and incl. VAT, to the booker and the participant', async () => {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx, { settings: { cancellation: { freeDays: 120, late: 'fee', lateFeeOre: 50_000 } } });
    const created = await createRegistration(ctx, event.slug, signup(2, 40, { booker: { name: 'Bent', email: 'bent@kommune.dk' } }), { locale: 'da' });
    await mailbox.deliver();
    await cancelParticipant(ctx, created.participants[1]!.id);
    const mails = await mailbox.deliver();
    const [booker] = mailTo(mails, 'bent@kommune.dk');
    expect(textOf(booker!)).toContain('Deltager 41: gebyr 500,00 kr. ekskl. moms');
    expect(textOf(booker!)).toContain('gebyr på 500,00 kr. ekskl. moms (625,00 kr. inkl. moms)');
    expect(textOf(booker!)).toContain('Disse deltagere er stadig tilmeldt:');
    const [gone] = mailTo(mails, 'deltager41@kommune.dk');
    expect(gone!.parsed.subject).toMatch(/^Du er afmeldt: /);
    expect(textOf(gone!)).toContain('kontakt Bent');
    expect(mails).toHaveLength(2);
    // Cancelling again changes nothing and mails nobody.
    await cancelParticipant(ctx, created.participants[1]!.id);
    expect(await mailbox.deliver()).toEqual([]);
  });

  it('keeps names with line breaks and quotes from breaking headers, and escapes them in HTML', async () => {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx);
    const input = signup(1, 50, {
      booker: { name: 'Eva "Evil", <script>alert(1)</script>\nBcc: x@y.dk', email: 'eva@kommune.dk' },
      participants: [participant(50, { name: 'Ole <b>Fed</b>\r\nSubject: hi' })],
    });
    await createRegistration(ctx, event.slug, input, { locale: 'da' });
    const mails = await mailbox.deliver();
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.envelopeTo).toHaveLength(1);
      expect(htmlOf(m)).not.toContain('<script>');
      expect(htmlOf(m)).not.toContain('<b>Fed</b>');
    }
    expect(htmlOf(mailTo(mails, 'eva@kommune.dk')[0]!)).toContain('&lt;script');
    expect(mailTo(mails, 'eva@kommune.dk')[0]!.parsed.to).toBeDefined();
  });

  it('builds a receipt queued before payloads had versions, and a bad row beside it fails alone', async () => {
    const { ctx } = t.current;
    const event = await makeSeminar(ctx);
    const input = signup(1, 1, { booker: { name: 'Lone Legacy', email: 'lone@kommune.dk' }, participants: [participant(31)] });
    const created = await createRegistration(ctx, event.slug, input, { locale: 'da' });
    const buildKey = `build:registration:${created.id}:received`;
    const row = await ctx.db.selectFrom('outbox_messages').select(['payload']).where('dedupe_key', '=', buildKey).executeTakeFirstOrThrow();
    const { v, ...legacy } = JSON.parse(row.payload) as { v: number; builder: string; data: { registration: { id: number } } };
    expect(v).toBe(1);
    // As the sign-up wrote it before payloads had versions.
    await ctx.db
      .updateTable('outbox_messages')
      .set({ payload: JSON.stringify(legacy) })
      .where('dedupe_key', '=', buildKey)
      .execute();
    const bad = (key: string, payload: unknown) =>
      ctx.db
        .insertInto('outbox_messages')
        .values({
          kind: 'mail-build',
          recipient: '',
          subject: '',
          payload: JSON.stringify(payload),
          dedupe_key: key,
          next_attempt_at: null,
          locked_by: null,
          locked_until: null,
          last_error: null,
          created_at: ctx.clock.now().toISOString(),
          sent_at: null,
        })
        .execute();
    await bad('build:bad-shape', { ...legacy, v: 1, data: { ...legacy.data, registration: { ...legacy.data.registration, id: 'x' } } });
    await bad('build:newer', { ...legacy, v: 99 });

    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(['deltager31@kommune.dk', 'lone@kommune.dk']);
    expect(textOf(mailTo(mails, 'lone@kommune.dk')[0]!)).toContain(created.manageToken);
    const rows = await ctx.db
      .selectFrom('outbox_messages')
      .select(['dedupe_key', 'status', 'last_error'])
      .where('dedupe_key', 'in', [buildKey, 'build:bad-shape', 'build:newer'])
      .orderBy('dedupe_key')
      .execute();
    expect(rows).toEqual([
      { dedupe_key: 'build:bad-shape', status: 'failed', last_error: 'mail-build payload "registration_received" v1 invalid: registration.id: invalid_type' },
      { dedupe_key: 'build:newer', status: 'pending', last_error: 'mail builder "registration_received" does not know payload version 99' },
    ]);
  });
});
