import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createSignupFixtures, type SignupFixtures } from './signup-form-fixtures.js';
import { currentStep, FormClient, summaryLinks, valueOf } from './signup-form-client.js';

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

/** The step heading, which signup.js focuses on load. */
const focusedHeading = (html: string) => /<h2 id="step-heading" tabindex="-1" data-focus-on-load="">([^<]*)<\/h2>/.exec(html)?.[1];

forEachDialect('sign-up that respects the visitor’s time', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignupFixtures;
  beforeAll(async () => {
    f = await createSignupFixtures(t.current.ctx);
  });
  const client = (url: string) => new FormClient(t.current.app, url);
  const answers = (i: number) => ({
    [`participants[${i}][answers][${f.open.questions.text}]`]: 'Facilitering',
    [`participants[${i}][answers][${f.open.questions.single}]`]: 'samskabelse',
  });

  it('moves focus to the heading of each new step, but to the error summary when there are errors', async () => {
    const c = await client(da(f.open.slug)).open();
    expect(focusedHeading(c.html)).toBe('Trin 1 af 3: Betaler');
    await c.submit('next', payer);
    expect(focusedHeading(c.html)).toBe('Trin 2 af 3: Deltagere');
    await c.submit('next', {});
    expect(c.status).toBe(422);
    expect(focusedHeading(c.html)).toBeUndefined();
    expect(c.html).toContain('data-error-summary');
    const e = await client(en(f.open.slug)).open();
    expect(focusedHeading(e.html)).toBe('Step 1 of 3: Payer');
  });

  it('fills in the workplace from the organisation, for new participants too, and keeps what was typed', async () => {
    const c = await client(da(f.open.slug)).open();
    await c.submit('next', payer);
    expect(currentStep(c.html)).toBe(2);
    expect(valueOf(c.html, 'participants-0-workplace')).toBe('Skanderborg Kommune');
    await c.submit('add', { 'participants[0][workplace]': 'Skanderborg Bibliotek' });
    expect(valueOf(c.html, 'participants-0-workplace')).toBe('Skanderborg Bibliotek');
    expect(valueOf(c.html, 'participants-1-workplace')).toBe('Skanderborg Kommune');
  });

  it('lists every line on the receipt with VAT and total, the calendar link and what happens next', async () => {
    const c = await client(da(f.open.slug)).open();
    await c.submit('next', payer);
    await c.submit('next', {
      'participants[0][name]': 'Anna Holm',
      'participants[0][email]': 'anna.holm@skanderborg.dk',
      'participants[0][jobTitle]': 'Konsulent',
      // What the browser sends back: the prefilled workplace.
      'participants[0][workplace]': valueOf(c.html, 'participants-0-workplace')!,
      'participants[0][addOns][]': ['overnight', 'dinner'],
      ...answers(0),
    });
    expect(summaryLinks(c.html)).toEqual([]);
    expect(currentStep(c.html)).toBe(3);
    await c.submit('submit', [['acceptTerms', '1']]);
    expect(c.status).toBe(201);
    const receipt = c.html;
    expect(receipt).toContain('<td>Deltager 1, Anna Holm: Deltagelse</td>');
    expect(receipt).toContain('<td>Deltager 1, Anna Holm: Overnatning i enkeltværelse</td>');
    expect(receipt).toContain('<td>Deltager 1, Anna Holm: Middag</td>');
    expect(receipt).toMatch(/I alt ekskl\. moms<\/th><td class="tilmeld-amount">[\d.]+,\d\d kr\./);
    expect(receipt).toMatch(/Moms \(25 %\)<\/th><td class="tilmeld-amount">[\d.]+,\d\d kr\./);
    expect(receipt).toMatch(/I alt inkl\. moms<\/th><td class="tilmeld-amount">[\d.]+,\d\d kr\./);
    const calendar = /href="(http:\/\/tilmeld\.test\/tilmelding\/[A-Za-z0-9_-]{43}\/kalender\.ics)" rel="noreferrer"/.exec(receipt);
    expect(calendar).not.toBeNull();
    const ics = await t.current.app.inject(new URL(calendar![1]!).pathname);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(receipt).toContain('<h2>Det sker nu</h2>');
    expect(receipt).toContain('Du får en bekræftelse på e-mail');
    expect(receipt).toContain('Fakturaen sendes til den fakturamodtager');
    expect(receipt).toContain('»Mine tilmeldinger«');
  });
});
