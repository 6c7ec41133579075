/**
 * The back-office event form, with no I/O: posted fields (flat names such as
 * `sessions[2][title]`) → a draft of plain strings → the event document the
 * schema checks, and a stored document → a draft to show. Dates and times are
 * typed in Danish local time; amounts in kroner ("4.500,00"). A row whose
 * fields are all empty, or ticked "remove", is left out; errors found in the
 * document are mapped back to the row and field they came from.
 */
import { localDateKey, localTimeKey } from '../lib/dates.js';
import { QUESTION_KINDS, type QuestionOption } from './events.table.js';
import { pathKey, type EditorIssue } from './event-document.messages.js';
import type { EventDocument, EventDocumentInput } from './event-document.schema.js';
import { slugify } from './slug.js';
import { eveningBefore, isCalendarDate, MAX_INCLUSIONS, MEALS, morningAfter, type Inclusion } from './inclusions.js';

export interface SpeakerRow {
  id: string;
  name: string;
  title: string;
  organisation: string;
  bio: string;
  remove: boolean;
}
export interface SessionRow {
  id: string;
  date: string;
  start: string;
  end: string;
  title: string;
  description: string;
  room: string;
  speakers: string[];
  remove: boolean;
}
/**
 * One night or meal in the price or an add-on, as its row in the form: what
 * it is ('night' or a meal; '' not chosen yet), and the night (its evening),
 * the room or the day, whichever the kind uses. Dates are yyyy-mm-dd, picked
 * from the event's nights and days.
 */
export interface InclusionRow {
  kind: string;
  night: string;
  room: string;
  day: string;
  remove: boolean;
}
export const INCLUSION_KINDS = ['night', ...MEALS] as const;

export interface AddOnRow {
  id: string;
  code: string;
  nameDa: string;
  nameEn: string;
  kind: string;
  price: string;
  capacity: string;
  inclusions: InclusionRow[];
  remove: boolean;
}
export interface QuestionRow {
  id: string;
  kind: string;
  labelDa: string;
  labelEn: string;
  options: string;
  required: boolean;
  remove: boolean;
}

export interface EventFormDraft {
  slug: string;
  type: string;
  title: string;
  summary: string;
  body: string;
  audience: string;
  included: string;
  themes: string[];
  /** '' none, 'new' for the fields below, or an existing venue's id. */
  venueId: string;
  venue: { name: string; address: string; postalCode: string; city: string; accessibility: string; mapUrl: string };
  speakers: SpeakerRow[];
  sessions: SessionRow[];
  capacity: string;
  price: string;
  /** The nights and meals the price includes. */
  inclusions: InclusionRow[];
  memberPrice: string;
  earlyBirdPrice: string;
  earlyBirdDate: string;
  earlyBirdTime: string;
  vatMode: string;
  language: string;
  vatExemptionReason: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  allowPartial: boolean;
  freeDays: string;
  late: string;
  lateFee: string;
  addOns: AddOnRow[];
  questions: QuestionRow[];
  /** The event's updated_at when the form was opened (edit only). */
  version: string;
}

const MAX_ROWS = 200;
const clean = (s: string) => s.replace(/\u0000/g, '');

function text(body: Record<string, unknown>, name: string): string {
  const v = Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined;
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v) && typeof v[0] === 'string') return clean(v[0]);
  return '';
}
function texts(body: Record<string, unknown>, name: string): string[] {
  const v = Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined;
  if (typeof v === 'string') return [clean(v)];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map(clean);
  return [];
}
const checked = (body: Record<string, unknown>, name: string) => text(body, name) === '1';

