/**
 * The member rule, with no I/O: a payer is a member on a day when one entry
 * of the member list names its CVR or its EAN and the day lies inside the
 * entry's validity (Danish calendar days, both ends included, open ends
 * unbounded).
 */
export interface MemberEntry {
  cvr: string | null;
  ean: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface PayerIdentifiers {
  cvr?: string | null | undefined;
  ean?: string | null | undefined;
}

export function validOn(entry: Pick<MemberEntry, 'validFrom' | 'validTo'>, day: string): boolean {
  return (entry.validFrom === null || entry.validFrom <= day) && (entry.validTo === null || day <= entry.validTo);
}

export function matchesPayer(entry: Pick<MemberEntry, 'cvr' | 'ean'>, payer: PayerIdentifiers): boolean {
  const cvr = payer.cvr || null;
  const ean = payer.ean || null;
  return (cvr !== null && entry.cvr === cvr) || (ean !== null && entry.ean === ean);
}

/** True when some entry names the payer and is valid on `day` (YYYY-MM-DD, Danish time). */
export function isMemberOn(entries: ReadonlyArray<MemberEntry>, payer: PayerIdentifiers, day: string): boolean {
  return entries.some((e) => matchesPayer(e, payer) && validOn(e, day));
}
