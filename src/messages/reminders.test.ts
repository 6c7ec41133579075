import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../web/i18n.js';
import { isJoinUrl, parseReminderInput, reminderText } from './reminders.service.js';
import { unfinishedParts } from './unfinished-text.js';

const t = translator('da');
const input = { enabled: true, daysBefore: '2', noteDa: '', noteEn: '', joinUrl: '' };

describe('automatic reminder', () => {
  it('puts the note and the join link before the closing line, and leaves nothing unfinished', () => {
    const da = reminderText('da', 'Husk at teste lyden.', 'https://meet.example.dk/rum');
    const parts = da.body.split('\n\n');
    expect(parts.at(-1)).toBe('Venlig hilsen');
    expect(parts.at(-3)).toBe('Husk at teste lyden.');
    expect(parts.at(-2)).toContain('https://meet.example.dk/rum');
    expect(unfinishedParts(da.body)).toEqual([]);
    expect(reminderText('en', '', null).body.split('\n\n').at(-1)).toBe('Kind regards');
  });

  it('takes only http(s) join links to a real host', () => {
    for (const ok of ['https://meet.example.dk/rum-42', 'http://teams.microsoft.com/l/x?y=1']) expect(isJoinUrl(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'https://localhost/x', 'meet.example.dk', 'https://a b.dk', 'data:text/html,x'])
      expect(isJoinUrl(bad), bad).toBe(false);
  });

  it('names each wrong field: days out of range, a gap in a note, a bad link', () => {
    const r = parseReminderInput({ ...input, daysBefore: '31', noteEn: 'Bring [what?]', joinUrl: 'ftp://x.dk' }, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.key)).toEqual(['daysBefore', 'noteEn', 'joinUrl']);
    expect(parseReminderInput({ ...input, daysBefore: 7, noteDa: 'Se [kortet](https://kort.dk)' }, t)).toMatchObject({ ok: true, settings: { daysBefore: 7 } });
  });

  it('property: hostile input is refused or accepted, never thrown, and accepted days are 1–30', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), fc.string(), fc.string(), (days, note, url) => {
        const r = parseReminderInput({ enabled: true, daysBefore: days, noteDa: note, noteEn: note, joinUrl: url }, t);
        if (r.ok) {
          expect(r.settings.daysBefore).toBeGreaterThanOrEqual(1);
          expect(r.settings.daysBefore).toBeLessThanOrEqual(30);
          expect(r.settings.joinUrl === '' || isJoinUrl(r.settings.joinUrl)).toBe(true);
        }
      }),
    );
  });
});
