/**
 * The event editor in sections, with no I/O: which fields each section owns
 * (in the form's draft and in the document), how a posted section is laid
 * over the stored event, and what the overview says is complete, missing or
 * blocking publication. A section is saved as the whole document, checked by
 * the one schema: the stored rest was valid, so what fails is the section's.
 */
import type { EditorIssue } from './event-document.messages.js';
import { emptyAddOn, emptyDraft, emptyInclusion, emptyQuestion, emptySession, emptySpeaker, type EventFormDraft, type InclusionRow } from './event-form.js';
import { MAX_INCLUSIONS } from './inclusions.js';
import { EDITOR_LIMITS } from './event-document.schema.js';
import type { EventDocument } from './event-document.schema.js';

export const SECTION_SLUGS = [
  'grundoplysninger',
  'tid-og-sted',
  'program',
  'oplaegsholdere',
  'priser',
  'spoergsmaal',
  'tilmelding',
  'materialer',
  'offentliggoerelse',
] as const;
export type SectionSlug = (typeof SECTION_SLUGS)[number];

export const isSectionSlug = (v: string): v is SectionSlug => (SECTION_SLUGS as readonly string[]).includes(v);

/** Sections with a form of their own (materials and publishing have their own actions). */
export const FORM_SECTIONS = ['grundoplysninger', 'tid-og-sted', 'program', 'oplaegsholdere', 'priser', 'spoergsmaal', 'tilmelding'] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];
export const isFormSection = (v: string): v is FormSection => (FORM_SECTIONS as readonly string[]).includes(v);

type DraftKey = keyof EventFormDraft;

/** The draft's fields a section's form posts. */
const DRAFT_FIELDS: Record<FormSection, ReadonlyArray<DraftKey>> = {
  grundoplysninger: ['title', 'slug', 'type', 'summary', 'body', 'audience', 'language', 'included', 'themes'],
  'tid-og-sted': ['venueId', 'venue'],
  program: ['sessions'],
  oplaegsholdere: ['speakers'],
  priser: ['price', 'inclusions', 'memberPrice', 'earlyBirdPrice', 'earlyBirdDate', 'earlyBirdTime', 'vatMode', 'vatExemptionReason', 'addOns'],
  spoergsmaal: ['questions'],
  tilmelding: ['capacity', 'opensDate', 'opensTime', 'closesDate', 'closesTime', 'allowPartial', 'freeDays', 'late', 'lateFee'],
};

/** The document's top-level fields, by the section that edits them. */
const DOCUMENT_FIELDS: Record<SectionSlug, ReadonlyArray<string>> = {
  grundoplysninger: ['title', 'slug', 'type', 'summary', 'body', 'audience', 'language', 'included', 'themes'],
  'tid-og-sted': ['venue'],
  program: ['sessions'],
  oplaegsholdere: ['speakers'],
  priser: ['priceOre', 'inclusions', 'memberPriceOre', 'earlyBirdPriceOre', 'earlyBirdEndsAt', 'vatMode', 'vatExemptionReason', 'addOns'],
  spoergsmaal: ['questions'],
  tilmelding: ['capacity', 'signupOpensAt', 'signupClosesAt', 'allowPartial', 'cancellation'],
  materialer: [],
  offentliggoerelse: ['status'],
};

/** The section whose form holds the field an issue names; whole-document issues belong to the one being saved. */
export function sectionOfPath(path: ReadonlyArray<string | number>, saving: FormSection): SectionSlug {
  const head = path[0];
  if (head === undefined) return saving;
  for (const slug of SECTION_SLUGS) if (DOCUMENT_FIELDS[slug].includes(String(head))) return slug;
  return saving;
}

