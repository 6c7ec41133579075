import { describe, expect, it } from 'vitest';
import type { SignupOffer } from './registration.schema.js';
import { copyBookerToFirstParticipant, emptyDraft, emptyParticipant, type SignupDraft } from './signup-form.js';
import { fieldId } from '../../web/forms/errors.js';
import { fieldKeyOf, firstInvalidStep, pricePreview, soldOutErrors, stepErrors, type StepContext } from './signup-steps.js';

const offer: SignupOffer = {
  addOns: [{ code: 'overnight' }, { code: 'dinner' }],
  questions: [
    { id: 7, kind: 'single', required: true, options: [{ value: 'a' }, { value: 'b' }] },
    { id: 3, kind: 'text', required: true, options: [] },
  ],
};
const labels = new Map([
  ['7', { da: 'Workshop', en: 'Workshop' }],
  ['3', { da: 'Forventninger', en: 'Expectations' }],
]);
const da: StepContext = { offer, labels, locale: 'da' };
const en: StepContext = { ...da, locale: 'en' };

const payer = {
  organisation: 'Skanderborg Kommune',
  cvr: '',
  ean: '',
  personReference: '',
  poNumber: '',
  address: 'Adelgade 44',
  postalCode: '8660',
  city: 'Skanderborg',
  countryCode: '',
  email: 'faktura@skanderborg.dk',
};
const person = (name: string, email: string) => ({
  ...emptyParticipant(),
  name,
  email,
  jobTitle: 'Konsulent',
  workplace: 'Skanderborg Kommune',
  answers: { '7': 'a', '3': 'Facilitering' },
});

function valid(): SignupDraft {
  return {
    booker: { name: 'Bente Booker', email: 'bente@skanderborg.dk' },
    bookerParticipates: false,
    payer: { ...payer },
    participants: [person('Anna', 'anna@skanderborg.dk')],
    consentToParticipantList: false,
    acceptTerms: true,
  };
}

