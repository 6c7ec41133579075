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
