import fc from 'fast-check';
import { escapeHtml } from '@kitajs/html';
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { PARTICIPANT_TEXT_FIELDS, PAYER_FIELDS } from '../../src/registrations/signup/signup-form.js';
import { createSignupFixtures, type SignupFixtures } from './signup-form-fixtures.js';
import { FormClient, hiddenFields, type Fields } from './signup-form-client.js';

const HOSTILE = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(2)</script>',
  '&lt;script&gt;alert(3)&lt;/script&gt;',
  '{{constructor.constructor("alert(4)")()}}',
  'x'.repeat(10_000),
  '\u202eevil\u202c',
  '\ud800',
  '😀👩‍👩‍👧‍👦 Åse Ærø Øster',
  'a\u0000b',
  '',
  ' ',
];

/** Markers that would mean a hostile value reached the page as markup. */
const RAW = ['<script>alert', '<img src=x', '<svg onload', '</textarea><script'];

function expectNoRawMarkup(html: string): void {
  for (const marker of RAW) expect(html, marker).not.toContain(marker);
}

const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 30 }));

const names = (participants: number, questions: number[]) =>
  fc.oneof(
    fc.constantFrom(
      ...PAYER_FIELDS.map((f) => `payer[${f}]`),
      'acceptTerms',
      'consentToParticipantList',
      'step',
      'action',
      'submissionKey',
      'payer',
      'participants',
    ),
    fc.tuple(fc.nat(participants), fc.constantFrom(...PARTICIPANT_TEXT_FIELDS, 'addOns][', 'x')).map(([i, f]) => `participants[${i}][${f}]`),
    fc
      .tuple(fc.nat(participants), fc.constantFrom(...questions.map(String), '999999999', '-1', 'abc'), fc.boolean())
      .map(([i, q, list]) => `participants[${i}][answers][${q}]${list ? '[]' : ''}`),
    fc.constantFrom('participants[1000][name]', 'participants[99999999999][name]', '__proto__', 'constructor', 'payer[__proto__]'),
  );

forEachDialect('sign-up form with random and hostile input', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignupFixtures;
  let questions: number[];
  beforeAll(async () => {
    f = await createSignupFixtures(t.current.ctx);
    questions = Object.values(f.open.questions);
  });
  const url = () => `/arrangementer/${f.open.slug}/tilmelding`;

  it('never answers 500 nor shows a value as markup, on any step, with any button', async () => {
    const c = await new FormClient(t.current.app, url()).open();
    const csrf = hiddenFields(c.html).find(([n]) => n === '_csrf')![1];
    const fields = fc.array(fc.tuple(names(3, questions), fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }))), { maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('1', '2', '3', '4', 'x'),
        fc.constantFrom('next', 'back', 'add', 'remove:0', 'remove:1', 'remove:999', 'submit', 'other'),
        fields,
        async (step, action, given) => {
          const flat: Fields = given.flatMap(([n, v]) => (Array.isArray(v) ? v.map((x) => [n, x] as const) : [[n, v] as const]));
          await c.postRaw([['_csrf', csrf], ['step', step], ['action', action], ...flat]);
          expect(c.status, `${c.status} for ${JSON.stringify({ step, action })}`).toBeLessThan(500);
          expect([200, 201, 409, 413, 422]).toContain(c.status);
          expectNoRawMarkup(c.html);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('never answers 500 to JSON with objects and arrays where text belongs', async () => {
    const c = await new FormClient(t.current.app, url()).open();
    const csrf = hiddenFields(c.html).find(([n]) => n === '_csrf')![1];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names(2, questions), fc.oneof(fc.anything(), value)), fc.constantFrom('1', '2', '3'), async (body, step) => {
        const res = await t.current.app.inject({
          method: 'POST',
          url: url(),
          headers: { cookie: c.cookie, 'content-type': 'application/json' },
          payload: JSON.stringify({ ...body, _csrf: csrf, step, action: step === '3' ? 'submit' : 'next' }),
        });
        expect(res.statusCode).toBeLessThan(500);
        expectNoRawMarkup(res.body);
      }),
      { numRuns: 60 },
    );
  });

  it('takes hostile but valid text all the way to the receipt, escaped everywhere', async () => {
    const text = fc.oneof(
      fc.constantFrom(...HOSTILE.filter((h) => h.trim() !== '' && h.length <= 200 && h !== '\ud800')),
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.replace(/\u0000/g, '').trim() !== ''),
    );
    // NUL is dropped on the way in (PostgreSQL cannot store it); the rest arrives as typed.
    const clean = (s: string) => s.replace(/\u0000/g, '');
    await fc.assert(
      fc.asyncProperty(text, text, text, async (name, jobTitle, diet) => {
        const c = await new FormClient(t.current.app, url()).open();
        await c.submit('next', {
          'payer[organisation]': jobTitle,
          'payer[address]': 'Adelgade 44',
          'payer[postalCode]': '8660',
          'payer[city]': 'Skanderborg',
          'payer[email]': 'faktura@skanderborg.dk',
          'booker[name]': name,
          'booker[email]': 'bente@skanderborg.dk',
        });
        expect(c.status).toBe(200);
        expectNoRawMarkup(c.html);
        await c.submit('next', {
          'participants[0][name]': name,
          'participants[0][email]': 'anna@skanderborg.dk',
          'participants[0][jobTitle]': jobTitle,
          'participants[0][workplace]': name,
          'participants[0][diet]': diet,
          [`participants[0][answers][${f.open.questions.text}]`]: diet,
          [`participants[0][answers][${f.open.questions.single}]`]: 'facilitering',
        });
        expect(c.status).toBe(200);
        expectNoRawMarkup(c.html);
        // The hidden fields give back exactly what was typed (the schema trims, but only on the way in).
        expect(hiddenFields(c.html)).toContainEqual(['participants[0][name]', clean(name)]);
        await c.submit('submit', [['acceptTerms', '1']]);
        expect(c.status).toBe(201);
        expectNoRawMarkup(c.html);
        expect(c.html).toContain(`<strong>${escapeHtml(clean(name).trim())}</strong>`);
      }),
      { numRuns: 15 },
    );
  });
});
