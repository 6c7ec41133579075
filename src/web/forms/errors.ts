/** An error as a form shows it: beside the field `key` (whose element has `id`) and in the error summary. */
export interface FormError {
  key: string;
  id: string;
  message: string;
  /** Where the summary links when the field is on another page (default: `#id`). */
  href?: string | undefined;
}

/** The form's id of a field key: 'participants.0.name' → 'participants-0-name'; '' (the whole form) → 'signup-form'. */
export function fieldId(key: string): string {
  return key === '' ? 'signup-form' : key.replace(/\./g, '-');
}