/** Splits issues into the saved section's own and those another section must fix (a rule across both). */
export function splitIssues(
  issues: ReadonlyArray<EditorIssue>,
  saving: FormSection,
): { own: EditorIssue[]; other: Array<EditorIssue & { section: SectionSlug }> } {
  const own: EditorIssue[] = [];
  const other: Array<EditorIssue & { section: SectionSlug }> = [];
  for (const issue of issues) {
    const section = sectionOfPath(issue.path, saving);
    if (section === saving) own.push(issue);
    else other.push({ ...issue, section });
  }
  return { own, other };
}

/** The stored event's draft with the posted section's fields in place of its own. */
export function overlaySection(base: EventFormDraft, posted: EventFormDraft, section: FormSection): EventFormDraft {
  const out: EventFormDraft = { ...base };
  for (const key of DRAFT_FIELDS[section]) (out as unknown as Record<string, unknown>)[key] = posted[key];
  return out;
}

/**
 * The new-event page is a first step: what a draft needs (the basics, when
 * and where, the price and the seats). Everything else starts as a new
 * event's defaults and is filled in afterwards, section by section.
 */
export const NEW_EVENT_FIELDS: ReadonlyArray<DraftKey> = [...DRAFT_FIELDS.grundoplysninger, ...DRAFT_FIELDS['tid-og-sted'], 'price', 'capacity'];

/**
 * The posted first step over a new event's defaults. "When" is the first
 * programme item's day and times; it is named after the event until the
 * programme section renames it (a blank title gives the title's error alone).
 */
export function newEventDraft(posted: EventFormDraft): EventFormDraft {
  const out = emptyDraft();
  for (const key of NEW_EVENT_FIELDS) (out as unknown as Record<string, unknown>)[key] = posted[key];
  const when = posted.sessions[0] ?? emptySession();
  const name = posted.title.trim().slice(0, EDITOR_LIMITS.sessionTitle) || '-';
  out.sessions = [{ ...emptySession(), date: when.date, start: when.start, end: when.end, title: name }];
  return out;
}

/** The lists whose rows a section adds, and the empty row of each. */
export const ROW_LISTS = { sessions: 'program', speakers: 'oplaegsholdere', addOns: 'priser', questions: 'spoergsmaal' } as const satisfies Record<
  string,
  FormSection
>;
export type RowList = keyof typeof ROW_LISTS;
export const isRowList = (v: string): v is RowList => Object.prototype.hasOwnProperty.call(ROW_LISTS, v);

/** Most rows a list may show; the schema's own limits are lower or equal. */
const MAX_SHOWN = { sessions: 100, speakers: 50, addOns: 30, questions: 50 } as const;

/** The draft with one more empty row in a list (none beyond the list's limit). */
export function withRow(d: EventFormDraft, list: RowList): EventFormDraft {
  if (d[list].length >= MAX_SHOWN[list]) return d;
  switch (list) {
    case 'sessions':
      return { ...d, sessions: [...d.sessions, emptySession()] };
    case 'speakers':
      return { ...d, speakers: [...d.speakers, emptySpeaker()] };
    case 'addOns':
      return { ...d, addOns: [...d.addOns, emptyAddOn()] };
    case 'questions':
      return { ...d, questions: [...d.questions, emptyQuestion()] };
  }
}

/** The prices section's lists of nights and meals: the price's ('inclusions') and each add-on's ('addOns.2.inclusions'). */
const INCLUSION_LIST = /^(?:inclusions|addOns\.(\d{1,3})\.inclusions)$/;

/**
 * The draft with one more empty night-or-meal row in an inclusions list, and
 * the new row's index; undefined when the list names no such list (an add-on
 * that is not there). A full list stays as it is.
 */
export function withInclusionRow(d: EventFormDraft, list: string): { draft: EventFormDraft; index: number } | undefined {
  const m = INCLUSION_LIST.exec(list);
  if (!m) return undefined;
  const more = (rows: InclusionRow[]) => (rows.length >= MAX_INCLUSIONS ? rows : [...rows, emptyInclusion()]);
  if (m[1] === undefined) {
    const inclusions = more(d.inclusions);
    return { draft: { ...d, inclusions }, index: inclusions.length - 1 };
  }
  const at = Number(m[1]);
  const addOn = d.addOns[at];
  if (!addOn) return undefined;
  const inclusions = more(addOn.inclusions);
  return { draft: { ...d, addOns: d.addOns.map((a, k) => (k === at ? { ...a, inclusions } : a)) }, index: inclusions.length - 1 };
}

