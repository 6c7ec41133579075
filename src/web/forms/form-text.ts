/**
 * Staff-typed text as forms post it: line breaks made \n, trimmed, with a
 * length limit and no control characters (PostgreSQL cannot store NUL, and
 * escape codes belong in no text). Issues carry stable codes that the forms
 * turn into messages in the staff member's language.
 */
import { z } from 'zod';

export type TextIssue = 'required' | 'too_long' | 'invalid_characters';

const SINGLE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** A text field: `required` refuses the empty string after trimming. */
export function textField(max: number, options: { multiline?: boolean; required?: boolean } = {}) {
  const pattern = options.multiline ? MULTI_LINE : SINGLE_LINE;
  let inner = z.string().regex(pattern, { error: 'invalid_characters' }).max(max, { error: 'too_long' });
  if (options.required) inner = inner.min(1, { error: 'required' });
  return z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''))
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(inner);
}

/** The code of a zod issue made by textField (or 'invalid_characters' for anything unexpected). */
export function textIssueOf(issue: z.core.$ZodIssue): TextIssue {
  return issue.message === 'required' || issue.message === 'too_long' ? issue.message : 'invalid_characters';
}
