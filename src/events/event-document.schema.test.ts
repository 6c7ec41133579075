import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { danishTimeToUtc } from '../lib/dates.js';
import { eventDocumentMessages, eventFieldErrors, issuesOf } from './event-document.messages.js';
import { EDITOR_ERROR_CODES, parseEventDocument, toInstant, type EventDocumentInput } from './event-document.schema.js';

const valid: EventDocumentInput = {
  type: 'kursus',
  title: 'Klarsprog',
  speakers: [{ name: 'Louise Bjerre' }],
  sessions: [{ startsAt: '2026-10-05T09:30', endsAt: '2026-10-05T15:00', title: 'Kursusdag', speakers: [0] }],
  capacity: 20,
  priceOre: 250_000,
  vatMode: 'standard',
};

function codes(input: unknown): string[] {
  const result = parseEventDocument(input);
  if (result.success) return [];
  return issuesOf(result.error).map((i) => `${i.path.join('.')}:${i.code}`);
}

describe('times', () => {
  it('reads Danish local time and zoned instants, and stores UTC', () => {
    expect(toInstant('2026-07-01T09:30')).toBe('2026-07-01T07:30:00.000Z');
    expect(toInstant('2026-12-01 09:30')).toBe('2026-12-01T08:30:00.000Z');
    expect(toInstant('2026-07-01T09:30:00+02:00')).toBe('2026-07-01T07:30:00.000Z');
    expect(toInstant('2026-07-01T07:30:00.000Z')).toBe('2026-07-01T07:30:00.000Z');
  });

  it('refuses days and times that do not exist', () => {
    for (const bad of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '1999-12-31T10:00',
      '10.09.2026 09:30',
      '2026-07-01',
      '2026-07-01T09:30:00',
      'i morgen',
    ]) {
      expect(toInstant(bad), bad).toBeUndefined();
    }
  });
});