/** The row indices that appear under a list name (such as `addOns[2][inclusions]`), in order. */
function rowIndices(body: Record<string, unknown>, list: string): number[] {
  const found = new Set<number>();
  const re = new RegExp(`^${list.replace(/[[\]]/g, '\\$&')}\\[(\\d{1,3})\\]`);
  for (const key of Object.keys(body)) {
    const m = re.exec(key);
    if (m && Number(m[1]) < MAX_ROWS) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

export function emptySpeaker(): SpeakerRow {
  return { id: '', name: '', title: '', organisation: '', bio: '', remove: false };
}
export function emptySession(): SessionRow {
  return { id: '', date: '', start: '', end: '', title: '', description: '', room: '', speakers: [], remove: false };
}
export function emptyAddOn(): AddOnRow {
  return { id: '', code: '', nameDa: '', nameEn: '', kind: 'other', price: '', capacity: '', inclusions: [], remove: false };
}
export function emptyInclusion(): InclusionRow {
  return { kind: '', night: '', room: 'single', day: '', remove: false };
}
export function emptyQuestion(): QuestionRow {
  return { id: '', kind: 'text', labelDa: '', labelEn: '', options: '', required: false, remove: false };
}

export function emptyDraft(): EventFormDraft {
  return {
    slug: '',
    type: 'kursus',
    title: '',
    summary: '',
    body: '',
    audience: '',
    included: '',
    themes: [],
    venueId: '',
    venue: { name: '', address: '', postalCode: '', city: '', accessibility: '', mapUrl: '' },
    speakers: [emptySpeaker()],
    sessions: [emptySession()],
    capacity: '',
    price: '',
    inclusions: [],
    memberPrice: '',
    earlyBirdPrice: '',
    earlyBirdDate: '',
    earlyBirdTime: '',
    vatMode: 'standard',
    language: 'da',
    vatExemptionReason: '',
    opensDate: '',
    opensTime: '',
    closesDate: '',
    closesTime: '',
    allowPartial: false,
    freeDays: '0',
    late: 'fee',
    lateFee: '',
    addOns: [],
    questions: [],
    version: '',
  };
}

/** Reads whatever was posted into a draft; unknown names are ignored. */
export function draftFromForm(raw: unknown): EventFormDraft {
  const d = emptyDraft();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return d;
  const b = raw as Record<string, unknown>;
  for (const f of [
    'slug',
    'type',
    'title',
    'summary',
    'body',
    'audience',
    'included',
    'venueId',
    'capacity',
    'price',
    'memberPrice',
    'earlyBirdPrice',
    'earlyBirdDate',
    'earlyBirdTime',
    'vatMode',
    'language',
    'vatExemptionReason',
    'opensDate',
    'opensTime',
    'closesDate',
    'closesTime',
    'freeDays',
    'late',
    'lateFee',
    'version',
  ] as const) {
    d[f] = text(b, f);
  }
  d.themes = texts(b, 'themes[]');
  d.inclusions = inclusionRows(b, 'inclusions');
  d.allowPartial = checked(b, 'allowPartial');
  for (const f of ['name', 'address', 'postalCode', 'city', 'accessibility', 'mapUrl'] as const) d.venue[f] = text(b, `venue[${f}]`);
  d.speakers = rowIndices(b, 'speakers').map((i) => ({
    id: text(b, `speakers[${i}][id]`),
    name: text(b, `speakers[${i}][name]`),
    title: text(b, `speakers[${i}][title]`),
    organisation: text(b, `speakers[${i}][organisation]`),
    bio: text(b, `speakers[${i}][bio]`),
    remove: checked(b, `speakers[${i}][remove]`),
  }));
  d.sessions = rowIndices(b, 'sessions').map((i) => ({
    id: text(b, `sessions[${i}][id]`),
    date: text(b, `sessions[${i}][date]`),
    start: text(b, `sessions[${i}][start]`),
    end: text(b, `sessions[${i}][end]`),
    title: text(b, `sessions[${i}][title]`),
    description: text(b, `sessions[${i}][description]`),
    room: text(b, `sessions[${i}][room]`),
    speakers: texts(b, `sessions[${i}][speakers][]`),
    remove: checked(b, `sessions[${i}][remove]`),
  }));
  d.addOns = rowIndices(b, 'addOns').map((i) => ({
    id: text(b, `addOns[${i}][id]`),
    code: text(b, `addOns[${i}][code]`),
    nameDa: text(b, `addOns[${i}][nameDa]`),
    nameEn: text(b, `addOns[${i}][nameEn]`),
    kind: text(b, `addOns[${i}][kind]`),
    price: text(b, `addOns[${i}][price]`),
    capacity: text(b, `addOns[${i}][capacity]`),
    inclusions: inclusionRows(b, `addOns[${i}][inclusions]`),
    remove: checked(b, `addOns[${i}][remove]`),
  }));
  d.questions = rowIndices(b, 'questions').map((i) => ({
    id: text(b, `questions[${i}][id]`),
    kind: text(b, `questions[${i}][kind]`),
    labelDa: text(b, `questions[${i}][labelDa]`),
    labelEn: text(b, `questions[${i}][labelEn]`),
    options: text(b, `questions[${i}][options]`),
    required: checked(b, `questions[${i}][required]`),
    remove: checked(b, `questions[${i}][remove]`),
  }));
  return d;
}

/** The inclusion rows posted under a list name; a list longer than the limit is cut one past it, for the schema to refuse. */
function inclusionRows(b: Record<string, unknown>, list: string): InclusionRow[] {
  return rowIndices(b, list)
    .slice(0, MAX_INCLUSIONS + 1)
    .map((j) => ({
      kind: text(b, `${list}[${j}][kind]`),
      night: text(b, `${list}[${j}][night]`),
      room: text(b, `${list}[${j}][room]`),
      day: text(b, `${list}[${j}][day]`),
      remove: checked(b, `${list}[${j}][remove]`),
    }));
}

/** "4.500,00", "4500", "4 500,5" → øre; anything else is passed on as typed, for the schema to refuse. */
export function parseKroner(value: string): number | string | null {
  const v = value.replace(/\s|kr\.?/gi, '');
  if (v === '') return null;
  let normal = v;
  if (v.includes(',')) normal = v.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(v)) normal = v.replace(/\./g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(normal)) return value;
  return Math.round(Number(normal) * 100);
}

export function formatKroner(ore: number | null): string {
  if (ore === null) return '';
  return new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ore / 100);
}

