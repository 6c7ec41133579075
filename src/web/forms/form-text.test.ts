import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { textField, textIssueOf } from './form-text.js';

const issue = (schema: ReturnType<typeof textField>, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? r.data : `!${textIssueOf(r.error.issues[0]!)}`;
};

describe('textField', () => {
  it('trims, makes line breaks \\n and checks length and characters', () => {
    const one = textField(10, { required: true });
    expect(issue(one, '  Hej  ')).toBe('Hej');
    expect(issue(one, '   ')).toBe('!required');
    expect(issue(one, undefined)).toBe('!required');
    expect(issue(one, 'x'.repeat(11))).toBe('!too_long');
    expect(issue(one, 'a\u0000b')).toBe('!invalid_characters');
    expect(issue(one, 'a\nb')).toBe('!invalid_characters');
    expect(issue(one, ['første', 'anden'])).toBe('første');
    const many = textField(20, { multiline: true });
    expect(issue(many, 'a\r\nb\rc\td')).toBe('a\nb\nc\td');
    expect(issue(many, '')).toBe('');
    expect(issue(many, 'a\u001bb')).toBe('!invalid_characters');
  });

  it('never throws, whatever is posted', () => {
    const schema = textField(50, { multiline: true, required: true });
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = schema.safeParse(value);
        if (r.success) expect(r.data.length).toBeLessThanOrEqual(50);
        else expect(['required', 'too_long', 'invalid_characters']).toContain(textIssueOf(r.error.issues[0]!));
      }),
    );
  });
});
