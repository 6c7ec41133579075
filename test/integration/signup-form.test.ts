import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { sha256Hex } from '../../src/registrations/tokens.js';
import { addQuestion } from '../../src/registrations/signup/signup-settings.service.js';
import { createSignupFixtures, type SignupFixtures } from './signup-form-fixtures.js';
import {
  currentStep,
  decode,
  expectFieldError,
  FormClient,
  hiddenFields,
  summaryLinks,
  tagWithId,
  titleOf,
  valueOf,
  type Fields,
} from './signup-form-client.js';

const da = (slug: string) => `/arrangementer/${slug}/tilmelding`;
const en = (slug: string) => `/en/events/${slug}/signup`;

const payer = {
  'booker[name]': 'Bente Booker',
  'booker[email]': 'bente@skanderborg.dk',
  'payer[organisation]': 'Skanderborg Kommune',
  'payer[cvr]': '29189919',
  'payer[ean]': '5798000416604',
  'payer[personReference]': 'HRK',
  'payer[poNumber]': '',
  'payer[address]': 'Adelgade 44',
  'payer[postalCode]': '8660',
  'payer[city]': 'Skanderborg',
  'payer[email]': 'faktura@skanderborg.dk',
};

function person(i: number, name: string, email: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const p = `participants[${i}]`;
  return {
    [`${p}[name]`]: name,
    [`${p}[email]`]: email,
    [`${p}[jobTitle]`]: 'Konsulent',
    [`${p}[workplace]`]: 'Skanderborg Kommune',
    [`${p}[phone]`]: '',
    [`${p}[diet]`]: '',
    [`${p}[accessibilityNeeds]`]: '',
    ...extra,
  };
}