function parseWhole(value: string): number | string | null {
  const v = value.trim();
  if (v === '') return null;
  return /^\d{1,9}$/.test(v) ? Number(v) : value;
}

/** "10.09.2026", "10-9-2026" or "2026-09-10" → "2026-09-10"; anything else as typed. */
function isoDate(value: string): string {
  const v = value.trim();
  const dk = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(v);
  if (dk) return `${dk[3]}-${dk[2]!.padStart(2, '0')}-${dk[1]!.padStart(2, '0')}`;
  return v;
}
/** "9.30", "09:30", "0930" → "09:30"; anything else as typed. */
function isoTime(value: string): string {
  const v = value.trim();
  const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v;
}
function localDateTime(date: string, time: string): string {
  return `${isoDate(date)}T${isoTime(time)}`;
}
function optionalDateTime(date: string, time: string): string | null {
  if (date.trim() === '' && time.trim() === '') return null;
  return localDateTime(date, time.trim() === '' ? '00:00' : time);
}

const blank = (values: ReadonlyArray<string>) => values.every((v) => v.trim() === '');

function optionsOf(textValue: string): QuestionOption[] {
  const used = new Set<string>();
  return textValue
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line, n) => {
      const parts = line.split('|').map((p) => p.trim());
      let [value, da, en] = parts.length >= 3 ? parts : [slugify(parts[0] ?? '', 60) || `svar-${n + 1}`, parts[0] ?? '', parts[1] ?? parts[0] ?? ''];
      let unique = value ?? '';
      for (let k = 2; used.has(unique); k++) unique = `${value}-${k}`;
      used.add(unique);
      value = unique;
      return { value, da: da ?? '', en: en ?? '' };
    });
}

function optionsText(options: ReadonlyArray<QuestionOption>): string {
  return options.map((o) => `${o.value} | ${o.da} | ${o.en}`).join('\n');
}

/** A typed code in the form codes take: "Middag Torsdag" → "middag-torsdag"; '' when nothing is left of it. */
export function normaliseCode(value: string): string {
  return slugify(value, 40);
}

