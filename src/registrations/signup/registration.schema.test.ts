import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES, parseRegistration, type SignupOffer } from './registration.schema.js';
import { fieldErrorMap, formFieldName, registrationErrors } from '../registrations.messages.js';

const valid = () => ({
  payer: {
    organisation: '  Aarhus Kommune ',
    cvr: '55 13 30 18',
    ean: '5798000416604',
    personReference: 'HR-udvikling 4711',
    address: 'Rådhuspladsen 2',
    postalCode: '8000',
    city: 'Aarhus C',
    email: 'Faktura@Aarhus.dk',
  },
  participants: [
    {
      name: 'Mette Holm',
      email: 'mette@aarhus.dk',
      jobTitle: 'Konsulent',
      workplace: 'Borgmesterens Afdeling',
      addOns: ['overnight'],
      answers: { '1': 'Workshop A' },
    },
    {
      name: 'Jens Nielsen',
      email: 'jens@aarhus.dk',
      jobTitle: 'Chefkonsulent',
      workplace: 'HR',
      phone: '+45 87 13 00 00',
      diet: 'Vegetar',
      answers: { '1': 'Workshop B', '2': true },
    },
  ],
  consentToParticipantList: true,
  acceptTerms: true,
});

const offer: SignupOffer = {
  addOns: [{ code: 'overnight' }, { code: 'dinner' }],
  questions: [
    { id: 1, kind: 'single', required: true, options: [{ value: 'Workshop A' }, { value: 'Workshop B' }] },
    { id: 2, kind: 'yesno', required: false, options: [] },
  ],
};

function codes(data: unknown, o?: SignupOffer) {
  const r = parseRegistration(data, o);
  if (r.success) return {};
  return Object.fromEntries(registrationErrors(r.error, 'da').map((e) => [e.path, e.code]));
}

