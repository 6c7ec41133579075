import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  formBody,
  fromFormFields,
  MAX_PARTICIPANT_INDEX,
  PARTICIPANT_TEXT_FIELDS,
  PAYER_FIELDS,
  toFormFields,
  toRegistrationInput,
  type FormOffer,
  type ParticipantDraft,
  type SignupDraft,
} from './signup-form.js';
import { parseRegistration } from './registration.schema.js';

const offer: FormOffer = {
  questions: [
    { id: 11, kind: 'text' },
    { id: 12, kind: 'single' },
    { id: 13, kind: 'multiple' },
    { id: 14, kind: 'yesno' },
  ],
};

// Any text a person could type or paste, NUL aside (it is dropped on the way in).
const typed = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
const nonYesNo = typed.filter((s) => s !== 'yes' && s !== 'no');

const participant: fc.Arbitrary<ParticipantDraft> = fc.record({
  name: typed,
  email: typed,
  jobTitle: typed,
  workplace: typed,
  phone: typed,
  diet: typed,
  accessibilityNeeds: typed,
  roomMate: typed,
  addOns: fc.array(typed, { maxLength: 4 }),
  answers: fc.record(
    {
      '11': typed,
      '12': typed,
      '13': fc.array(typed, { minLength: 1, maxLength: 3 }),
      '14': fc.oneof(fc.boolean(), nonYesNo),
    },
    { requiredKeys: [] },
  ),
});

const draft: fc.Arbitrary<SignupDraft> = fc.record({
  booker: fc.record({ name: typed, email: typed }),
  bookerParticipates: fc.boolean(),
  payer: fc.record(Object.fromEntries(PAYER_FIELDS.map((f) => [f, typed])) as Record<(typeof PAYER_FIELDS)[number], fc.Arbitrary<string>>),
  participants: fc.array(participant, { minLength: 1, maxLength: 20 }),
  consentToParticipantList: fc.boolean(),
  acceptTerms: fc.boolean(),
});

describe('sign-up form fields', () => {
  it('reads back exactly the draft it wrote (round trip through the flat form names)', () => {
    fc.assert(
      fc.property(draft, (d) => {
        expect(fromFormFields(formBody(toFormFields(d)), offer)).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });

  it('carries each part on its own and all parts together add up to the whole', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const parts = [...toFormFields(d, 'payer'), ...toFormFields(d, 'participants'), ...toFormFields(d, 'confirm')];
        expect(parts).toEqual(toFormFields(d));
      }),
      { numRuns: 100 },
    );
  });

  it('maps flat names onto the nested input the schema reads', () => {
    const body = {
      'payer[organisation]': 'Skanderborg Kommune',
      'payer[ean]': '5798000416604',
      'participants[0][name]': 'Anna Holm',
      'participants[0][addOns][]': ['overnight', 'dinner'],
      'participants[0][answers][11]': 'Facilitering',
      'participants[0][answers][13][]': 'ledelse',
      'participants[0][answers][14]': 'yes',
      'participants[1][name]': 'Bo Berg',
      'participants[1][answers][14]': 'no',
      consentToParticipantList: '1',
      acceptTerms: '1',
      step: '3',
      _csrf: 'token',
    };
    const d = fromFormFields(body, offer);
    expect(d.payer.organisation).toBe('Skanderborg Kommune');
    expect(d.payer.ean).toBe('5798000416604');
    expect(d.payer.city).toBe('');
    expect(d.participants).toHaveLength(2);
    expect(d.participants[0]).toMatchObject({
      name: 'Anna Holm',
      addOns: ['overnight', 'dinner'],
      answers: { '11': 'Facilitering', '13': ['ledelse'], '14': true },
    });
    expect(d.participants[1]).toMatchObject({ name: 'Bo Berg', email: '', addOns: [], answers: { '14': false } });
    expect(d.consentToParticipantList).toBe(true);
    expect(d.acceptTerms).toBe(true);
    expect(toRegistrationInput(d, 'en')).toMatchObject({ locale: 'en', acceptTerms: true, participants: [{ name: 'Anna Holm' }, { name: 'Bo Berg' }] });
  });

  it('orders participants by their index and closes gaps', () => {
    const d = fromFormFields({ 'participants[7][name]': 'C', 'participants[0][name]': 'A', 'participants[3][name]': 'B' }, offer);
    expect(d.participants.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });

  it('takes the first text of a repeated name and ignores what is not text', () => {
    const d = fromFormFields(
      {
        'payer[organisation]': ['first', 'second'],
        'payer[city]': { nested: 'object' },
        'payer[email]': 42,
        'participants[0][name]': [['deep'], 'x'],
        'participants[0][addOns][]': 'single-code',
        'participants[0][answers][13][]': [1, 'ledelse'],
      },
      offer,
    );
    expect(d.payer.organisation).toBe('first');
    expect(d.payer.city).toBe('');
    expect(d.payer.email).toBe('');
    expect(d.participants[0]!.name).toBe('x');
    expect(d.participants[0]!.addOns).toEqual(['single-code']);
    expect(d.participants[0]!.answers['13']).toEqual(['ledelse']);
  });

  it('ignores unknown names, absurd indices and prototype tricks', () => {
    const body = JSON.parse(
      `{"__proto__": {"polluted": 1}, "payer[__proto__]": "x", "payer[constructor]": "x", "participants[0][__proto__]": "x",
        "participants[0][answers][__proto__]": "x", "participants[${MAX_PARTICIPANT_INDEX + 1}][name]": "far", "participants[99999][name]": "farther",
        "participants[-1][name]": "negative", "other": "x"}`,
    ) as unknown;
    const d = fromFormFields(body, offer);
    expect(d.participants).toEqual([]);
    expect(d.payer).toEqual(emptyDraft().payer);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads nothing from a body that is not an object', () => {
    for (const body of [undefined, null, 'text', 42, ['a'], true]) {
      expect(fromFormFields(body, offer)).toEqual({ ...emptyDraft(), participants: [] });
    }
  });

  it('drops NUL characters, which no person types and PostgreSQL cannot store', () => {
    const d = fromFormFields({ 'payer[organisation]': 'Kom\u0000mune', 'participants[0][addOns][]': ['a\u0000b'] }, offer);
    expect(d.payer.organisation).toBe('Kommune');
    expect(d.participants[0]!.addOns).toEqual(['ab']);
  });

  it('never throws and always gives a draft of plain strings, whatever is posted', () => {
    const names = fc.oneof(
      fc.constantFrom(...PAYER_FIELDS.map((f) => `payer[${f}]`), 'acceptTerms', 'consentToParticipantList'),
      fc
        .tuple(fc.nat(30), fc.constantFrom(...PARTICIPANT_TEXT_FIELDS, 'addOns][', 'answers][11', 'answers][13][', 'x'))
        .map(([i, f]) => `participants[${i}][${f}]`),
      fc.string(),
    );
    const values = fc.oneof(fc.string(), fc.array(fc.string()), fc.anything());
    fc.assert(
      fc.property(fc.dictionary(names, values), (body) => {
        const d = fromFormFields(body, offer);
        for (const f of PAYER_FIELDS) expect(typeof d.payer[f]).toBe('string');
        for (const p of d.participants) {
          for (const f of PARTICIPANT_TEXT_FIELDS) expect(typeof p[f]).toBe('string');
          expect(p.addOns.every((c) => typeof c === 'string')).toBe(true);
        }
        // The schema judges it without throwing.
        parseRegistration(toRegistrationInput(d, 'da'));
      }),
      { numRuns: 300 },
    );
  });
});