/**
 * The add-ons' codes: a typed one normalised (lower case, a–z, digits and
 * hyphens), an empty one made from the Danish name (or the English), made
 * unique among the add-ons by a number. A typed code that leaves nothing
 * behind ("!!!") is passed on as typed, for the schema to refuse.
 */
export function addOnCodes(rows: ReadonlyArray<Pick<AddOnRow, 'code' | 'nameDa' | 'nameEn'>>): string[] {
  const typed = rows.map((a) => (a.code.trim() === '' ? '' : normaliseCode(a.code) || a.code));
  const used = new Set(typed.filter((c) => c !== ''));
  return rows.map((a, i) => {
    if (typed[i] !== '') return typed[i]!;
    const base = normaliseCode(a.nameDa) || normaliseCode(a.nameEn) || 'tilvalg';
    let code = base;
    for (let k = 2; used.has(code); k++) code = `${base.slice(0, 36)}-${k}`;
    used.add(code);
    return code;
  });
}

/** Where a kept inclusion came from: its row in the form, and which of the row's fields holds its date. */
export interface InclusionSource {
  row: number;
  date: 'night' | 'day';
}

/** Where each kept row of the document came from in the draft (document index → draft index). */
export interface RowMap {
  speakers: number[];
  sessions: number[];
  addOns: number[];
  questions: number[];
  inclusions: InclusionSource[];
  /** By the document's add-on index. */
  addOnInclusions: InclusionSource[][];
}
const ROW_LIST_NAMES = ['speakers', 'sessions', 'addOns', 'questions'] as const;
type RowListName = (typeof ROW_LIST_NAMES)[number];
const rowListOf = (rows: RowMap, head: unknown): number[] | undefined =>
  (ROW_LIST_NAMES as readonly unknown[]).includes(head) ? rows[head as RowListName] : undefined;

/** A row with nothing chosen (the room has a default, so it does not count). */
const blankInclusion = (r: InclusionRow) => r.kind === '' && r.night === '' && r.day === '';

/**
 * The rows as the document's inclusions, blank and removed rows left out. A
 * kind it does not know, or a date not chosen, goes on as it is, for the
 * schema to name the field; nothing is guessed.
 */
function inclusionsOfRows(list: ReadonlyArray<InclusionRow>): { inclusions: Inclusion[]; sources: InclusionSource[] } {
  const inclusions: unknown[] = [];
  const sources: InclusionSource[] = [];
  list.forEach((r, row) => {
    if (r.remove || blankInclusion(r)) return;
    if (r.kind === 'night') {
      inclusions.push({ kind: 'night', date: r.night, ...(r.room !== '' ? { room: r.room } : {}) });
      sources.push({ row, date: 'night' });
    } else {
      inclusions.push((MEALS as readonly string[]).includes(r.kind) ? { kind: 'meal', meal: r.kind, date: r.day } : { kind: r.kind });
      sources.push({ row, date: 'day' });
    }
  });
  return { inclusions: inclusions as Inclusion[], sources };
}

/** A stored inclusion as its row. */
function inclusionRowOf(i: Inclusion): InclusionRow {
  return i.kind === 'night' ? { ...emptyInclusion(), kind: 'night', night: i.date, room: i.room } : { ...emptyInclusion(), kind: i.meal, day: i.date };
}

