/**
 * The nights and meals of the price and the add-ons as form rows: posted
 * rows read into the document, errors put beside the row's own field, the
 * event's nights and days offered, and no hostile field value that throws or
 * slips a row past the schema unsaved.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, eventFieldErrors } from './event-document.messages.js';
import { parseEventDocument, type EventDocument } from './event-document.schema.js';
import { documentFromDraft, draftFromDocument, draftFromForm, emptyInclusion, formKeyOf, issuesInDraftTerms, stayChoices } from './event-form.js';
import { withInclusionRow } from './event-sections.js';

const stored = (): EventDocument & { slug: string } => {
  const parsed = parseEventDocument({
    type: 'kursus',
    title: 'Døgnkursus',
    capacity: 20,
    priceOre: 100_000,
    vatMode: 'standard',
    sessions: [
      { startsAt: '2027-02-04T09:30', endsAt: '2027-02-04T16:00', title: 'Dag 1' },
      { startsAt: '2027-02-05T09:00', endsAt: '2027-02-05T14:00', title: 'Dag 2' },
    ],
    inclusions: [
      { kind: 'night', date: '2027-02-04', room: 'double' },
      { kind: 'meal', date: '2027-02-04', meal: 'dinner' },
    ],
    addOns: [{ code: 'aftenen-foer', nameDa: 'Aftenen før', nameEn: 'The evening before', kind: 'other', priceOre: 90_000, inclusions: [] }],
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return { ...parsed.data, slug: 'doegnkursus' };
};

/** The stored event as its form posts it, with the given fields laid over. */
function posted(over: Record<string, string>) {
  const draft = draftFromDocument(stored(), '');
  const body: Record<string, string> = {
    price: draft.price,
    capacity: draft.capacity,
    vatMode: 'standard',
    type: 'kursus',
    title: draft.title,
    late: 'fee',
    freeDays: '0',
  };
  draft.sessions.forEach((s, i) =>
    Object.assign(body, {
      [`sessions[${i}][date]`]: s.date,
      [`sessions[${i}][start]`]: s.start,
      [`sessions[${i}][end]`]: s.end,
      [`sessions[${i}][title]`]: s.title,
    }),
  );
  Object.assign(body, {
    'addOns[0][code]': 'aftenen-foer',
    'addOns[0][nameDa]': 'Aftenen før',
    'addOns[0][nameEn]': 'The evening before',
    'addOns[0][kind]': 'other',
    'addOns[0][price]': '900',
  });
  return { ...body, ...over };
}

function check(body: Record<string, unknown>) {
  const { input, rows } = documentFromDraft(draftFromForm(body));
  const parsed = parseEventDocument(input);
  if (parsed.success) return { ok: true as const, doc: parsed.data };
  const issues = issuesOf(parsed.error);
  return {
    ok: false as const,
    keys: issues.map((i) => formKeyOf(i.path, rows)),
    messages: eventFieldErrors(issuesInDraftTerms(issues, rows), 'da').map((e) => e.message),
  };
}

