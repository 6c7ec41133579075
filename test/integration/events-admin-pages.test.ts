import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { createEventFromDocument } from '../../src/events/event-editor.service.js';
import { loadStoredEvent } from '../../src/events/stored-event.js';
import { danishTimeToUtc } from '../../src/lib/dates.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { auditOf, outbox, seminarDocument } from './events-admin-fixtures.js';
import { signup } from './registrations-fixtures.js';

/** What a browser would post for the form as shown: inputs, textareas, checked boxes and radios, selected options. */
function formValues(html: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  };
  const unescape = (v: string) =>
    v
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
    if (!name) continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(attrs)) continue;
    add(unescape(name), unescape(value));
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) add(unescape(m[1]!), unescape(m[2]!));
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? /<option value="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
    add(unescape(m[1]!), unescape(selected));
  }
  return out;
}

/** The new-event page's first step, filled in as a person would type it. */
function newEventForm(title: string): Record<string, string | string[]> {
  return {
    action: 'save',
    title,
    type: 'kursus',
    summary: 'Et kursus om klart sprog.',
    venueId: 'new',
    'venue[name]': 'Kursushuset',
    'venue[address]': 'Åboulevarden 58',
    'venue[postalCode]': '8000',
    'venue[city]': 'Aarhus C',
    'sessions[0][date]': '05.10.2026',
    'sessions[0][start]': '9.30',
    'sessions[0][end]': '15.00',
    price: '2.500,00',
    capacity: '20',
  };
}