const idOf = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** The document the schema checks, and where its rows came from. */
export function documentFromDraft(d: EventFormDraft): { input: EventDocumentInput; rows: RowMap } {
  const rows: RowMap = { speakers: [], sessions: [], addOns: [], questions: [], inclusions: [], addOnInclusions: [] };
  const speakerIndex = new Map<string, number>();
  const speakers: NonNullable<EventDocumentInput['speakers']> = [];
  d.speakers.forEach((s, i) => {
    if (s.remove || (s.id === '' && blank([s.name, s.title, s.organisation, s.bio]))) return;
    speakerIndex.set(String(i), speakers.length);
    rows.speakers.push(i);
    speakers.push(s.id !== '' ? { id: idOf(s.id) ?? -1 } : { name: s.name, title: s.title, organisation: s.organisation, bio: s.bio });
  });
  const sessions: EventDocumentInput['sessions'] = [];
  d.sessions.forEach((s, i) => {
    if (s.remove || (s.id === '' && blank([s.date, s.start, s.end, s.title, s.description, s.room]))) return;
    rows.sessions.push(i);
    sessions.push({
      ...(idOf(s.id) !== undefined ? { id: idOf(s.id) } : {}),
      startsAt: localDateTime(s.date, s.start),
      endsAt: localDateTime(s.date, s.end),
      title: s.title,
      description: s.description,
      room: s.room,
      speakers: s.speakers.flatMap((k) => (speakerIndex.has(k) ? [speakerIndex.get(k)!] : [])),
    });
  });
  const addOns: NonNullable<EventDocumentInput['addOns']> = [];
  // A new add-on with nothing typed is left out; one with only nights or meals chosen is kept, for the schema to ask for its name.
  const leftOut = (a: AddOnRow) => a.remove || (a.id === '' && blank([a.code, a.nameDa, a.nameEn, a.price, a.capacity]) && a.inclusions.every(blankInclusion));
  const kept = d.addOns.filter((a) => !leftOut(a));
  const codes = addOnCodes(kept);
  d.addOns.forEach((a, i) => {
    if (leftOut(a)) return;
    rows.addOns.push(i);
    const included = inclusionsOfRows(a.inclusions);
    rows.addOnInclusions.push(included.sources);
    addOns.push({
      ...(idOf(a.id) !== undefined ? { id: idOf(a.id) } : {}),
      code: codes[rows.addOns.length - 1]!,
      nameDa: a.nameDa,
      nameEn: a.nameEn,
      kind: a.kind,
      priceOre: (parseKroner(a.price) ?? 0) as number,
      capacity: parseWhole(a.capacity) as number | null,
      inclusions: included.inclusions,
    });
  });
  const questions: NonNullable<EventDocumentInput['questions']> = [];
  d.questions.forEach((q, i) => {
    if (q.remove || (q.id === '' && blank([q.labelDa, q.labelEn, q.options]))) return;
    rows.questions.push(i);
    questions.push({
      ...(idOf(q.id) !== undefined ? { id: idOf(q.id) } : {}),
      kind: q.kind as (typeof QUESTION_KINDS)[number],
      labelDa: q.labelDa,
      labelEn: q.labelEn,
      options: optionsOf(q.options),
      required: q.required,
    });
  });
  const included = inclusionsOfRows(d.inclusions);
  rows.inclusions = included.sources;
  const venue = d.venueId === '' ? null : d.venueId === 'new' ? { ...d.venue, mapUrl: d.venue.mapUrl || null } : { id: idOf(d.venueId) ?? -1 };
  const input: EventDocumentInput = {
    ...(d.slug.trim() !== '' ? { slug: d.slug } : {}),
    type: d.type as EventDocumentInput['type'],
    title: d.title,
    summary: d.summary,
    body: d.body,
    audience: d.audience,
    included: d.included,
    themes: d.themes,
    venue,
    speakers,
    sessions,
    capacity: parseWhole(d.capacity) as number,
    priceOre: (parseKroner(d.price) ?? undefined) as number,
    inclusions: included.inclusions,
    memberPriceOre: parseKroner(d.memberPrice) as number | null,
    earlyBirdPriceOre: parseKroner(d.earlyBirdPrice) as number | null,
    earlyBirdEndsAt: optionalDateTime(d.earlyBirdDate, d.earlyBirdTime),
    vatMode: d.vatMode as EventDocumentInput['vatMode'],
    // A form from before the field (or a client that leaves it out) keeps the default, Danish.
    ...(d.language !== '' ? { language: d.language as EventDocumentInput['language'] } : {}),
    vatExemptionReason: d.vatExemptionReason,
    signupOpensAt: optionalDateTime(d.opensDate, d.opensTime),
    signupClosesAt: optionalDateTime(d.closesDate, d.closesTime),
    allowPartial: d.allowPartial,
    cancellation: {
      freeDays: (parseWhole(d.freeDays) ?? 0) as number,
      late: d.late as 'fee' | 'not_allowed',
      lateFeeOre: (parseKroner(d.lateFee) ?? 0) as number,
    },
    addOns,
    questions,
  };
  return { input, rows };
}