describe('registration schema', () => {
  it('accepts a full registration, trimmed, compacted and with e-mails in lower case', () => {
    const r = parseRegistration(valid(), offer);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.payer.organisation).toBe('Aarhus Kommune');
    expect(r.data.payer.cvr).toBe('55133018');
    expect(r.data.payer.email).toBe('faktura@aarhus.dk');
  });

  it('requires the organisation, a person reference with an EAN, accepted terms and a participant', () => {
    const data = valid() as any;
    data.payer.organisation = '   ';
    data.payer.personReference = '';
    data.acceptTerms = false;
    expect(codes(data)).toMatchObject({
      'payer.organisation': 'required',
      'payer.personReference': 'person_reference_required',
      acceptTerms: 'terms_required',
    });
    expect(codes({ ...valid(), participants: [] })).toMatchObject({ participants: 'participants_min' });
    const many = Array.from({ length: 21 }, (_, i) => ({ ...valid().participants[1], email: `p${i}@x.dk` }));
    expect(codes({ ...valid(), participants: many })).toMatchObject({ participants: 'participants_max' });
  });

  it('checks CVR and EAN check digits', () => {
    const data = valid() as any;
    data.payer.cvr = '55133019';
    data.payer.ean = '5798000416605';
    expect(codes(data)).toMatchObject({ 'payer.cvr': 'cvr_checksum', 'payer.ean': 'ean_checksum' });
    data.payer.cvr = '5513301';
    data.payer.ean = '57980004166';
    expect(codes(data)).toMatchObject({ 'payer.cvr': 'cvr_format', 'payer.ean': 'ean_format' });
  });

  it('refuses control characters but keeps tabs and line breaks', () => {
    const data = valid() as any;
    data.participants[0].name = 'Mette\u0000Holm';
    data.payer.address = 'Rådhuspladsen 2\u001b[31m';
    data.participants[1].diet = 'Vegetar\nIngen nødder\tTak';
    expect(codes(data)).toEqual({ 'participants.0.name': 'invalid_characters', 'payer.address': 'invalid_characters' });
  });

  it('treats empty optional fields as not given', () => {
    const data = valid() as any;
    data.payer.cvr = '';
    data.payer.ean = '';
    data.payer.personReference = '';
    data.participants[1].phone = '';
    expect(parseRegistration(data).success).toBe(true);
  });

  it('limits lengths and checks e-mails, phones and duplicate participants', () => {
    const data = valid() as any;
    data.payer.city = 'x'.repeat(101);
    data.participants[0].email = 'not an address';
    data.participants[1].phone = 'call me';
    expect(codes(data)).toMatchObject({ 'payer.city': 'too_long', 'participants.0.email': 'invalid_email', 'participants.1.phone': 'invalid_phone' });
    const twice = valid() as any;
    twice.participants[1].email = 'METTE@aarhus.dk ';
    expect(codes(twice)).toMatchObject({ 'participants.1.email': 'duplicate_email' });
  });

  it("checks add-ons and answers against the event's offer", () => {
    const data = valid() as any;
    data.participants[0].addOns = ['overnight', 'spa'];
    data.participants[0].answers = { '1': 'Workshop C', '2': 'maybe', '99': 'x' };
    data.participants[1].answers = {};
    expect(codes(data, offer)).toMatchObject({
      'participants.0.addOns.1': 'unknown_addon',
      'participants.0.answers.1': 'invalid_option',
      'participants.0.answers.2': 'invalid_answer',
      'participants.0.answers.99': 'unknown_question',
      'participants.1.answers.1': 'answer_required',
    });
  });

  it('gives one message per field in the requested language, naming the participant', () => {
    const data = valid() as any;
    data.participants[1].name = '';
    const r = parseRegistration(data);
    if (r.success) throw new Error('expected errors');
    expect(fieldErrorMap(r.error, 'da')).toEqual({ 'participants.1.name': 'Deltager 2: Navn skal udfyldes.' });
    expect(fieldErrorMap(r.error, 'en')).toEqual({ 'participants.1.name': 'Participant 2: Name is required.' });
    expect(formFieldName(['participants', 1, 'name'])).toBe('participants[1][name]');
  });

  it('names the question in messages about answers', () => {
    const data = valid() as any;
    data.participants[0].answers = {};
    const r = parseRegistration(data, offer);
    if (r.success) throw new Error('expected errors');
    const labels = new Map([['1', { da: 'Hvilken workshop?', en: 'Which workshop?' }]]);
    expect(fieldErrorMap(r.error, 'da', labels)['participants.0.answers.1']).toBe('Deltager 1: Besvar spørgsmålet: Hvilken workshop?');
  });

  it('answers any JSON with success or known codes, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ payer: fc.jsonValue(), participants: fc.array(fc.jsonValue()), acceptTerms: fc.jsonValue() })),
        (data) => {
          const r = parseRegistration(data, offer);
          if (r.success) return;
          for (const e of registrationErrors(r.error, 'en')) {
            expect(ERROR_CODES).toContain(e.code);
            expect(e.message.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('accepts generated valid registrations', () => {
    const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(text(200), text(200), fc.integer({ min: 1, max: 20 }), (name, org, n) => {
        const data = valid() as any;
        data.payer.organisation = org;
        data.participants = Array.from({ length: n }, (_, i) => ({ name, email: `deltager${i}@kommune.dk`, jobTitle: 'Konsulent', workplace: org }));
        expect(parseRegistration(data).success).toBe(true);
      }),
    );
  });
});

describe('schemas kept per offer', () => {
  it('checks against the offer as it is now: an edited question or add-on is never judged by an earlier schema', () => {
    expect(parseRegistration(valid(), offer).success).toBe(true);
    // Question 2 made required: Mette has not answered it.
    const required = { ...offer, questions: offer.questions.map((q) => (q.id === 2 ? { ...q, required: true } : q)) };
    expect(codes(valid(), required)).toEqual({ 'participants.0.answers.2': 'answer_required' });
    // The overnight stay withdrawn: choosing it is refused, though it was fine before.
    expect(parseRegistration(valid(), { ...offer, addOns: [{ code: 'dinner' }] }).success).toBe(false);
    // Back to the first offer, in new objects as every sign-up reads them: accepted again.
    expect(parseRegistration(valid(), structuredClone(offer)).success).toBe(true);
  });
});