describe('the event document', () => {
  it('accepts a minimal event and fills in the defaults', () => {
    const result = parseEventDocument(valid);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({
      summary: '',
      venue: null,
      themes: [],
      memberPriceOre: null,
      signupOpensAt: null,
      allowPartial: false,
      cancellation: { freeDays: 0, late: 'fee', lateFeeOre: 0 },
      addOns: [],
      questions: [],
    });
    expect(result.data.sessions[0]!.startsAt).toBe(danishTimeToUtc('2026-10-05', '09:30'));
  });

  it('names every problem at once, each at its field', () => {
    expect(
      codes({
        ...valid,
        type: 'fest',
        title: ' ',
        slug: 'Ikke Gyldig',
        sessions: [{ startsAt: '2026-10-05T15:00', endsAt: '2026-10-05T09:00', title: 'x', speakers: [0, 3] }],
        capacity: -1,
        priceOre: 12.5,
        vatMode: 'exempt',
        signupOpensAt: '2026-09-01T10:00',
        signupClosesAt: '2026-08-01T10:00',
      }).sort(),
    ).toEqual(
      [
        'slug:invalid_slug',
        'type:invalid_value',
        'title:required',
        'capacity:out_of_range',
        'priceOre:invalid_amount',
        'sessions.0.endsAt:ends_before_start',
        'vatExemptionReason:exemption_reason_required',
        'signupClosesAt:closes_before_opens',
        'sessions.0.speakers.1:invalid_speaker',
      ].sort(),
    );
  });

  it('wants at least one session; a speaker need not be on one', () => {
    expect(codes({ ...valid, sessions: [] })).toEqual(['sessions:sessions_min']);
    expect(codes({ ...valid, speakers: [{ name: 'A' }, { name: 'B' }] })).toEqual([]);
  });

  it('checks a new venue’s fields, or takes an existing one by id', () => {
    expect(codes({ ...valid, venue: { name: 'Sted', postalCode: '8000!', mapUrl: 'javascript:alert(1)' } })).toEqual([
      'venue.address:required',
      'venue.postalCode:invalid_value',
      'venue.city:required',
      'venue.mapUrl:invalid_url',
    ]);
    const picked = parseEventDocument({ ...valid, venue: { id: 7, name: 'ignored' } });
    expect(picked.success && picked.data.venue).toEqual({ id: 7 });
  });

  it('checks add-ons and questions', () => {
    expect(
      codes({
        ...valid,
        addOns: [
          { code: 'Middag', nameDa: 'Middag', nameEn: 'Dinner', kind: 'meal', priceOre: 1 },
          { code: 'dinner', nameDa: 'Middag', nameEn: 'Dinner', kind: 'meal', priceOre: 1, capacity: 5 },
          { code: 'dinner', nameDa: 'Middag', nameEn: 'Dinner', kind: 'meal', priceOre: 1 },
        ],
        questions: [
          { kind: 'single', labelDa: 'Hvad?', labelEn: 'What?' },
          {
            kind: 'multiple',
            labelDa: 'Hvad?',
            labelEn: 'What?',
            options: [
              { value: 'a', da: 'A', en: 'A' },
              { value: 'a', da: 'B', en: 'B' },
            ],
          },
          { kind: 'essay', labelDa: 'Hvad?', labelEn: 'What?' },
        ],
      }).sort(),
    ).toEqual(
      [
        'addOns.0.code:invalid_code',
        'questions.2.kind:invalid_value',
        'questions.0.options:options_required',
        'questions.1.options.1.value:duplicate_option',
        'addOns.2.code:duplicate_code',
      ].sort(),
    );
  });

  it('lets only draft and published through as a status', () => {
    expect(codes({ ...valid, status: 'cancelled' })).toEqual(['status:status_not_allowed']);
    expect(codes({ ...valid, status: 'published' })).toEqual([]);
  });

  it('refuses control characters that PostgreSQL cannot store', () => {
    expect(codes({ ...valid, title: 'a\u0000b', summary: 'x\u001by' })).toEqual(['title:invalid_characters', 'summary:invalid_characters']);
  });

  it('never throws and always names a known code, whatever it is given', () => {
    const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
    const shaped = fc.record(
      {
        type: fc.oneof(fc.constantFrom('kursus', 'webinar'), anything),
        title: fc.oneof(fc.string(), anything),
        sessions: fc.oneof(fc.array(fc.record({ startsAt: fc.string(), endsAt: fc.string(), title: fc.string(), speakers: fc.array(fc.integer()) })), anything),
        speakers: fc.oneof(fc.array(fc.record({ id: fc.oneof(fc.integer(), anything), name: fc.string() }, { requiredKeys: [] })), anything),
        capacity: fc.oneof(fc.integer(), fc.double(), anything),
        priceOre: fc.oneof(fc.integer(), anything),
        vatMode: fc.oneof(fc.constantFrom('standard', 'exempt'), anything),
        addOns: anything,
        questions: anything,
        venue: anything,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anything, shaped), (input) => {
        const result = parseEventDocument(input);
        if (result.success) return;
        for (const locale of ['da', 'en'] as const) {
          const errors = eventFieldErrors(issuesOf(result.error), locale);
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) {
            expect(EDITOR_ERROR_CODES).toContain(e.code);
            expect(e.message).not.toMatch(/\{\w+\}|undefined/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('messages', () => {
  it('has a Danish and an English text for every error code', () => {
    for (const code of EDITOR_ERROR_CODES) {
      expect(eventDocumentMessages.da[`eventError.${code}`], code).toBeTruthy();
      expect(eventDocumentMessages.en[`eventError.${code}`], code).toBeTruthy();
    }
  });

  it('names the row of a list in the message', () => {
    const result = parseEventDocument({ ...valid, sessions: [valid.sessions[0], { ...valid.sessions[0], title: '' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(eventFieldErrors(issuesOf(result.error), 'da')).toEqual([
      { path: 'sessions.1.title', code: 'required', message: 'Programpunkt 2: Titel skal udfyldes.' },
    ]);
    expect(eventFieldErrors(issuesOf(result.error), 'en')[0]!.message).toBe('Session 2: Title is required.');
  });
});