/** A stored document as the form shows it. */
export function draftFromDocument(doc: EventDocument & { slug: string }, version: string): EventFormDraft {
  const at = (iso: string | null) => (iso === null ? { date: '', time: '' } : { date: localDateKey(iso), time: localTimeKey(iso) });
  const opens = at(doc.signupOpensAt);
  const closes = at(doc.signupClosesAt);
  const earlyBird = at(doc.earlyBirdEndsAt);
  return {
    slug: doc.slug,
    type: doc.type,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    audience: doc.audience,
    included: doc.included,
    themes: [...doc.themes],
    venueId: doc.venue === null ? '' : 'id' in doc.venue ? String(doc.venue.id) : 'new',
    venue: doc.venue && !('id' in doc.venue) ? { ...doc.venue, mapUrl: doc.venue.mapUrl ?? '' } : emptyDraft().venue,
    speakers: doc.speakers.map((s) => ('id' in s ? { ...emptySpeaker(), id: String(s.id) } : { ...emptySpeaker(), ...s })),
    sessions: doc.sessions.map((s) => ({
      id: s.id === undefined ? '' : String(s.id),
      date: localDateKey(s.startsAt),
      start: localTimeKey(s.startsAt),
      end: localTimeKey(s.endsAt),
      title: s.title,
      description: s.description,
      room: s.room,
      speakers: s.speakers.map(String),
      remove: false,
    })),
    capacity: String(doc.capacity),
    price: formatKroner(doc.priceOre),
    inclusions: doc.inclusions.map(inclusionRowOf),
    memberPrice: formatKroner(doc.memberPriceOre),
    earlyBirdPrice: formatKroner(doc.earlyBirdPriceOre),
    earlyBirdDate: earlyBird.date,
    earlyBirdTime: earlyBird.time,
    vatMode: doc.vatMode,
    language: doc.language,
    vatExemptionReason: doc.vatExemptionReason,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    allowPartial: doc.allowPartial,
    freeDays: String(doc.cancellation.freeDays),
    late: doc.cancellation.late,
    lateFee: doc.cancellation.lateFeeOre ? formatKroner(doc.cancellation.lateFeeOre) : '',
    addOns: doc.addOns.map((a) => ({
      id: a.id === undefined ? '' : String(a.id),
      code: a.code,
      nameDa: a.nameDa,
      nameEn: a.nameEn,
      kind: a.kind,
      price: formatKroner(a.priceOre),
      capacity: a.capacity === null ? '' : String(a.capacity),
      inclusions: a.inclusions.map(inclusionRowOf),
      remove: false,
    })),
    questions: doc.questions.map((q) => ({
      id: q.id === undefined ? '' : String(q.id),
      kind: q.kind,
      labelDa: q.labelDa,
      labelEn: q.labelEn,
      options: optionsText(q.options),
      required: q.required,
      remove: false,
    })),
    version,
  };
}

/** Most days the editor offers nights and meals for; a longer event is rare and may use the API. */
const MAX_OFFERED_DAYS = 31;

/**
 * The days the event runs (from the programme's first date to its last) and
 * its nights: the evening before the first day, for arrivals then, and every
 * evening up to the last day. A date the draft already holds is offered too,
 * so moving the programme never hides what was chosen.
 */
export function stayChoices(d: EventFormDraft): { days: string[]; nights: string[] } {
  const dates = d.sessions
    .map((s) => isoDate(s.date))
    .filter(isCalendarDate)
    .sort();
  const days: string[] = [];
  if (dates.length > 0) for (let day = dates[0]!; day <= dates[dates.length - 1]! && days.length < MAX_OFFERED_DAYS; day = morningAfter(day)) days.push(day);
  const nights = days.length > 0 ? [eveningBefore(days[0]!), ...days.slice(0, -1)] : [];
  const rows = [...d.inclusions, ...d.addOns.flatMap((a) => a.inclusions)];
  const withChosen = (list: string[], chosen: string[]) => [...new Set([...list, ...chosen.filter(isCalendarDate)])].sort();
  return {
    days: withChosen(
      days,
      rows.map((r) => r.day),
    ),
    nights: withChosen(
      nights,
      rows.map((r) => r.night),
    ),
  };
}

