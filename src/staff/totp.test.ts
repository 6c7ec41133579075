import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode, totpUri } from './totp.js';

describe('totpUri', () => {
  it('lists the account under the issuer it is given (the organiser), not the software', () => {
    const uri = totpUri(newTotpSecret(), 'anna@kursus.example', 'Kursuscenter Fyn');
    expect(new URL(uri).searchParams.get('issuer')).toBe('Kursuscenter Fyn');
    expect(uri).not.toContain('Tilmeld');
  });

  it('gives codes that do not depend on the issuer', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-06-01T10:00:00Z');
    expect(new URL(totpUri(secret, 'a@b.dk', 'X')).searchParams.get('secret')).toBe(new URL(totpUri(secret, 'a@b.dk', 'Y')).searchParams.get('secret'));
    expect(totpCode(secret, at)).toMatch(/^\d{6}$/);
  });
});