/** Lists that show one empty row to type in when they have none, so nobody needs to ask for a row first. */
export function withStarterRows(d: EventFormDraft, section: FormSection): EventFormDraft {
  if (section === 'priser' && d.addOns.length === 0) return withRow(d, 'addOns');
  if (section === 'spoergsmaal' && d.questions.length === 0) return withRow(d, 'questions');
  if (section === 'oplaegsholdere' && d.speakers.length === 0) return withRow(d, 'speakers');
  return d;
}

/** Where a section stands: done, something worth adding, or optional and left empty. */
export type SectionState = 'complete' | 'missing' | 'optional';

export type ReadinessNote =
  | 'summaryMissing'
  | 'bodyMissing'
  | 'venueMissing'
  | 'alreadyStarted'
  | 'noSpeakers'
  | 'noAddOns'
  | 'noQuestions'
  | 'noSeats'
  | 'signupClosed'
  | 'noMaterials'
  | 'cancelled'
  | 'published'
  | 'draft';

export interface SectionReadiness {
  section: SectionSlug;
  state: SectionState;
  notes: ReadinessNote[];
  /** Notes that stop the event from being published. */
  blocking: ReadinessNote[];
}

export interface ReadinessFacts {
  document: EventDocument;
  status: string;
  startsAt: string;
  materials: number;
}

/** What the overview shows for each section, and what blocks publishing. */
export function eventReadiness(facts: ReadinessFacts, now: Date): SectionReadiness[] {
  const d = facts.document;
  const nowIso = now.toISOString();
  const rows: SectionReadiness[] = [];
  const add = (section: SectionSlug, notes: ReadinessNote[], blocking: ReadinessNote[] = [], optional = false) =>
    rows.push({
      section,
      state: blocking.length > 0 || (notes.length > 0 && !optional) ? 'missing' : optional && notes.length > 0 ? 'optional' : 'complete',
      notes: [...blocking, ...notes],
      blocking,
    });

  add('grundoplysninger', [...(d.summary === '' ? ['summaryMissing' as const] : []), ...(d.body === '' ? ['bodyMissing' as const] : [])]);
  add('tid-og-sted', [], d.venue === null && d.type !== 'webinar' ? ['venueMissing'] : []);
  add('program', [], facts.startsAt <= nowIso && facts.status !== 'published' ? ['alreadyStarted'] : []);
  add('oplaegsholdere', d.speakers.length === 0 ? ['noSpeakers'] : [], [], true);
  add('priser', d.addOns.length === 0 ? ['noAddOns'] : [], [], true);
  add('spoergsmaal', d.questions.length === 0 ? ['noQuestions'] : [], [], true);
  const closed = d.signupClosesAt !== null && d.signupClosesAt <= nowIso;
  add('tilmelding', closed ? ['signupClosed'] : [], d.capacity === 0 ? ['noSeats'] : []);
  add('materialer', facts.materials === 0 ? ['noMaterials'] : [], [], true);
  rows.push({
    section: 'offentliggoerelse',
    state: facts.status === 'published' ? 'complete' : facts.status === 'cancelled' ? 'missing' : 'missing',
    notes: [facts.status === 'published' ? 'published' : facts.status === 'cancelled' ? 'cancelled' : 'draft'],
    blocking: facts.status === 'cancelled' ? ['cancelled'] : [],
  });
  return rows;
}

/** Everything that stops publication, section by section. */
export function publishBlockers(readiness: ReadonlyArray<SectionReadiness>): Array<{ section: SectionSlug; note: ReadinessNote }> {
  return readiness.flatMap((r) => r.blocking.map((note) => ({ section: r.section, note })));
}