describe('inclusion rows in the event form', () => {
  it('shows stored inclusions as rows and saves them back unchanged', () => {
    const draft = draftFromDocument(stored(), '');
    expect(draft.inclusions).toEqual([
      { ...emptyInclusion(), kind: 'night', night: '2027-02-04', room: 'double' },
      { ...emptyInclusion(), kind: 'dinner', day: '2027-02-04' },
    ]);
    const again = parseEventDocument(documentFromDraft(draft).input);
    expect(again.success && again.data.inclusions).toEqual(stored().inclusions);
  });

  it('reads posted rows of the price and of an add-on, leaving blank and removed rows out', () => {
    const r = check(
      posted({
        'inclusions[0][kind]': 'lunch',
        'inclusions[0][day]': '2027-02-05',
        'inclusions[0][room]': 'single',
        'inclusions[1][kind]': '',
        'inclusions[1][room]': 'single',
        'inclusions[2][kind]': 'night',
        'inclusions[2][night]': '2027-02-04',
        'inclusions[2][room]': 'double',
        'inclusions[3][kind]': 'breakfast',
        'inclusions[3][day]': '2027-02-05',
        'inclusions[3][remove]': '1',
        'addOns[0][inclusions][0][kind]': 'night',
        'addOns[0][inclusions][0][night]': '2027-02-03',
        'addOns[0][inclusions][0][room]': 'single',
        'addOns[0][inclusions][0][day]': '2027-02-05',
      }),
    );
    expect(r.ok ? [] : r.messages).toEqual([]);
    if (!r.ok) return;
    expect(r.doc.inclusions).toEqual([
      { kind: 'meal', date: '2027-02-05', meal: 'lunch' },
      { kind: 'night', date: '2027-02-04', room: 'double' },
    ]);
    expect(r.doc.addOns[0]!.inclusions).toEqual([{ kind: 'night', date: '2027-02-03', room: 'single' }]);
  });

  it('puts an error beside the row’s own field, worded for the row', () => {
    const r = check(
      posted({
        'inclusions[0][kind]': 'lunch',
        'inclusions[0][day]': '2027-02-05',
        'inclusions[1][kind]': 'night',
        'inclusions[1][night]': '',
        'inclusions[1][room]': 'single',
        'addOns[0][inclusions][0][kind]': 'dinner',
        'addOns[0][inclusions][0][day]': '',
        'addOns[0][inclusions][1][kind]': 'suite',
        'addOns[0][inclusions][1][day]': '2027-02-04',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.keys).toEqual(expect.arrayContaining(['inclusions.1.night', 'addOns.0.inclusions.0.day', 'addOns.0.inclusions.1.kind']));
    expect(r.messages).toContain('Overnatning og måltider i prisen, linje 2: Natten er ikke valgt.');
    expect(r.messages).toContain('Tilvalg 1, overnatning og måltider, linje 1: Dagen er ikke valgt.');
    expect(r.messages).toContain('Tilvalg 1, overnatning og måltider, linje 2: Typen er ikke gyldig.');
  });

  it('offers the event’s days, and its nights from the evening before', () => {
    const draft = draftFromDocument(stored(), '');
    expect(stayChoices(draft)).toEqual({ days: ['2027-02-04', '2027-02-05'], nights: ['2027-02-03', '2027-02-04'] });
    // A chosen date outside the programme stays on offer, so it is never lost.
    draft.addOns[0]!.inclusions = [{ ...emptyInclusion(), kind: 'lunch', day: '2027-02-10' }];
    expect(stayChoices(draft).days).toEqual(['2027-02-04', '2027-02-05', '2027-02-10']);
    expect(stayChoices({ ...draft, sessions: [], addOns: [], inclusions: [] })).toEqual({ days: [], nights: [] });
  });

  it('adds an empty row to the price’s or an add-on’s list, and to no list that is not there', () => {
    const draft = draftFromDocument(stored(), '');
    expect(withInclusionRow(draft, 'inclusions')?.index).toBe(2);
    const added = withInclusionRow(draft, 'addOns.0.inclusions');
    expect(added?.index).toBe(0);
    expect(added?.draft.addOns[0]!.inclusions).toEqual([emptyInclusion()]);
    expect(withInclusionRow(draft, 'addOns.7.inclusions')).toBeUndefined();
    expect(withInclusionRow(draft, 'addOns.0.inclusions.x')).toBeUndefined();
  });

  it('never throws on hostile field values, and saves every typed row or none', () => {
    const field = fc.constantFrom('kind', 'night', 'room', 'day', 'remove');
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('night', 'breakfast', 'lunch', 'dinner', 'single', 'double', '2027-02-04', '2027-02-03', '2027-02-30', '1', '', '\u0000', '__proto__'),
    );
    const list = fc.constantFrom('inclusions', 'addOns[0][inclusions]', 'addOns[9][inclusions]');
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(fc.tuple(list, fc.integer({ min: 0, max: 60 }), field, value), { maxLength: 30 }), (entries) => {
        const over: Record<string, string> = {};
        for (const [l, j, f, v] of entries) over[`${l}[${j}][${f}]`] = v;
        const body = posted(over);
        const draft = draftFromForm(body);
        const typed = (rows: typeof draft.inclusions) => rows.filter((r) => !r.remove && !(r.kind === '' && r.night === '' && r.day === '')).length;
        const r = check(body);
        if (r.ok) {
          expect(r.doc.inclusions).toHaveLength(typed(draft.inclusions));
          expect(r.doc.addOns).toHaveLength(1);
          expect(r.doc.addOns[0]!.inclusions).toHaveLength(typed(draft.addOns[0]!.inclusions));
          outcomes.add('saved');
        } else {
          outcomes.add('refused');
          expect(r.keys.length).toBeGreaterThan(0);
          for (const m of r.messages) expect(m).not.toMatch(/undefined|\{/);
        }
      }),
      { numRuns: 300 },
    );
    // Both ways were taken: the property is not vacuous.
    expect([...outcomes].sort()).toEqual(['refused', 'saved']);
  });
});
