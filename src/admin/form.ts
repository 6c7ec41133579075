/** Reading posted form fields without trusting their shape. */

/** One text value of a posted field (the first, if the field came several times); undefined otherwise. */
export function formField(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** Every text value of a posted field (checkbox lists, multi-selects). */
export function formFields(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
