import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { translator } from '../web/i18n.js';
import {
  articleDraftFrom,
  articleState,
  emptyArticleDraft,
  parseArticleDraft,
  parseDateInput,
  parseTimeInput,
  publishFieldsOf,
  type ArticleDraft,
} from './news.admin.form.js';

const da = translator('da');
const en = translator('en');
const draft = (over: Partial<ArticleDraft>): ArticleDraft => ({ ...emptyArticleDraft(), headline: 'Konsulenten som facilitator', ...over });

describe('parseArticleDraft', () => {
  it('accepts a draft, publishing now, and a scheduled time in Danish time', () => {
    const a = parseArticleDraft(draft({ body: 'Tekst\r\nmed linjer', events: ['', '3', '1', ''] }), da);
    expect(a).toEqual({
      ok: true,
      fields: {
        headline: 'Konsulenten som facilitator',
        slug: '',
        lede: '',
        author: '',
        body: 'Tekst\nmed linjer',
        publish: { kind: 'draft' },
        eventIds: [3, 1],
      },
    });
    const now = parseArticleDraft(draft({ status: 'publish' }), da);
    expect(now.ok && now.fields.publish).toEqual({ kind: 'now' });
    const summer = parseArticleDraft(draft({ status: 'publish', publishDate: '24-05-2026', publishTime: '9.30' }), da);
    expect(summer.ok && summer.fields.publish).toEqual({ kind: 'at', iso: '2026-05-24T07:30:00.000Z' });
    const winter = parseArticleDraft(draft({ status: 'publish', publishDate: '2026-12-01', publishTime: '09:30' }), da);
    expect(winter.ok && winter.fields.publish).toEqual({ kind: 'at', iso: '2026-12-01T08:30:00.000Z' });
  });

  it('tidies a typed slug instead of refusing it', () => {
    const r = parseArticleDraft(draft({ slug: ' Årsmøde på Ærø ' }), da);
    expect(r.ok && r.fields.slug).toBe('aarsmoede-paa-aeroe');
  });

  it('reports every error beside its field, in the staff member’s language', () => {
    const r = parseArticleDraft(
      {
        headline: ' ',
        slug: '!!!',
        lede: 'x'.repeat(601),
        author: 'a\u0000b',
        body: '',
        status: 'publish',
        publishDate: '31-02-2026',
        publishTime: '25:00',
        events: ['4', '4'],
      },
      da,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { key: 'headline', message: 'Skriv en overskrift.' },
      { key: 'slug', message: 'Skriv en adresse med bogstaver eller tal.' },
      { key: 'lede', message: 'Manchet må højst være 600 tegn.' },
      { key: 'author', message: 'Skrevet af indeholder tegn, som ikke kan gemmes.' },
      { key: 'publishDate', message: 'Skriv datoen som dd-mm-åååå, fx 24-05-2026.' },
      { key: 'publishTime', message: 'Skriv klokkeslættet som tt:mm, fx 09:30.' },
      { key: 'events', message: 'Det samme arrangement er valgt mere end én gang.' },
    ]);
    const partial = parseArticleDraft(draft({ status: 'publish', publishDate: '24-05-2026' }), en);
    expect(!partial.ok && partial.errors).toEqual([{ key: 'publishTime', message: 'Enter both date and time, or leave both empty.' }]);
    const status = parseArticleDraft(draft({ status: 'later' }), en);
    expect(!status.ok && status.errors[0]?.message).toBe('Choose whether the article is a draft or is published.');
  });

  it('never throws on anything posted, and every error names a field of the form', () => {
    const fields = ['headline', 'slug', 'lede', 'author', 'body', 'status', 'publishDate', 'publishTime', 'events'];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...fields, '__proto__', 'constructor', 'x'),
          fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'binary' }), { maxLength: 12 }), fc.anything()),
        ),
        (body) => {
          const r = parseArticleDraft(articleDraftFrom(body), da);
          if (r.ok) {
            expect(r.fields.headline.length).toBeGreaterThan(0);
            expect(r.fields.headline).not.toMatch(/[\u0000-\u001f]/);
            expect(r.fields.body).not.toMatch(/\u0000/);
            expect(new Set(r.fields.eventIds).size).toBe(r.fields.eventIds.length);
          } else {
            for (const e of r.errors) {
              expect(fields).toContain(e.key);
              expect(e.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dates and times typed by hand', () => {
  it('reads the Danish ways of writing them and refuses impossible ones', () => {
    expect(parseDateInput('2026-05-24')).toBe('2026-05-24');
    expect(parseDateInput('24.5.2026')).toBe('2026-05-24');
    expect(parseDateInput('24/05/2026')).toBe('2026-05-24');
    expect(parseDateInput('29-02-2026')).toBeUndefined();
    expect(parseDateInput('29-02-2028')).toBe('2028-02-29');
    expect(parseDateInput('i morgen')).toBeUndefined();
    expect(parseTimeInput('0930')).toBe('09:30');
    expect(parseTimeInput('24:00')).toBeUndefined();
  });

  it('shows a stored time in Danish time and knows drafts, scheduled and published', () => {
    expect(publishFieldsOf('2026-05-24T07:30:00.000Z')).toEqual({ publishDate: '24-05-2026', publishTime: '09:30' });
    const now = new Date('2026-06-01T10:00:00.000Z');
    expect(articleState(null, now)).toBe('draft');
    expect(articleState('2026-06-01T10:00:00.001Z', now)).toBe('scheduled');
    expect(articleState('2026-06-01T10:00:00.000Z', now)).toBe('published');
  });
});