forEachDialect('sign-up form', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignupFixtures;
  beforeAll(async () => {
    f = await createSignupFixtures(t.current.ctx);
  });

  const client = (url: string) => new FormClient(t.current.app, url);
  const answers = (i: number) => ({
    [`participants[${i}][answers][${f.open.questions.text}]`]: 'Facilitering på tværs',
    [`participants[${i}][answers][${f.open.questions.single}]`]: 'samskabelse',
  });
  const registrationsOf = async (slug: string) =>
    t.current.ctx.db
      .selectFrom('registrations')
      .innerJoin('events', 'events.id', 'registrations.event_id')
      .select(['registrations.id', 'registrations.status', 'registrations.locale', 'registrations.manage_token_hash', 'registrations.payer_organisation'])
      .where('events.slug', '=', slug)
      .orderBy('registrations.id')
      .execute();

  /** Fills in all three steps of the open event; the page shown is the confirm step. */
  async function toConfirm(c: FormClient, people: Array<Record<string, string | string[]>>) {
    await c.open();
    await c.submit('next', payer);
    expect(currentStep(c.html)).toBe(2);
    await c.submit('next', Object.assign({}, ...people) as Record<string, string | string[]>);
    expect(c.status).toBe(200);
    expect(currentStep(c.html)).toBe(3);
    return c;
  }

  describe('the first step', () => {
    it('is a form with the CSRF token, the step indicator and the payer fields, not cached', async () => {
      const c = await client(da(f.open.slug)).open();
      expect(c.status).toBe(200);
      expect(c.headers['cache-control']).toBe('no-store');
      expect(c.cookie).toMatch(/^tilmeld_csrf=/);
      expect(hiddenFields(c.html).find(([n]) => n === '_csrf')?.[1]).toBeTruthy();
      expect(c.html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(titleOf(c.html)).toBe('Betaler – tilmelding til Konsulent i en politisk styret organisation – Tilmeld');
      expect(c.html).toContain('<ol class="step-indicator">');
      expect(currentStep(c.html)).toBe(1);
      expect(c.html.match(/aria-current="step"/g)).toHaveLength(1);
      for (const id of [
        'payer-organisation',
        'payer-cvr',
        'payer-ean',
        'payer-personReference',
        'payer-poNumber',
        'payer-address',
        'payer-postalCode',
        'payer-city',
        'payer-email',
      ]) {
        expect(tagWithId(c.html, id), id).toBeDefined();
      }
      expect(c.html).toContain('Offentlige købere kræver en personreference');
      expect(c.html).toMatch(/<script src="\/assets\/tilmeld\/signup\.js" defer><\/script>/);
      expect(c.html).not.toMatch(/<script>(?!<\/script>)/);
    });

    it('is in English under /en', async () => {
      const c = await client(en(f.open.slug)).open();
      expect(c.status).toBe(200);
      expect(c.html).toContain('<html lang="en">');
      expect(titleOf(c.html)).toBe('Payer – sign-up for Konsulent i en politisk styret organisation – Tilmeld');
      expect(c.html).toContain('Public buyers require a person reference');
      expect(c.html).toContain(`action="/en/events/${f.open.slug}/signup"`);
    });
  });

  describe('the booker and "Jeg deltager selv"', () => {
    const { 'booker[name]': _name, 'booker[email]': _email, ...payerOnly } = payer;

    it('asks for the booker first on step 1, with errors beside the fields and in the summary, in Danish and English', async () => {
      const c = await client(da(f.open.slug)).open();
      expect(tagWithId(c.html, 'booker-name')).toContain('autocomplete="name"');
      expect(c.html).toContain('Dig, der tilmelder');
      await c.submit('next', { ...payerOnly, 'booker[email]': 'ikke en mail' });
      expect(c.status).toBe(422);
      expect(currentStep(c.html)).toBe(1);
      expectFieldError(c.html, 'booker-name', 'Dit navn skal udfyldes.');
      expect(summaryLinks(c.html).map(([id]) => id)).toEqual(['booker-name', 'booker-email']);
      expect(summaryLinks(c.html)[1]![1]).toContain('Din e-mail');
      expect(valueOf(c.html, 'booker-email')).toBe('ikke en mail');

      const e = await client(en(f.open.slug)).open();
      await e.submit('next', payerOnly);
      expect(e.status).toBe(422);
      expectFieldError(e.html, 'booker-name', 'Your name is required.');
      expectFieldError(e.html, 'booker-email', 'Your e-mail is required.');
      expect(e.html).toContain('You, making the booking');
    });

    it('without JavaScript, copies the booker into the first participant when the step is sent, and stores the booker', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', payer);
      expect(currentStep(c.html)).toBe(2);
      const box = tagWithId(c.html, 'bookerParticipates');
      expect(box).toContain('type="checkbox"');
      expect(c.html).toContain('Jeg deltager selv');
      expect(c.html).toContain('data-booker-name="Bente Booker" data-booker-email="bente@skanderborg.dk"');
      const { 'participants[0][name]': _n, 'participants[0][email]': _e, ...rest } = person(0, '', '') as Record<string, string>;
      await c.submit('next', { ...rest, ...answers(0), bookerParticipates: '1' });
      expect(c.status).toBe(200);
      expect(currentStep(c.html)).toBe(3);
      expect(hiddenFields(c.html)).toContainEqual(['participants[0][name]', 'Bente Booker']);
      expect(hiddenFields(c.html)).toContainEqual(['participants[0][email]', 'bente@skanderborg.dk']);
      expect(hiddenFields(c.html)).toContainEqual(['bookerParticipates', '1']);
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(201);
      const stored = await t.current.ctx.db
        .selectFrom('registrations')
        .innerJoin('participants', 'participants.registration_id', 'registrations.id')
        .select(['registrations.booker_name', 'registrations.booker_email', 'participants.name', 'participants.email'])
        .where('registrations.booker_email', '=', 'bente@skanderborg.dk')
        .where('participants.position', '=', 0)
        .execute();
      expect(stored).toContainEqual({ booker_name: 'Bente Booker', booker_email: 'bente@skanderborg.dk', name: 'Bente Booker', email: 'bente@skanderborg.dk' });
    });

    it('unticks "Jeg deltager selv" when participant 1 is removed, so the next participant keeps their own name', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', payer);
      await c.submit('remove:0', {
        ...person(0, 'Bente Booker', 'bente@skanderborg.dk'),
        ...person(1, 'Bo Berg', 'bo@skanderborg.dk'),
        bookerParticipates: '1',
      });
      expect(currentStep(c.html)).toBe(2);
      expect(valueOf(c.html, 'participants-0-name')).toBe('Bo Berg');
      expect(tagWithId(c.html, 'bookerParticipates')).not.toContain('checked');
    });

    it('keeps the participant as typed when the box is not ticked', async () => {
      const c = await client(en(f.open.slug)).open();
      await c.submit('next', payer);
      await c.submit('next', { ...person(0, 'Anna Holm', 'anna@skanderborg.dk'), ...answers(0) });
      expect(currentStep(c.html)).toBe(3);
      expect(hiddenFields(c.html)).toContainEqual(['participants[0][name]', 'Anna Holm']);
      expect(hiddenFields(c.html)).toContainEqual(['booker[name]', 'Bente Booker']);
    });
  });

  describe('errors', () => {
    it('shows each payer error beside its field and in the summary, in Danish, keeping what was typed', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', {
        ...payer,
        'payer[organisation]': '',
        'payer[cvr]': '12345678',
        'payer[ean]': '123',
        'payer[email]': 'ikke en mail',
        'payer[city]': 'Skanderborg <by>',
      });
      expect(c.status).toBe(422);
      expect(currentStep(c.html)).toBe(1);
      expect(titleOf(c.html)).toMatch(/^Fejl: Betaler/);
      expect(c.headers['cache-control']).toBe('no-store');
      expect(c.html).toContain('role="alert"');
      expectFieldError(c.html, 'payer-organisation', 'Organisation skal udfyldes.');
      expectFieldError(c.html, 'payer-cvr', 'CVR-nummeret findes ikke. Tjek, at det er skrevet rigtigt.');
      expectFieldError(c.html, 'payer-ean', 'EAN-nummeret skal være 13 cifre.');
      expectFieldError(c.html, 'payer-email', 'E-mail til faktura: Skriv en gyldig e-mailadresse, fx navn@kommune.dk.');
      expect(summaryLinks(c.html).map(([id]) => id)).toEqual(['payer-organisation', 'payer-cvr', 'payer-ean', 'payer-email']);
      expect(c.html).toContain('<div class="form-group form-error"><label class="form-label" for="payer-cvr">');
      expect(valueOf(c.html, 'payer-cvr')).toBe('12345678');
      expect(valueOf(c.html, 'payer-city')).toBe('Skanderborg <by>');
      expect(c.html).not.toContain('Skanderborg <by>');
      expect(tagWithId(c.html, 'payer-address')).not.toContain('aria-invalid');
    });

    it('asks for a person reference with an EAN number', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', { ...payer, 'payer[personReference]': '' });
      expectFieldError(c.html, 'payer-personReference', 'Skriv en personreference. Den skal stå på fakturaen, når der betales med EAN-nummer.');
    });

    it('shows the same errors in English', async () => {
      const c = await client(en(f.open.slug)).open();
      await c.submit('next', { ...payer, 'payer[organisation]': '', 'payer[cvr]': '1234', 'payer[postalCode]': '!!' });
      expect(c.status).toBe(422);
      expect(titleOf(c.html)).toMatch(/^Error: Payer/);
      expect(c.html).toContain('There is a problem with the form');
      expectFieldError(c.html, 'payer-organisation', 'Organisation is required.');
      expectFieldError(c.html, 'payer-cvr', 'The CVR number must be 8 digits.');
      expectFieldError(c.html, 'payer-postalCode', 'Postcode: enter a valid postcode, such as 8000.');
    });

    it('shows participant errors beside the fields of the right participant, answers included, in both languages', async () => {
      for (const [url, msgs] of [
        [
          da(f.open.slug),
          [
            'Deltager 1: Stilling skal udfyldes.',
            'Deltager 2: Deltageren står allerede på tilmeldingen med den samme e-mailadresse.',
            'Deltager 2: Besvar spørgsmålet: Hvilken workshop vælger du?',
            'Deltager 2: Telefon: Skriv et gyldigt telefonnummer, fx 33 12 34 56.',
          ],
        ],
        [
          en(f.open.slug),
          [
            'Participant 1: Job title is required.',
            'Participant 2: This participant is already on the registration with the same e-mail address.',
            'Participant 2: Answer the question: Which workshop do you choose?',
            'Participant 2: Phone: enter a valid phone number, such as +45 33 12 34 56.',
          ],
        ],
      ] as const) {
        const c = await client(url).open();
        await c.submit('next', payer);
        await c.submit('next', {
          ...person(0, 'Anna Holm', 'anna@skanderborg.dk', { ...answers(0), 'participants[0][jobTitle]': '' }),
          ...person(1, 'Bo Berg', 'ANNA@skanderborg.dk', {
            'participants[1][phone]': 'ring til mig',
            [`participants[1][answers][${f.open.questions.text}]`]: 'x',
          }),
        });
        expect(c.status).toBe(422);
        expect(currentStep(c.html)).toBe(2);
        expectFieldError(c.html, 'participants-0-jobTitle', msgs[0]);
        expectFieldError(c.html, 'participants-1-email', msgs[1]);
        expectFieldError(c.html, `participants-1-answers-${f.open.questions.single}`, msgs[2]);
        expectFieldError(c.html, 'participants-1-phone', msgs[3]);
        // In the order of the form.
        expect(summaryLinks(c.html).map(([id]) => id)).toEqual([
          'participants-0-jobTitle',
          'participants-1-email',
          'participants-1-phone',
          `participants-1-answers-${f.open.questions.single}`,
        ]);
        expect(valueOf(c.html, 'participants-1-phone')).toBe('ring til mig');
      }
    });

    it('stores nothing when the final submit is rejected, and goes back to the step with the error', async () => {
      const before = (await registrationsOf(f.open.slug)).length;
      const c = await toConfirm(client(da(f.open.slug)), [person(0, 'Carl Dam', 'carl@skanderborg.dk', answers(0))]);
      await c.submit('submit', []);
      expect(c.status).toBe(422);
      expect(currentStep(c.html)).toBe(3);
      expectFieldError(c.html, 'acceptTerms', 'Du skal acceptere betingelserne for at tilmelde dig.');

      // Tampered hidden fields are caught by the full schema on the final submit.
      const confirmFields = hiddenFields(c.html);
      const tampered = confirmFields.map(([n, v]) => (n === 'payer[cvr]' ? ([n, '11111111'] as const) : ([n, v] as const)));
      await c.postRaw([...tampered, ['acceptTerms', '1'], ['action', 'submit']]);
      expect(c.status).toBe(422);
      expect(currentStep(c.html)).toBe(1);
      expectFieldError(c.html, 'payer-cvr', 'CVR-nummeret findes ikke. Tjek, at det er skrevet rigtigt.');

      await c.postRaw([...confirmFields, ['participants[0][addOns][]', 'spa'], ['acceptTerms', '1'], ['action', 'submit']]);
      expect(currentStep(c.html)).toBe(2);
      expectFieldError(c.html, 'participants-0-addOns', 'Deltager 1: Tilvalget findes ikke til dette arrangement.');
      expect((await registrationsOf(f.open.slug)).length).toBe(before);
    });
  });

  describe('a whole sign-up', () => {
    it('goes through the three steps and stores a confirmed registration in Danish, with a receipt', async () => {
      const c = await toConfirm(client(da(f.open.slug)), [
        person(0, 'Anna Holm', 'anna.holm@skanderborg.dk', {
          ...answers(0),
          'participants[0][addOns][]': ['overnight', 'dinner'],
          [`participants[0][answers][${f.open.questions.multiple}][]`]: ['ledelse', 'politik'],
          [`participants[0][answers][${f.open.questions.yesno}]`]: 'yes',
          'participants[0][diet]': 'Vegetar',
        }),
        person(1, 'Bo Berg', 'bo.berg@skanderborg.dk', answers(1)),
      ]);
      // The summary: a line per participant and per add-on, prices ex. VAT, VAT and total.
      expect(c.html).toContain('Deltager 1, Anna Holm: Deltagelse');
      expect(c.html).toContain('Deltager 1, Anna Holm: Overnatning i enkeltværelse');
      expect(c.html).toContain('Deltager 1, Anna Holm: Middag');
      expect(c.html).toContain('Deltager 2, Bo Berg: Deltagelse');
      expect(c.html).toContain('<td class="tilmeld-amount">1.250,00 kr.</td>');
      expect(c.html).toMatch(/I alt ekskl\. moms<\/th><td class="tilmeld-amount">10\.700,00 kr\./);
      expect(c.html).toMatch(/Moms \(25 %\)<\/th><td class="tilmeld-amount">2\.675,00 kr\./);
      expect(c.html).toMatch(/I alt inkl\. moms<\/th><td class="tilmeld-amount">13\.375,00 kr\./);
      // The terms say the cancellation rule in plain words.
      expect(c.html).toContain('id="signup-terms"');
      expect(c.html).toContain('Du kan afmelde gratis indtil 11. august 2026 kl. 09.30.');
      expect(c.html).toContain('Afmelder du senere, koster det 1.500,00 kr. ekskl. moms pr. deltager.');
      expect(c.html).toContain('href="#signup-terms"');
      const key = hiddenFields(c.html).find(([n]) => n === 'submissionKey')?.[1];
      expect(key).toMatch(/^[A-Za-z0-9_-]{22,}$/);

      await c.submit('submit', [
        ['acceptTerms', '1'],
        ['consentToParticipantList', '1'],
      ]);
      expect(c.status).toBe(201);
      expect(c.headers['referrer-policy']).toBe('no-referrer');
      expect(c.headers['cache-control']).toBe('no-store');
      expect(c.headers.location).toBeUndefined();
      expect(c.html).toContain('<h1>Tak for din tilmelding</h1>');
      expect(c.html).toContain('Bekræftet');
      expect(c.html).toContain('<strong>Anna Holm</strong>');
      expect(c.html).toContain('Overnatning i enkeltværelse: reserveret');
      expect(c.html).toContain('13.375,00 kr.');
      const link = /href="(http:\/\/tilmeld\.test\/tilmelding\/([A-Za-z0-9_-]{43}))" class="button button-primary" rel="noreferrer"/.exec(c.html);
      expect(link).not.toBeNull();

      const stored = (await registrationsOf(f.open.slug)).find((r) => r.manage_token_hash === sha256Hex(link![2]!));
      expect(stored).toMatchObject({ status: 'confirmed', locale: 'da', payer_organisation: 'Skanderborg Kommune' });
      const people = await t.current.ctx.db.selectFrom('participants').selectAll().where('registration_id', '=', stored!.id).orderBy('position').execute();
      expect(people.map((p) => [p.name, p.status, p.diet])).toEqual([
        ['Anna Holm', 'confirmed', 'Vegetar'],
        ['Bo Berg', 'confirmed', ''],
      ]);
      const answerRows = await t.current.ctx.db.selectFrom('answers').selectAll().where('participant_id', '=', people[0]!.id).orderBy('question_id').execute();
      expect(Object.fromEntries(answerRows.map((a) => [a.question_id, JSON.parse(a.value)]))).toEqual({
        [f.open.questions.text]: 'Facilitering på tværs',
        [f.open.questions.single]: 'samskabelse',
        [f.open.questions.multiple]: ['ledelse', 'politik'],
        [f.open.questions.yesno]: true,
      });
      const consent = await t.current.ctx.db
        .selectFrom('registrations')
        .select('consent_participant_list')
        .where('id', '=', stored!.id)
        .executeTakeFirstOrThrow();
      expect(consent.consent_participant_list).toBe(1);
    });

    it('makes the form’s language the registration’s language', async () => {
      const c = await client(en(f.open.slug)).open();
      await c.submit('next', payer);
      await c.submit('next', person(0, 'Dorte Lund', 'dorte@skanderborg.dk', answers(0)));
      expect(c.html).toContain('Participant 1, Dorte Lund: Participation');
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(201);
      expect(c.html).toContain('Thank you for signing up');
      const token = /href="http:\/\/tilmeld\.test\/en\/booking\/([A-Za-z0-9_-]{43})"/.exec(c.html)![1]!;
      const stored = (await registrationsOf(f.open.slug)).find((r) => r.manage_token_hash === sha256Hex(token));
      expect(stored?.locale).toBe('en');
    });

    it('makes one registration of a double click: the same submission key shows the same receipt', async () => {
      const c = await toConfirm(client(da(f.open.slug)), [person(0, 'Eva Krog', 'eva@skanderborg.dk', answers(0))]);
      const confirmPage = c.html;
      const before = (await registrationsOf(f.open.slug)).length;
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(201);
      const first = c.html;
      c.html = confirmPage;
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(200);
      expect(c.html).toBe(first);
      expect((await registrationsOf(f.open.slug)).length).toBe(before + 1);

      // The same key with other data does not make a second registration either.
      c.html = confirmPage;
      await c.submit('submit', [
        ['acceptTerms', '1'],
        ['consentToParticipantList', '1'],
      ]);
      expect(c.status).toBe(422);
      expect(c.html).toContain('Tilmeldingen er allerede sendt');
      expect((await registrationsOf(f.open.slug)).length).toBe(before + 1);
    });

    it('puts a sign-up for a full event on the waiting list and says so before and after', async () => {
      const c = await client(da(f.full)).open();
      expect(c.html).toContain('Arrangementet er fuldt');
      await c.submit('next', payer);
      expect(c.html).toContain('Din tilmelding kommer på ventelisten.');
      await c.submit('next', { ...person(0, 'Finn Ravn', 'finn@skanderborg.dk'), ...person(1, 'Gitte Ravn', 'gitte@skanderborg.dk') });
      expect(c.html).toContain('Der er ikke plads til jeres deltagere nu. Når du sender tilmeldingen, kommer den på ventelisten.');
      expect(c.html).toContain('Deltagerne på én tilmelding får plads samlet eller kommer samlet på ventelisten.');
      expect(c.html).toContain('Deltager 1, Finn Ravn: Deltagelse (på venteliste)');
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(201);
      expect(c.html).toContain('På venteliste');
      expect(c.html).toContain('på venteliste som nr. 1');
      expect(c.html).toContain('på venteliste som nr. 2');
      expect(c.html).toContain('Der er intet at betale, før deltagerne får en plads.');
      const [stored] = await registrationsOf(f.full);
      expect(stored?.status).toBe('waitlisted');
    });

    it('says when partial booking applies and confirms the first participants', async () => {
      const c = await client(da(f.partial)).open();
      await c.submit('next', payer);
      await c.submit('next', { ...person(0, 'Hans Bo', 'hans@skanderborg.dk'), ...person(1, 'Ida Bo', 'ida@skanderborg.dk') });
      expect(c.html).toContain('Der er kun plads til 1 af jeres 2 deltagere. De første 1 får plads, og de sidste 1 kommer på ventelisten.');
      expect(c.html).toContain('Er der ikke plads til alle jeres deltagere');
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(201);
      expect(c.html).toContain('Nogle af deltagerne har fået plads, og resten er på ventelisten.');
      const [stored] = await registrationsOf(f.partial);
      expect(stored?.status).toBe('confirmed');
    });

    it('says that a VAT-exempt event has no VAT', async () => {
      const c = await client(da(f.exempt)).open();
      await c.submit('next', payer);
      await c.submit('next', person(0, 'Jens Vang', 'jens@skanderborg.dk'));
      expect(c.html).toContain('Arrangementet er momsfritaget, så der lægges ikke moms på prisen.');
      expect(c.html).not.toContain('Moms (');
      expect(c.html).toMatch(/I alt inkl\. moms<\/th><td class="tilmeld-amount">500,00 kr\./);
    });
  });

  describe('when the event changes while the form is open', () => {
    it('points at the add-on that sold out meanwhile, and stores nothing for the late one', async () => {
      const late = client(da(f.lastRoom));
      await late.open();
      await late.submit('next', payer);
      await late.submit('next', person(0, 'Rikke Ny', 'rikke@skanderborg.dk', { 'participants[0][addOns][]': 'overnight' }));
      expect(currentStep(late.html)).toBe(3);

      const first = client(da(f.lastRoom));
      await first.open();
      await first.submit('next', payer);
      await first.submit('next', person(0, 'Søren Før', 'soren@skanderborg.dk', { 'participants[0][addOns][]': 'overnight' }));
      await first.submit('submit', [['acceptTerms', '1']]);
      expect(first.status).toBe(201);

      await late.submit('submit', [['acceptTerms', '1']]);
      expect(late.status).toBe(409);
      expect(currentStep(late.html)).toBe(2);
      expectFieldError(late.html, 'participants-0-addOns', 'Deltager 1: Overnatning i enkeltværelse er udsolgt. Fravælg det for at gennemføre tilmeldingen.');
      expect(valueOf(late.html, 'participants-0-name')).toBe('Rikke Ny');
      expect((await registrationsOf(f.lastRoom)).length).toBe(1);

      // Without the add-on, the same form goes through.
      await late.submit('next', person(0, 'Rikke Ny', 'rikke@skanderborg.dk'));
      expect(currentStep(late.html)).toBe(3);
      await late.submit('submit', [['acceptTerms', '1']]);
      expect(late.status).toBe(201);
      expect((await registrationsOf(f.lastRoom)).length).toBe(2);
    });

    it('asks a question added meanwhile before anything is stored', async () => {
      const c = client(da(f.noQuestions.slug));
      await c.open();
      await c.submit('next', payer);
      await c.submit('next', person(0, 'Tine Sen', 'tine@skanderborg.dk'));
      expect(currentStep(c.html)).toBe(3);
      await addQuestion(t.current.ctx, f.noQuestions.id, {
        kind: 'yesno',
        labelDa: 'Deltager du i middagen?',
        labelEn: 'Will you join the dinner?',
        required: true,
      });
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(422);
      expect(currentStep(c.html)).toBe(2);
      expect(summaryLinks(c.html)[0]?.[1]).toBe('Deltager 1: Besvar spørgsmålet: Deltager du i middagen?');
      expect((await registrationsOf(f.noQuestions.slug)).length).toBe(0);
    });
  });

  describe('without JavaScript', () => {
    it('adds and removes participants with buttons, keeping what was typed', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', payer);
      expect(c.html.match(/<fieldset class="tilmeld-participant"/g)).toHaveLength(1);
      expect(c.html).not.toContain('value="remove:0"');
      await c.submit('add', person(0, 'Kim Sø', 'kim@skanderborg.dk'));
      expect(c.status).toBe(200);
      expect(currentStep(c.html)).toBe(2);
      expect(c.html.match(/<fieldset class="tilmeld-participant"/g)).toHaveLength(2);
      expect(valueOf(c.html, 'participants-0-name')).toBe('Kim Sø');
      expect(tagWithId(c.html, 'participants-1-name')).toContain('autofocus');
      expect(summaryLinks(c.html)).toEqual([]);
      await c.submit('add', { ...person(0, 'Kim Sø', 'kim@skanderborg.dk'), ...person(1, 'Lis Sø', 'lis@skanderborg.dk') });
      expect(c.html.match(/<fieldset class="tilmeld-participant"/g)).toHaveLength(3);
      await c.submit('remove:0', {
        ...person(0, 'Kim Sø', 'kim@skanderborg.dk'),
        ...person(1, 'Lis Sø', 'lis@skanderborg.dk'),
        ...person(2, 'Mads Sø', 'mads@skanderborg.dk'),
      });
      expect(c.html.match(/<fieldset class="tilmeld-participant"/g)).toHaveLength(2);
      expect(c.html).toContain('Deltager 1 er fjernet fra tilmeldingen.');
      expect(valueOf(c.html, 'participants-0-name')).toBe('Lis Sø');
      expect(valueOf(c.html, 'participants-1-name')).toBe('Mads Sø');
      // The payer typed on step 1 travels along.
      expect(hiddenFields(c.html)).toContainEqual(['payer[organisation]', 'Skanderborg Kommune']);
    });

    it('stops adding at 20 participants', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', payer);
      const many: Fields = Array.from({ length: 20 }, (_, i) => [`participants[${i}][name]`, `P${i}`] as const);
      await c.submit('add', many);
      expect(c.html.match(/<fieldset class="tilmeld-participant"/g)).toHaveLength(20);
      expect(c.html).not.toContain('value="add"');
      expect(c.html).toContain('Du kan højst tilmelde 20 deltagere ad gangen.');
    });

    it('goes back without losing anything, and Enter in a field means "Næste"', async () => {
      const c = await toConfirm(client(da(f.open.slug)), [person(0, 'Nina Ås', 'nina@skanderborg.dk', answers(0))]);
      await c.submit('back', [['acceptTerms', '1']]);
      expect(currentStep(c.html)).toBe(2);
      expect(valueOf(c.html, 'participants-0-name')).toBe('Nina Ås');
      expect(hiddenFields(c.html)).toContainEqual(['acceptTerms', '1']);
      await c.submit('back', c.textValues({ 'participants[0][name]': 'participants-0-name', 'participants[0][email]': 'participants-0-email' }));
      expect(currentStep(c.html)).toBe(1);
      expect(valueOf(c.html, 'payer-organisation')).toBe('Skanderborg Kommune');
      expect(hiddenFields(c.html)).toContainEqual(['participants[0][name]', 'Nina Ås']);
      // The first submit button of each step's form is "next", so implicit submission goes forward.
      expect(c.html).toMatch(/<form method="post"[^>]*><button type="submit" name="action" value="next" class="sr-only" tabindex="-1" aria-hidden="true">/);
    });

    it('shows sold-out add-ons as such', async () => {
      const c = await client(da(f.open.slug)).open();
      await c.submit('next', payer);
      expect(c.html).toMatch(
        /<input type="checkbox" class="form-checkbox" id="participants-0-addOns-2" name="participants\[0\]\[addOns\]\[\]" value="boat" disabled\/>/,
      );
      expect(c.html).toContain('Sejltur<span class="tilmeld-field-note"> – 200,00 kr. ekskl. moms – Udsolgt</span>');
    });
  });

  describe('security', () => {
    it('refuses a POST without the CSRF token or cookie, and stores nothing', async () => {
      const before = (await registrationsOf(f.open.slug)).length;
      const c = await toConfirm(client(da(f.open.slug)), [person(0, 'Ole Hav', 'ole@skanderborg.dk', answers(0))]);
      const fields = [...hiddenFields(c.html), ['acceptTerms', '1'], ['action', 'submit']] as Fields;
      await c.postRaw(fields.filter(([n]) => n !== '_csrf'));
      expect(c.status).toBe(403);
      await c.postRaw(fields.map(([n, v]) => (n === '_csrf' ? ([n, 'forged'] as const) : ([n, v] as const))));
      expect(c.status).toBe(403);
      await c.postRaw(fields, { cookie: null });
      expect(c.status).toBe(403);
      expect(c.html).toContain('Formularen er udløbet');
      expect((await registrationsOf(f.open.slug)).length).toBe(before);
    });

    it('keeps the token out of every URL: the receipt is the answer to the POST', async () => {
      const c = await toConfirm(client(da(f.open.slug)), [person(0, 'Pia Ly', 'pia@skanderborg.dk', answers(0))]);
      await c.submit('submit', [['acceptTerms', '1']]);
      expect(c.status).toBe(201);
      expect(c.headers.location).toBeUndefined();
      expect(c.headers['referrer-policy']).toBe('no-referrer');
    });
  });

  describe('closed sign-up', () => {
    it.each([
      ['notOpen', 'Tilmeldingen er ikke åbnet endnu. Den åbner 1. juli 2026 kl. 09.00.'],
      ['deadlinePassed', 'Fristen for tilmelding er overskredet'],
      ['cancelled', 'Arrangementet er aflyst, så du kan ikke tilmelde dig.'],
      ['archived', 'Arrangementet er afholdt, så du kan ikke længere tilmelde dig.'],
    ] as const)('says so for %s, with no form (200), and refuses a POST (409)', async (name, text) => {
      const c = await client(da(f[name])).open();
      expect(c.status).toBe(200);
      expect(c.html).toContain('Der er lukket for tilmelding');
      expect(c.html).toContain(text);
      expect(c.html).not.toContain('<form');
      expect(c.html.match(/<h1[ >]/g)).toHaveLength(1);
      // A form opened while it was open is refused when posted.
      const open = await client(da(f.open.slug)).open();
      const fields = hiddenFields(open.html);
      const post = new FormClient(t.current.app, da(f[name]));
      post.cookie = open.cookie;
      await post.postRaw([...fields, ...Object.entries(payer), ['action', 'next']]);
      expect(post.status).toBe(409);
      expect(post.html).toContain(text);
    });

    it('is in English too', async () => {
      const c = await client(en(f.cancelled)).open();
      expect(c.html).toContain('Sign-up is closed');
      expect(c.html).toContain('The event has been cancelled, so you cannot sign up.');
    });

    it('is 404 for an unknown slug and for a draft', async () => {
      for (const url of [da('findes-ikke'), en('findes-ikke'), da(f.draft), da('%00'), da('x'.repeat(300))]) {
        const res = await t.current.app.inject(url);
        expect(res.statusCode, url).toBe(404);
      }
      const open = await client(da(f.open.slug)).open();
      const post = new FormClient(t.current.app, da('findes-ikke'));
      post.cookie = open.cookie;
      await post.postRaw([...hiddenFields(open.html), ['action', 'next']]);
      expect(post.status).toBe(404);
    });
  });

  it('escapes what it shows back', async () => {
    const c = await client(da(f.open.slug)).open();
    const evil = '"><script>alert(1)</script>&amp;';
    await c.submit('next', { ...payer, 'payer[organisation]': evil });
    expect(c.html).not.toContain('<script>alert(1)');
    await c.submit('next', { ...person(0, evil, 'q@skanderborg.dk', { ...answers(0), 'participants[0][diet]': evil }) });
    expect(currentStep(c.html)).toBe(3);
    expect(c.html).not.toContain('<script>alert(1)');
    expect(decode(c.html)).toContain(evil);
    expect(hiddenFields(c.html)).toContainEqual(['payer[organisation]', evil]);
    expect(hiddenFields(c.html)).toContainEqual(['participants[0][diet]', evil]);
  });
});
