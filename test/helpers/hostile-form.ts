import fc from 'fast-check';

/** Text a hostile sender might post: any Unicode, control characters, markup, SQL, very long; plus the form's own words. */
export function nastyText(extra: readonly string[] = []) {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "' OR 1=1 --", '%00', 'x'.repeat(5000), '😀'.repeat(300), 'yes', 'no', '1', ...extra),
  );
}

export type HostileFields = Array<[string, string | string[]]>;

/** Up to `maxLength` fields, named from `names` (plus prototype keys and random names), each one text or several. */
export function hostileFormFields(names: readonly string[], options: { extraTexts?: readonly string[]; maxLength: number }): fc.Arbitrary<HostileFields> {
  const name = fc.oneof(fc.constantFrom(...names, '__proto__', 'constructor'), fc.string({ maxLength: 30 }));
  const text = nastyText(options.extraTexts);
  return fc.array(fc.tuple(name, fc.oneof(text, fc.array(text, { maxLength: 3 }))), { maxLength: options.maxLength });
}

/** The fields with the CSRF token, as JSON or as a urlencoded form, ready for app.inject. */
export function encodedForm(fields: HostileFields, csrfToken: string, asJson: boolean): { payload: string; type: string } {
  if (asJson) {
    const body: Record<string, unknown> = { _csrf: csrfToken };
    for (const [k, v] of fields) body[k] = v;
    return { payload: JSON.stringify(body), type: 'application/json' };
  }
  const body = new URLSearchParams();
  body.append('_csrf', csrfToken);
  for (const [k, v] of fields) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return { payload: body.toString(), type: 'application/x-www-form-urlencoded' };
}