forEachDialect('events back-office pages', (dialect) => {
  const t = useTestApp(dialect);
  let manager: StaffClient;
  let facilitator: StaffClient;
  let finance: StaffClient;
  beforeAll(async () => {
    manager = await staffClient(t.current.app, t.current.ctx, 'manager');
    facilitator = await staffClient(t.current.app, t.current.ctx, 'facilitator');
    finance = await staffClient(t.current.app, t.current.ctx, 'finance');
  });
  const get = (client: StaffClient, url: string) => t.current.app.inject({ url, headers: client.headers });

  it('creates a draft from the first step with Danish dates and kroner, opens the overview, and the sections complete it', async () => {
    const res = await postForm(t.current.app, manager, '/admin/events/new', newEventForm('Klart sprog på Ærø'));
    expect(res.statusCode).toBe(303);
    const id = Number(/\/admin\/events\/(\d+)\/rediger\?created=1$/.exec(res.headers.location as string)?.[1]);
    const e = (await loadStoredEvent(t.current.ctx.db, id))!;
    expect([e.slug, e.status, e.document.priceOre, e.document.capacity, e.document.vatMode]).toEqual([
      'klart-sprog-paa-aeroe',
      'draft',
      250_000,
      20,
      'standard',
    ]);
    // The new venue goes into the organiser's registry, for the next event too.
    expect(e.document.venue).toEqual({ id: expect.any(Number) });
    // "When" is the first programme item, named after the event until the programme renames it.
    expect(e.document.sessions).toEqual([
      expect.objectContaining({
        title: 'Klart sprog på Ærø',
        startsAt: danishTimeToUtc('2026-10-05', '09:30'),
        endsAt: danishTimeToUtc('2026-10-05', '15:00'),
        speakers: [],
      }),
    ]);
    expect([e.document.speakers, e.document.addOns, e.document.questions, e.document.cancellation]).toEqual([
      [],
      [],
      [],
      { freeDays: 0, late: 'fee', lateFeeOre: 0 },
    ]);
    const overview = await get(manager, res.headers.location as string);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Arrangementet er oprettet som kladde.');
    expect(overview.body).toContain('href="/admin/events/' + id + '/rediger/program"');
    expect((await get(manager, `/admin/events/${id}/edit`)).headers.location).toBe(`/admin/events/${id}/rediger`);

    // The rest, one section at a time: add-ons in kroner, the options typed as lines, the cancellation fee.
    const section = (name: string, body: Record<string, string>) =>
      postForm(t.current.app, manager, `/admin/events/${id}/rediger/${name}`, { action: 'save', ...body });
    const prices = await section('priser', {
      price: '2.500,00',
      vatMode: 'standard',
      'addOns[0][nameDa]': 'Frokost',
      'addOns[0][nameEn]': 'Lunch',
      'addOns[0][kind]': 'meal',
      'addOns[0][price]': '150',
    });
    expect(prices.statusCode, prices.body.slice(0, 1500)).toBe(303);
    expect(
      (
        await section('spoergsmaal', {
          'questions[0][kind]': 'single',
          'questions[0][labelDa]': 'Hvilket modul?',
          'questions[0][labelEn]': 'Which module?',
          'questions[0][options]': 'Formiddag | Morning\nEftermiddag | Afternoon',
        })
      ).statusCode,
    ).toBe(303);
    expect((await section('tilmelding', { capacity: '20', freeDays: '14', late: 'fee', lateFee: '500' })).statusCode).toBe(303);
    const done = (await loadStoredEvent(t.current.ctx.db, id))!.document;
    expect([done.cancellation.lateFeeOre, done.addOns[0]!.priceOre, done.addOns[0]!.code, done.addOns[0]!.capacity]).toEqual([50_000, 15_000, 'frokost', null]);
    expect(done.questions[0]!.options).toEqual([
      { value: 'formiddag', da: 'Formiddag', en: 'Morning' },
      { value: 'eftermiddag', da: 'Eftermiddag', en: 'Afternoon' },
    ]);
    expect((await get(manager, `/admin/events/${id}/rediger/program`)).body).toContain('value="2026-10-05"');
  });

  it('shows the first step with the section fields, and only what a draft needs', async () => {
    const page = await get(manager, '/admin/events/new');
    expect(page.statusCode).toBe(200);
    for (const id of [
      'title',
      'type',
      'summary',
      'slug',
      'venueId',
      'venue-name',
      'sessions-0-date',
      'sessions-0-start',
      'sessions-0-end',
      'price',
      'capacity',
    ])
      expect(page.body).toContain(`id="${id}"`);
    for (const id of ['sessions-0-title', 'speakers-0-name', 'addOns-0-nameDa', 'questions-0-labelDa', 'freeDays', 'earlyBirdPrice'])
      expect(page.body).not.toContain(`id="${id}"`);
  });

  it('saves the language the event is held in (Danish when not chosen) and refuses an unknown one beside the field', async () => {
    const english = await postForm(t.current.app, manager, '/admin/events/new', { ...newEventForm('Plain language in English'), language: 'en' });
    expect(english.statusCode).toBe(303);
    const id = Number(/\/admin\/events\/(\d+)\/rediger/.exec(english.headers.location as string)?.[1]);
    expect((await loadStoredEvent(t.current.ctx.db, id))!.document.language).toBe('en');
    const edit = await get(manager, `/admin/events/${id}/rediger/grundoplysninger`);
    expect(edit.body).toMatch(/<option value="en" selected[^>]*>English<\/option>/);
    const unknown = await postForm(t.current.app, manager, '/admin/events/new', { ...newEventForm('Ukendt sprog'), language: 'xx' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('href="#language"');
    expect(unknown.body).toContain('id="language-error"');
  });

  it('shows every error beside its field and in the summary, keeps what was typed, and saves nothing', async () => {
    const before = (await t.current.ctx.db.selectFrom('events').select('id').execute()).length;
    const res = await postForm(t.current.app, manager, '/admin/events/new', {
      ...newEventForm(''),
      'sessions[0][date]': '31.09.2026',
      price: 'gratis',
      capacity: '-3',
      title: '',
      summary: '<script>alert(1)</script>',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="error-summary"');
    for (const [id, message] of [
      ['title', 'Titel skal udfyldes.'],
      ['sessions-0-date', 'Programpunkt 1: Start: Skriv en gyldig dato'],
      ['price', 'Pris ekskl. moms: Skriv et beløb i kroner'],
      ['capacity', 'Antal pladser: Skriv et helt tal'],
    ] as const) {
      expect(res.body).toContain(`href="#${id}"`);
      expect(res.body).toContain(`id="${id}-error"`);
      expect(res.body).toContain(message);
    }
    // The blank title is the only title error: the first programme item is not named on this page.
    expect(res.body).not.toContain('sessions-0-title');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(res.body).not.toContain('<script>alert(1)');
    expect((await t.current.ctx.db.selectFrom('events').select('id').execute()).length).toBe(before);
  });

  it('shows the form in English to a staff member who reads English', async () => {
    const english = await staffClient(t.current.app, t.current.ctx, 'manager', { locale: 'en' });
    const res = await postForm(t.current.app, english, '/admin/events/new', { ...newEventForm(''), title: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Title is required.');
    expect(res.body).toContain('lang="en"');
  });

  it('edits, raises capacity (the waiting list moves up), publishes and cancels through the pages', async () => {
    const { ctx } = t.current;
    const saved = await createEventFromDocument(
      ctx,
      { id: manager.staff.id, email: manager.staff.email },
      seminarDocument({ status: 'published', capacity: 1, questions: [] }),
    );
    await createRegistration(ctx, saved.slug, signup(1, 1));
    const waiting = await createRegistration(ctx, saved.slug, signup(1, 2));
    const edit = await get(manager, `/admin/events/${saved.id}/rediger/tilmelding`);
    const form = formValues(edit.body);
    form.action = 'save';
    form.capacity = '2';
    delete form._csrf;
    const res = await postForm(t.current.app, manager, `/admin/events/${saved.id}/rediger/tilmelding`, form);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    expect(res.headers.location).toBe(`/admin/events/${saved.id}/rediger/tilmelding?saved=1&n=1`);
    const p = await ctx.db.selectFrom('participants').select('status').where('registration_id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(p.status).toBe('confirmed');

    const shown = await get(manager, res.headers.location as string);
    expect(shown.body).toContain('1 fra ventelisten har fået plads');

    const cancelPage = await get(manager, `/admin/events/${saved.id}/cancel`);
    expect(cancelPage.statusCode).toBe(200);
    expect(cancelPage.body).toContain('2 tilmeldinger med 2 deltagere med plads og 0 på venteliste.');
    const before = (await outbox(ctx)).length;
    const cancelled = await postForm(t.current.app, manager, `/admin/events/${saved.id}/cancel`, { reason: 'Underviseren er syg.' });
    expect(cancelled.headers.location).toBe(`/admin/events/${saved.id}?notice=cancelled&n=2`);
    expect((await outbox(ctx)).length).toBe(before + 2);
    expect((await auditOf(ctx, saved.id)).map((a) => a.action)).toEqual(['event.create', 'event.update', 'event.cancel']);
    const again = await postForm(t.current.app, manager, `/admin/events/${saved.id}/cancel`, {});
    expect(again.headers.location).toBe(`/admin/events/${saved.id}?notice=alreadyCancelled`);
  });

  it('publishes, unpublishes and duplicates from the event page', async () => {
    const saved = await createEventFromDocument(
      t.current.ctx,
      { id: manager.staff.id, email: manager.staff.email },
      seminarDocument({ title: 'Netværksmøde 2026' }),
    );
    expect((await postForm(t.current.app, manager, `/admin/events/${saved.id}/publish`)).headers.location).toBe(`/admin/events/${saved.id}?notice=published`);
    expect((await t.current.app.inject(`/arrangementer/${saved.slug}`)).statusCode).toBe(200);
    await postForm(t.current.app, manager, `/admin/events/${saved.id}/unpublish`);
    expect((await t.current.app.inject(`/arrangementer/${saved.slug}`)).statusCode).toBe(404);
    const dup = await postForm(t.current.app, manager, `/admin/events/${saved.id}/duplicate`);
    const copyId = Number(/\/admin\/events\/(\d+)\?notice=duplicated/.exec(dup.headers.location as string)?.[1]);
    const copy = (await loadStoredEvent(t.current.ctx.db, copyId))!;
    expect([copy.slug, copy.document.title, copy.status]).toEqual(['netvaerksmoede-2027', 'Netværksmøde 2027', 'draft']);
  });

  it('lists events with search and filters; facilitators see only their assigned events and cannot change them', async () => {
    const { ctx } = t.current;
    const editor = { id: manager.staff.id, email: manager.staff.email };
    const mine = await createEventFromDocument(ctx, editor, seminarDocument({ title: `Facilitators seminar ${dialect}` }));
    const other = await createEventFromDocument(ctx, editor, seminarDocument({ title: `Andet seminar ${dialect}` }));
    await ctx.db.insertInto('event_facilitators').values({ event_id: mine.id, user_id: facilitator.staff.id }).execute();
    const list = await get(manager, `/admin/events?q=${encodeURIComponent(`seminar ${dialect}`)}&status=draft`);
    expect(list.body).toContain(`Facilitators seminar ${dialect}`);
    expect(list.body).toContain(`Andet seminar ${dialect}`);
    expect(list.body).toContain('0 af 2 (0 %)');
    const theirs = await get(facilitator, '/admin/events?when=all');
    expect(theirs.body).toContain(`Facilitators seminar ${dialect}`);
    expect(theirs.body).not.toContain(`Andet seminar ${dialect}`);
    expect(theirs.body).not.toContain('href="/admin/events/new"');
    expect((await get(facilitator, `/admin/events/${mine.id}`)).statusCode).toBe(200);
    expect((await get(facilitator, `/admin/events/${mine.id}`)).body).not.toContain('/edit');
    expect((await get(facilitator, `/admin/events/${other.id}`)).statusCode).toBe(404);
    expect((await get(facilitator, `/admin/events/${mine.id}/edit`)).statusCode).toBe(403);
    expect((await postForm(t.current.app, facilitator, `/admin/events/${mine.id}/publish`)).statusCode).toBe(403);
    expect((await get(finance, '/admin/events')).statusCode).toBe(403);
  });

  it('never answers 500 nor echoes markup, whatever the form posts, and a refused form saves nothing', async () => {
    const { ctx } = t.current;
    const saved = await createEventFromDocument(ctx, { id: manager.staff.id, email: manager.staff.email }, seminarDocument());
    const snapshot = async () =>
      JSON.stringify(await loadStoredEvent(ctx.db, saved.id), (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v));
    const hostile = fc.oneof(
      fc.constantFrom(
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        '</textarea><script>x</script>',
        'a\u0000b',
        '\ud800',
        '',
        ' ',
        '31.02.2026',
        '25:99',
        '-1',
        '1e9',
        'x'.repeat(3000),
      ),
      fc.string({ maxLength: 30 }),
    );
    const names = fc.oneof(
      fc.constantFrom(
        'title',
        'slug',
        'type',
        'capacity',
        'price',
        'memberPrice',
        'earlyBirdPrice',
        'earlyBirdDate',
        'earlyBirdTime',
        'vatMode',
        'venueId',
        'venue[name]',
        'opensDate',
        'opensTime',
        'closesDate',
        'freeDays',
        'late',
        'lateFee',
        'version',
        'themes[]',
        'action',
        '__proto__',
      ),
      fc
        .tuple(
          fc.constantFrom('sessions', 'speakers', 'addOns', 'questions'),
          fc.nat(3),
          fc.constantFrom('id', 'title', 'date', 'start', 'end', 'name', 'code', 'price', 'capacity', 'kind', 'labelDa', 'options', 'remove', 'speakers]['),
        )
        .map(([list, i, f]) => `${list}[${i}][${f}]`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, hostile), { maxLength: 15 }), fc.boolean(), async (pairs, edit) => {
        const body: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
        for (const [n, v] of pairs) (body[n] ??= []).push(v);
        const before = await snapshot();
        const res = await postForm(t.current.app, manager, edit ? `/admin/events/${saved.id}/rediger/grundoplysninger` : '/admin/events/new', body);
        expect([200, 303, 409, 422]).toContain(res.statusCode);
        for (const raw of ['<script>alert(1)', '<img src=x', '</textarea><script>']) expect(res.body).not.toContain(raw);
        if (res.statusCode !== 303) expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
