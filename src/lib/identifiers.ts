/**
 * Danish business identifiers on an invoice: the CVR number of the buyer and
 * the EAN (GS1 Global Location Number) its e-invoices go to.
 */

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Removes the spaces people type between groups of digits ("29 18 97 63"). */
export function compactDigits(value: string): string {
  return value.replace(/[\s\u00a0]+/g, '');
}

/** True for eight digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. */
export function isValidCvr(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * CVR_WEIGHTS[i]!;
  return sum % 11 === 0;
}

/**
 * The GS1 check digit for the digits before it: from the right, weights
 * 3,1,3,1,…; the check digit brings the sum up to a multiple of ten.
 */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error('GS1 numbers hold digits only');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const fromRight = body.length - 1 - i;
    sum += Number(body[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for a 13-digit GLN (the "EAN number" of a Danish public buyer) with a correct check digit. */
export function isValidGln(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  return gs1CheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/** An IBAN as people type it ("DK50 0040 0440 1162 43") in its electronic form: no spaces, upper case. */
export function compactIban(value: string): string {
  return value.replace(/[\s\u00a0]+/g, '').toUpperCase();
}

/**
 * True for an IBAN in electronic form (ISO 13616): two letters, two check
 * digits, up to 30 letters or digits, 15–34 characters in all (18 for
 * Denmark), whose number (first four characters moved to the end, letters as
 * 10–35) leaves 1 when divided by 97.
 */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  if (value.startsWith('DK') && value.length !== 18) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  // Digit by digit, so the number never grows past what a double holds exactly.
  let remainder = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = (remainder * (n >= 10 ? 100 : 10) + n) % 97;
  }
  return remainder === 1;
}

/** The Danish IBAN of a reg.nr. (4 digits) and account number (up to 10 digits): DKkk + reg.nr. + account padded to 10. */
export function danishIban(regNo: string, accountNo: string): string {
  const bban = regNo + accountNo.padStart(10, '0');
  // Check digits: 98 minus the remainder of BBAN + "DK00" (D=13, K=20).
  let remainder = 0;
  for (const ch of `${bban}132000`) remainder = (remainder * 10 + Number(ch)) % 97;
  return `DK${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** A BIC (ISO 9362): four letters for the bank, two for the country, two for the place, optionally three for the branch. */
export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value);
}