const FIELD_OF: Record<string, string> = {
  priceOre: 'price',
  memberPriceOre: 'memberPrice',
  earlyBirdPriceOre: 'earlyBirdPrice',
  earlyBirdEndsAt: 'earlyBirdDate',
  signupOpensAt: 'opensDate',
  signupClosesAt: 'closesDate',
};
const ROW_FIELD: Record<string, Record<string, string>> = {
  sessions: { startsAt: 'date', endsAt: 'end', id: 'title' },
  addOns: { priceOre: 'price', id: 'code' },
  speakers: { id: 'name' },
  questions: { id: 'labelDa' },
};
const FIRST_FIELD: Record<string, string> = { speakers: 'name', sessions: 'date', addOns: 'code', questions: 'labelDa' };

/** The form's field key (its element id is the key with dots as hyphens) for an issue of the document. */
export function formKeyOf(path: ReadonlyArray<string | number>, rows: RowMap): string {
  const [head, second, third] = path;
  if (head === undefined) return 'title';
  const inclusion = inclusionPathInDraft(path, rows);
  if (inclusion) return inclusion[inclusion.length - 1] === 'inclusions' ? `${inclusion.join('.')}-list` : inclusion.join('.');
  const list = rowListOf(rows, head);
  if (list) {
    if (typeof second !== 'number') return `${head}-list`;
    const row = list[second] ?? second;
    const field = third === undefined ? FIRST_FIELD[head as string]! : (ROW_FIELD[head as string]?.[String(third)] ?? String(third));
    return `${head}.${row}.${field}`;
  }
  if (head === 'venue') return second === undefined || second === 'id' ? 'venueId' : `venue.${second}`;
  if (head === 'cancellation') return second === 'lateFeeOre' ? 'lateFee' : second === 'late' ? 'late' : 'freeDays';
  if (head === 'themes') return 'themes';
  return FIELD_OF[String(head)] ?? String(head);
}

/**
 * An inclusion's path in the document (['inclusions', k, 'date'], or
 * ['addOns', a, 'inclusions', k, 'meal']) as its row and field in the form
 * (['inclusions', row, 'night'], ['addOns', row, 'inclusions', row, 'kind']);
 * the list itself when the issue is about the whole list. Undefined for any
 * other path.
 */
function inclusionPathInDraft(path: ReadonlyArray<string | number>, rows: RowMap): Array<string | number> | undefined {
  let prefix: Array<string | number>;
  let rest: ReadonlyArray<string | number>;
  let sources: InclusionSource[];
  if (path[0] === 'inclusions') {
    [prefix, rest, sources] = [['inclusions'], path.slice(1), rows.inclusions];
  } else if (path[0] === 'addOns' && typeof path[1] === 'number' && path[2] === 'inclusions') {
    [prefix, rest, sources] = [['addOns', rows.addOns[path[1]] ?? path[1], 'inclusions'], path.slice(3), rows.addOnInclusions[path[1]] ?? []];
  } else return undefined;
  const [k, field] = rest;
  if (typeof k !== 'number') return prefix;
  const source = sources[k];
  const formField = field === 'date' ? (source?.date ?? 'day') : field === 'room' ? 'room' : 'kind';
  return [...prefix, source?.row ?? k, formField];
}

/** Issues with row indices of the draft, so messages number rows as the form shows them. */
export function issuesInDraftTerms(issues: ReadonlyArray<EditorIssue>, rows: RowMap): EditorIssue[] {
  return issues.map((i) => {
    const inclusion = inclusionPathInDraft(i.path, rows);
    if (inclusion) return { ...i, path: inclusion };
    const list = rowListOf(rows, i.path[0]);
    if (!list || typeof i.path[1] !== 'number') return i;
    return { ...i, path: [i.path[0]!, list[i.path[1]] ?? i.path[1], ...i.path.slice(2)] };
  });
}

export { pathKey };
