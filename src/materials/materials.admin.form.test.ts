import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { translator } from '../web/i18n.js';
import { materialDraftFrom, parseMaterialDraft, type UploadState } from './materials.admin.form.js';

const file: UploadState = { kind: 'file', tempPath: '/tmp/x', sentName: 'program.pdf', size: 1234 };
const options = (over: Partial<Parameters<typeof parseMaterialDraft>[2]> = {}) => ({
  fileRequired: true,
  maxBytes: 25_000_000,
  locale: 'da' as const,
  t: translator('da'),
  ...over,
});

describe('parseMaterialDraft', () => {
  it('accepts a public file on an article and a participants’ file on an event', () => {
    expect(parseMaterialDraft({ title: ' Program ', visibility: 'public', event: '', article: '4' }, file, options())).toEqual({
      ok: true,
      fields: { title: 'Program', visibility: 'public', eventId: null, articleId: 4 },
    });
    expect(parseMaterialDraft({ title: '', visibility: 'after_event', event: '7', article: '' }, file, options())).toEqual({
      ok: true,
      fields: { title: '', visibility: 'after_event', eventId: 7, articleId: null },
    });
  });

  it('needs a file on upload, not on edit, and says how large it may be', () => {
    const d = { title: '', visibility: 'public', event: '1', article: '' };
    expect(parseMaterialDraft(d, { kind: 'none' }, options())).toEqual({ ok: false, errors: [{ key: 'file', message: 'Vælg en fil.' }] });
    expect(parseMaterialDraft(d, { kind: 'none' }, options({ fileRequired: false })).ok).toBe(true);
    expect(parseMaterialDraft(d, { kind: 'tooLarge' }, options())).toEqual({
      ok: false,
      errors: [{ key: 'file', message: 'Filen er for stor. Den må højst være 25 MB.' }],
    });
    expect(parseMaterialDraft(d, { kind: 'tooLarge' }, options({ locale: 'en', t: translator('en'), maxBytes: 1_500_000 }))).toEqual({
      ok: false,
      errors: [{ key: 'file', message: 'The file is too large. It may be at most 1.5 MB.' }],
    });
    expect(parseMaterialDraft(d, { ...file, size: 0 }, options())).toEqual({ ok: false, errors: [{ key: 'file', message: 'Filen er tom.' }] });
  });

  it('keeps participants’ material to an event and every material to an owner', () => {
    expect(parseMaterialDraft({ title: '', visibility: 'participants', event: '', article: '3' }, file, options())).toEqual({
      ok: false,
      errors: [{ key: 'event', message: 'Materialer kun for deltagere skal høre til et arrangement.' }],
    });
    expect(parseMaterialDraft({ title: '', visibility: 'public', event: '', article: '' }, file, options())).toEqual({
      ok: false,
      errors: [{ key: 'event', message: 'Vælg et arrangement eller en nyhed, som materialet hører til.' }],
    });
    const bad = parseMaterialDraft({ title: 'a\u0000', visibility: 'secret', event: '-1', article: '1e3' }, { kind: 'none' }, options());
    expect(!bad.ok && bad.errors.map((e) => e.key)).toEqual(['file', 'title', 'visibility', 'event', 'article']);
  });

  it('never throws on anything posted', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('title', 'visibility', 'event', 'article', '__proto__', 'x'),
          fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('public', 'participants', 'after_event', '1', '2147483648'), fc.anything()),
        ),
        fc.constantFrom<UploadState>({ kind: 'none' }, { kind: 'tooLarge' }, file),
        (body, upload) => {
          const r = parseMaterialDraft(materialDraftFrom(body), upload, options({ fileRequired: false }));
          if (r.ok) {
            expect(r.fields.eventId === null || r.fields.eventId <= 2_147_483_647).toBe(true);
            expect(r.fields.eventId !== null || r.fields.articleId !== null).toBe(true);
            expect(r.fields.title).not.toMatch(/[\u0000-\u001f]/);
          } else expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