describe('sign-up steps', () => {
  it('puts every schema path on a field of the form', () => {
    expect(fieldKeyOf('payer.cvr')).toBe('payer.cvr');
    expect(fieldKeyOf('payer.unknown')).toBe('payer.organisation');
    expect(fieldKeyOf('participants')).toBe('participants');
    expect(fieldKeyOf('participants.2.email')).toBe('participants.2.email');
    expect(fieldKeyOf('participants.2.addOns.1')).toBe('participants.2.addOns');
    expect(fieldKeyOf('participants.2.answers.7')).toBe('participants.2.answers.7');
    expect(fieldKeyOf('participants.2.answers.13.0')).toBe('participants.2.answers.13');
    expect(fieldKeyOf('participants.2')).toBe('participants.2.name');
    expect(fieldKeyOf('acceptTerms')).toBe('acceptTerms');
    expect(fieldKeyOf('locale')).toBe('');
    expect(fieldId('participants.2.answers.7')).toBe('participants-2-answers-7');
    expect(fieldId('')).toBe('signup-form');
  });

  it('checks only the booker and the payer on step 1, in the order of the form', () => {
    const d = { ...emptyDraft(), payer: { ...payer, organisation: '', cvr: '12345678', email: 'nope' } };
    const errors = stepErrors(d, 1, da);
    expect(errors.map((e) => e.key)).toEqual(['booker.name', 'booker.email', 'payer.organisation', 'payer.cvr', 'payer.email']);
    expect(errors.map((e) => e.id).slice(0, 2)).toEqual(['booker-name', 'booker-email']);
    expect(errors[3]!.message).toBe('CVR-nummeret findes ikke. Tjek, at det er skrevet rigtigt.');
    expect(stepErrors(d, 1, en)[2]!.message).toBe('Organisation is required.');
    const booked = { ...d, booker: { name: 'Bente Booker', email: 'ikke en mail' } };
    expect(stepErrors(booked, 1, da).map((e) => e.key)).toEqual(['booker.email', 'payer.organisation', 'payer.cvr', 'payer.email']);
  });

  it('copies the booker into the first participant only when "Jeg deltager selv" is ticked', () => {
    const d = valid();
    copyBookerToFirstParticipant(d);
    expect(d.participants[0]).toMatchObject({ name: 'Anna', email: 'anna@skanderborg.dk' });
    d.bookerParticipates = true;
    copyBookerToFirstParticipant(d);
    expect(d.participants[0]).toMatchObject({ name: 'Bente Booker', email: 'bente@skanderborg.dk', jobTitle: 'Konsulent' });
    expect(stepErrors(d, 2, da)).toEqual([]);
  });

  it('checks the participants on step 2 with the rules across the whole input, whatever the payer says', () => {
    const d = valid();
    d.payer.organisation = '';
    d.acceptTerms = false;
    d.participants = [person('Anna', 'anna@skanderborg.dk'), { ...person('Bo', 'ANNA@skanderborg.dk'), answers: { '3': 'x' } }];
    const errors = stepErrors(d, 2, da);
    expect(errors.map((e) => [e.key, e.message])).toEqual([
      ['participants.1.email', 'Deltager 2: Deltageren står allerede på tilmeldingen med den samme e-mailadresse.'],
      ['participants.1.answers.7', 'Deltager 2: Besvar spørgsmålet: Workshop'],
    ]);
  });

  it('orders answers by the question order of the event, not by id', () => {
    const d = valid();
    d.participants = [{ ...person('Anna', 'anna@skanderborg.dk'), answers: {} }];
    expect(stepErrors(d, 2, da).map((e) => e.key)).toEqual(['participants.0.answers.7', 'participants.0.answers.3']);
  });

  it('sends a final submit back to the first step with an error', () => {
    const d = valid();
    expect(firstInvalidStep(d, da)).toBeNull();
    d.acceptTerms = false;
    expect(firstInvalidStep(d, da)).toMatchObject({ step: 3, errors: [{ key: 'acceptTerms' }] });
    d.participants[0]!.addOns = ['sauna'];
    expect(firstInvalidStep(d, da)).toMatchObject({ step: 2, errors: [{ key: 'participants.0.addOns' }] });
    d.payer.postalCode = '';
    expect(firstInvalidStep(d, da)).toMatchObject({ step: 1, errors: [{ key: 'payer.postalCode' }] });
    d.participants = [];
    d.payer.postalCode = '8660';
    expect(firstInvalidStep(d, da)).toMatchObject({ step: 2, errors: [{ key: 'participants', message: 'Tilmeld mindst én deltager.' }] });
  });

  it('names the sold-out add-on beside each participant who chose it', () => {
    const d = valid();
    d.participants = [
      { ...person('A', 'a@x.dk'), addOns: ['dinner', 'overnight'] },
      { ...person('B', 'b@x.dk'), addOns: ['dinner'] },
    ];
    const errors = soldOutErrors(d, ['overnight'], new Map([['overnight', 'Overnatning']]), da);
    expect(errors).toEqual([
      { key: 'participants.0.addOns', id: 'participants-0-addOns', message: 'Deltager 1: Overnatning er udsolgt. Fravælg det for at gennemføre tilmeldingen.' },
    ]);
  });

  it('prices seats and add-ons per line, and leaves the waiting participants out of the total', () => {
    const d = valid();
    d.participants = [{ ...person('A', 'a@x.dk'), addOns: ['overnight'] }, person('B', 'b@x.dk')];
    const facts = {
      priceOre: 100_000,
      vatPercent: 25,
      capacity: 10,
      seatsAvailable: 10,
      waitingListLength: 0,
      allowPartial: false,
      addOnPrices: new Map([['overnight', 50_000]]),
    };
    const all = pricePreview(d, facts);
    expect(all.allocation).toEqual({ confirmed: 2, waitlisted: 0 });
    expect(all.lines.map((l) => l.priceOre)).toEqual([100_000, 50_000, 100_000]);
    expect(all.totals).toEqual({ exVatOre: 250_000, vatOre: 62_500, inclVatOre: 312_500 });

    const partial = pricePreview(d, { ...facts, seatsAvailable: 1, allowPartial: true });
    expect(partial.allocation).toEqual({ confirmed: 1, waitlisted: 1 });
    expect(partial.totals.exVatOre).toBe(150_000);

    const whole = pricePreview(d, { ...facts, seatsAvailable: 1 });
    expect(whole.allocation).toEqual({ confirmed: 0, waitlisted: 2 });
    expect(whole.totals).toEqual({ exVatOre: 0, vatOre: 0, inclVatOre: 0 });

    expect(pricePreview(d, { ...facts, vatPercent: 0 }).totals).toEqual({ exVatOre: 250_000, vatOre: 0, inclVatOre: 250_000 });
  });
});
