import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrorMap } from '../registrations.messages.js';
import { LIMITS, parseRegistration } from './registration.schema.js';
import { asksForRoomMate, doubleRoomOffer, hasDoubleRoom, roomMateToStore } from './room-mate.js';
import { fieldKeyOf, formErrors } from './signup-steps.js';
import { formBody, fromFormFields, toFormFields } from './signup-form.js';

const night = (room: 'single' | 'double') => JSON.stringify([{ kind: 'night', date: '2027-02-04', room }]);

const input = (roomMate: unknown) => ({
  payer: { organisation: 'Odder Kommune', address: 'Rådhusgade 3', postalCode: '8300', city: 'Odder', email: 'faktura@odder.dk' },
  participants: [{ name: 'Ida Kjær', email: 'ida@odder.dk', jobTitle: 'Konsulent', workplace: 'HR', roomMate }],
  acceptTerms: true,
});

describe('where double rooms come from', () => {
  it('reads the price, add-ons with a double night, and add-ons of the older kind without inclusions', () => {
    const offer = doubleRoomOffer(night('single'), [
      { code: 'double', kind: 'overnight', inclusions: night('double') },
      { code: 'single', kind: 'overnight', inclusions: night('single') },
      { code: 'old-double', kind: 'overnight-double', inclusions: '[]' },
      { code: 'dinner', kind: 'meal', inclusions: null },
    ]);
    expect(offer).toEqual({ inPrice: false, addOnCodes: ['double', 'old-double'] });
    expect(asksForRoomMate(offer)).toBe(true);
    expect(hasDoubleRoom(offer, ['dinner', 'single'])).toBe(false);
    expect(hasDoubleRoom(offer, ['old-double'])).toBe(true);
    expect(asksForRoomMate(doubleRoomOffer('[]', [{ code: 'dinner', kind: 'meal', inclusions: '[]' }]))).toBe(false);
    expect(doubleRoomOffer(night('double'), []).inPrice).toBe(true);
  });

  it('keeps a wish, trimmed, only of a participant with a double room', () => {
    const offer = { inPrice: false, addOnCodes: ['double'] };
    expect(roomMateToStore(offer, { roomMate: '  Ole Lund ', addOns: ['double'] })).toBe('Ole Lund');
    expect(roomMateToStore(offer, { roomMate: 'Ole Lund', addOns: [] })).toBe('');
    expect(roomMateToStore({ inPrice: true, addOnCodes: [] }, { roomMate: 'Ole Lund' })).toBe('Ole Lund');
    expect(roomMateToStore(offer, { roomMate: null, addOns: ['double'] })).toBe('');
  });
});

describe('the room-mate wish in the sign-up', () => {
  it('is optional, trimmed and at most LIMITS.roomMate characters', () => {
    for (const empty of [undefined, null, '', '   ']) {
      const r = parseRegistration(input(empty));
      expect(r.success).toBe(true);
    }
    const ok = parseRegistration(input('  Ole Lund  '));
    expect(ok.success && ok.data.participants[0]!.roomMate).toBe('Ole Lund');
    const long = parseRegistration(input('x'.repeat(LIMITS.roomMate + 1)));
    expect(long.success).toBe(false);
    if (!long.success) {
      const errors = fieldErrorMap(long.error, 'da');
      expect(errors['participants.0.roomMate']).toBe(`Deltager 1: Ønsker at dele værelse med må højst være ${LIMITS.roomMate} tegn.`);
      expect(fieldErrorMap(long.error, 'en')['participants.0.roomMate']).toBe(
        `Participant 1: Would like to share a room with can be at most ${LIMITS.roomMate} characters.`,
      );
    }
  });

  it('refuses control characters with a message beside the field, and shows the error in the form order after the add-ons', () => {
    const r = parseRegistration(input('Ole\u001bLund'));
    expect(r.success).toBe(false);
    if (r.success) return;
    const messages = Object.entries(fieldErrorMap(r.error, 'da'));
    expect(fieldKeyOf('participants.0.roomMate')).toBe('participants.0.roomMate');
    const errors = formErrors([['participants.0.addOns.0', 'x'], ...messages], { addOns: [], questions: [] });
    expect(errors.map((e) => e.key)).toEqual(['participants.0.addOns', 'participants.0.roomMate']);
    expect(errors[1]!.message).toContain('Ønsker at dele værelse med indeholder tegn');
  });

  it('travels through the form fields and back', () => {
    const draft = fromFormFields({ 'participants[0][name]': 'Ida', 'participants[0][roomMate]': 'Ole Lund' }, { questions: [] });
    expect(draft.participants[0]!.roomMate).toBe('Ole Lund');
    expect(fromFormFields(formBody(toFormFields(draft)), { questions: [] }).participants[0]!.roomMate).toBe('Ole Lund');
  });

  it('never throws on hostile text: a wish is kept trimmed, or refused as too long or with control characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 250 })), (wish) => {
        const r = parseRegistration(input(wish));
        if (r.success) {
          expect(r.data.participants[0]!.roomMate).toBe(wish.trim());
          expect(wish.trim().length).toBeLessThanOrEqual(LIMITS.roomMate);
        } else {
          const codes = r.error.issues.map((i) => i.message);
          expect(codes.every((c) => c === 'too_long' || c === 'invalid_characters')).toBe(true);
          expect(r.error.issues.every((i) => i.path.join('.') === 'participants.0.roomMate')).toBe(true);
        }
      }),
    );
  });
});
