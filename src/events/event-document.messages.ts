/**
 * Texts of the event editor's validation: a label per field and one message
 * per error code, in Danish and English, and the helpers that turn issues
 * into a message per field (for the form, the DKFDS error summary and the
 * staff API). English must have every Danish key (the type checks it).
 */
import type { z } from 'zod';
import type { Locale } from '../lib/locale.js';
import { editorIssueCode, type EditorErrorCode } from './event-document.schema.js';

const da = {
  'eventField.body': 'Arrangementet',
  'eventField.slug': 'Webadresse',
  'eventField.type': 'Type',
  'eventField.status': 'Status',
  'eventField.title': 'Titel',
  'eventField.summary': 'Kort beskrivelse',
  'eventField.body.text': 'Beskrivelse',
  'eventField.audience': 'Målgruppe',
  'eventField.language': 'Sprog (arrangementet og dets tekster)',
  'eventField.included': 'Prisen omfatter',
  'eventField.inclusions': 'Overnatning og måltider i prisen',
  'eventField.themes': 'Temaer',
  'eventField.venue': 'Sted',
  'eventField.venue.id': 'Sted',
  'eventField.venue.name': 'Stedets navn',
  'eventField.venue.address': 'Adresse',
  'eventField.venue.postalCode': 'Postnummer',
  'eventField.venue.city': 'By',
  'eventField.venue.accessibility': 'Adgangsforhold',
  'eventField.venue.mapUrl': 'Link til kort',
  'eventField.speakers': 'Oplægsholdere',
  'eventField.speaker.prefix': 'Oplægsholder {n}: ',
  'eventField.speaker.id': 'Oplægsholder',
  'eventField.speaker.name': 'Navn',
  'eventField.speaker.title': 'Stilling',
  'eventField.speaker.organisation': 'Organisation',
  'eventField.speaker.bio': 'Om oplægsholderen',
  'eventField.sessions': 'Program',
  'eventField.session.prefix': 'Programpunkt {n}: ',
  'eventField.session.id': 'Programpunkt',
  'eventField.session.startsAt': 'Start',
  'eventField.session.endsAt': 'Slut',
  'eventField.session.title': 'Titel',
  'eventField.session.description': 'Beskrivelse',
  'eventField.session.room': 'Lokale',
  'eventField.session.speakers': 'Oplægsholdere',
  'eventField.capacity': 'Antal pladser',
  'eventField.priceOre': 'Pris ekskl. moms',
  'eventField.memberPriceOre': 'Medlemspris ekskl. moms',
  'eventField.earlyBirdPriceOre': 'Førtidspris ekskl. moms',
  'eventField.earlyBirdEndsAt': 'Førtidsprisen gælder til',
  'eventField.vatMode': 'Moms',
  'eventField.vatExemptionReason': 'Begrundelse for momsfritagelse',
  'eventField.signupOpensAt': 'Tilmeldingen åbner',
  'eventField.signupClosesAt': 'Tilmeldingsfrist',
  'eventField.allowPartial': 'Delvis tilmelding',
  'eventField.cancellation': 'Afmeldingsregel',
  'eventField.cancellation.freeDays': 'Gratis afmelding indtil antal dage før start',
  'eventField.cancellation.late': 'Efter fristen for gratis afmelding',
  'eventField.cancellation.lateFeeOre': 'Gebyr pr. deltager ved sen afmelding, ekskl. moms',
  'eventField.addOns': 'Tilvalg',
  'eventField.addOn.prefix': 'Tilvalg {n}: ',
  'eventField.addOn.id': 'Tilvalg',
  'eventField.addOn.code': 'Kode',
  'eventField.addOn.nameDa': 'Navn på dansk',
  'eventField.addOn.nameEn': 'Navn på engelsk',
  'eventField.addOn.kind': 'Slags',
  'eventField.addOn.priceOre': 'Pris ekskl. moms',
  'eventField.addOn.capacity': 'Antal til rådighed',
  'eventField.addOn.inclusions': 'Overnatning og måltider i tilvalget',
  'eventField.inclusion.prefix': 'Overnatning og måltider i prisen, linje {n}: ',
  'eventField.addOnInclusion.prefix': 'Tilvalg {a}, overnatning og måltider, linje {n}: ',
  'eventField.inclusion.kind': 'Typen',
  'eventField.inclusion.meal': 'Måltidstypen',
  'eventField.inclusion.date': 'Datoen',
  'eventField.inclusion.night': 'Natten',
  'eventField.inclusion.day': 'Dagen',
  'eventField.inclusion.room': 'Værelsestypen',
  'eventField.questions': 'Spørgsmål',
  'eventField.question.prefix': 'Spørgsmål {n}: ',
  'eventField.question.id': 'Spørgsmål',
  'eventField.question.kind': 'Svartype',
  'eventField.question.labelDa': 'Spørgsmål på dansk',
  'eventField.question.labelEn': 'Spørgsmål på engelsk',
  'eventField.question.options': 'Svarmuligheder',
  'eventField.question.required': 'Skal besvares',
  'eventField.cancelReason': 'Besked til de tilmeldte',
  'eventError.summary': 'Arrangementet indeholder fejl. Ret dem, og prøv igen.',
  'eventError.required': '{field} skal udfyldes.',
  'eventError.too_long': '{field} må højst være {max} tegn.',
  'eventError.too_many': '{field}: Der er for mange.',
  'eventError.invalid_characters': '{field} indeholder tegn, som ikke kan bruges, fx styretegn.',
  'eventError.invalid_type': '{field} har et forkert format.',
  'eventError.invalid_value': '{field} er ikke gyldig.',
  'eventError.invalid_number': '{field}: Skriv et helt tal, fx 40.',
  'eventError.invalid_amount': '{field}: Skriv et beløb i kroner, fx 4.500,00.',
  'eventError.out_of_range': '{field}: Tallet er for stort eller negativt.',
  'eventError.invalid_slug': '{field} må kun indeholde små bogstaver a-z, tal og enkelte bindestreger, fx konsulentdag-2026.',
  'eventError.slug_taken': '{field}: Adressen bruges allerede af et andet arrangement. Vælg en anden.',
  'eventError.invalid_datetime': '{field}: Skriv en gyldig dato og et gyldigt klokkeslæt, fx 10.09.2026 og 09.30.',
  'eventError.ends_before_start': '{field}: Programpunktet skal slutte, efter det er startet.',
  'eventError.closes_before_opens': 'Tilmeldingsfristen skal ligge efter det tidspunkt, hvor tilmeldingen åbner.',
  'eventError.early_bird_not_below_price': 'Førtidsprisen skal være lavere end prisen.',
  'eventError.early_bird_after_start': 'Førtidsprisen skal slutte, før arrangementet begynder.',
  'eventError.early_bird_deadline_required': 'Skriv, hvornår førtidsprisen slutter.',
  'eventError.early_bird_price_required': 'Skriv førtidsprisen, eller fjern datoen for, hvornår den slutter.',
  'eventError.exemption_reason_required': 'Skriv begrundelsen for momsfritagelsen, fx momslovens § 13, stk. 1, nr. 3.',
  'eventError.invalid_url': '{field}: Skriv en hel webadresse, der begynder med https://.',
  'eventError.invalid_code': '{field} må kun indeholde små bogstaver a-z, tal og bindestreger.',
  'eventError.duplicate_code': '{field}: Koden er allerede brugt til et andet tilvalg.',
  'eventError.options_required': '{field}: Skriv mindst én svarmulighed.',
  'eventError.duplicate_option': '{field}: Den samme svarmulighed står der to gange.',
  'eventError.invalid_speaker': '{field}: Vælg blandt arrangementets oplægsholdere.',
  'eventError.duplicate_speaker': '{field}: Oplægsholderen er valgt to gange.',
  'eventError.speaker_unused': 'Vælg mindst ét programpunkt, som oplægsholderen er med i, eller fjern oplægsholderen.',
  'eventError.duplicate_theme': 'Temaer: Det samme tema er valgt to gange.',
  'eventError.sessions_min': 'Tilføj mindst ét programpunkt med dato og tid.',
  'eventError.unknown_venue': 'Stedet findes ikke længere. Vælg et andet sted.',
  'eventError.unknown_speaker': '{field}: Oplægsholderen findes ikke længere. Vælg en anden.',
  'eventError.unknown_theme': 'Temaer: Temaet findes ikke.',
  'eventError.unknown_session': '{field} hører ikke til dette arrangement.',
  'eventError.unknown_add_on': '{field} hører ikke til dette arrangement.',
  'eventError.invalid_date': '{field}: Skriv datoen som åååå-mm-dd, fx 2027-02-04.',
  'eventError.not_chosen': '{field} er ikke valgt.',
  'eventError.unknown_question': '{field} hører ikke til dette arrangement.',
  'eventError.capacity_below_taken': 'Antal pladser kan ikke være lavere end de {taken} pladser, der allerede er optaget.',
  'eventError.addon_capacity_below_taken': '{field} kan ikke være lavere end de {taken}, der allerede er reserveret.',
  'eventError.addon_in_use': 'Tilvalget »{name}« kan ikke fjernes, fordi deltagere har valgt det.',
  'eventError.question_answered': 'Spørgsmålet »{name}« kan ikke fjernes eller skifte svartype, fordi det allerede er besvaret.',
  'eventError.status_not_allowed': 'Status kan kun være kladde eller offentliggjort. Et arrangement aflyses fra administrationen, så alle får besked.',
  'eventError.edited_elsewhere': 'En anden har gemt ændringer i arrangementet, siden du åbnede det. Åbn arrangementet igen, og ret derfra.',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof da, string> = {
  'eventField.body': 'The event',
  'eventField.slug': 'Web address',
  'eventField.type': 'Type',
  'eventField.status': 'Status',
  'eventField.title': 'Title',
  'eventField.summary': 'Short description',
  'eventField.body.text': 'Description',
  'eventField.audience': 'Audience',
  'eventField.language': 'Language (of the event and its texts)',
  'eventField.included': 'The price includes',
  'eventField.inclusions': 'Nights and meals in the price',
  'eventField.themes': 'Themes',
  'eventField.venue': 'Venue',
  'eventField.venue.id': 'Venue',
  'eventField.venue.name': 'Name of the venue',
  'eventField.venue.address': 'Address',
  'eventField.venue.postalCode': 'Postcode',
  'eventField.venue.city': 'Town or city',
  'eventField.venue.accessibility': 'Access',
  'eventField.venue.mapUrl': 'Map link',
  'eventField.speakers': 'Speakers',
  'eventField.speaker.prefix': 'Speaker {n}: ',
  'eventField.speaker.id': 'Speaker',
  'eventField.speaker.name': 'Name',
  'eventField.speaker.title': 'Job title',
  'eventField.speaker.organisation': 'Organisation',
  'eventField.speaker.bio': 'About the speaker',
  'eventField.sessions': 'Programme',
  'eventField.session.prefix': 'Session {n}: ',
  'eventField.session.id': 'Session',
  'eventField.session.startsAt': 'Start',
  'eventField.session.endsAt': 'End',
  'eventField.session.title': 'Title',
  'eventField.session.description': 'Description',
  'eventField.session.room': 'Room',
  'eventField.session.speakers': 'Speakers',
  'eventField.capacity': 'Number of seats',
  'eventField.priceOre': 'Price ex. VAT',
  'eventField.memberPriceOre': 'Member price ex. VAT',
  'eventField.earlyBirdPriceOre': 'Early-bird price ex. VAT',
  'eventField.earlyBirdEndsAt': 'Early-bird price ends',
  'eventField.vatMode': 'VAT',
  'eventField.vatExemptionReason': 'Reason for the VAT exemption',
  'eventField.signupOpensAt': 'Sign-up opens',
  'eventField.signupClosesAt': 'Sign-up deadline',
  'eventField.allowPartial': 'Partial booking',
  'eventField.cancellation': 'Cancellation rule',
  'eventField.cancellation.freeDays': 'Free cancellation until this many days before the start',
  'eventField.cancellation.late': 'After the free cancellation period',
  'eventField.cancellation.lateFeeOre': 'Fee per participant for a late cancellation, ex. VAT',
  'eventField.addOns': 'Add-ons',
  'eventField.addOn.prefix': 'Add-on {n}: ',
  'eventField.addOn.id': 'Add-on',
  'eventField.addOn.code': 'Code',
  'eventField.addOn.nameDa': 'Name in Danish',
  'eventField.addOn.nameEn': 'Name in English',
  'eventField.addOn.kind': 'Kind',
  'eventField.addOn.priceOre': 'Price ex. VAT',
  'eventField.addOn.capacity': 'Number available',
  'eventField.addOn.inclusions': 'Nights and meals in the add-on',
  'eventField.inclusion.prefix': 'Nights and meals in the price, line {n}: ',
  'eventField.addOnInclusion.prefix': 'Add-on {a}, nights and meals, line {n}: ',
  'eventField.inclusion.kind': 'The kind',
  'eventField.inclusion.meal': 'The meal',
  'eventField.inclusion.date': 'The date',
  'eventField.inclusion.night': 'The night',
  'eventField.inclusion.day': 'The day',
  'eventField.inclusion.room': 'The room',
  'eventField.questions': 'Questions',
  'eventField.question.prefix': 'Question {n}: ',
  'eventField.question.id': 'Question',
  'eventField.question.kind': 'Kind of answer',
  'eventField.question.labelDa': 'Question in Danish',
  'eventField.question.labelEn': 'Question in English',
  'eventField.question.options': 'Answer options',
  'eventField.question.required': 'Answer required',
  'eventField.cancelReason': 'Message to those signed up',
  'eventError.summary': 'The event has errors. Correct them and try again.',
  'eventError.required': '{field} is required.',
  'eventError.too_long': '{field} can be at most {max} characters.',
  'eventError.too_many': '{field}: there are too many.',
  'eventError.invalid_characters': '{field} contains characters that cannot be used, such as control characters.',
  'eventError.invalid_type': '{field} has the wrong format.',
  'eventError.invalid_value': '{field} is not valid.',
  'eventError.invalid_number': '{field}: enter a whole number, such as 40.',
  'eventError.invalid_amount': '{field}: enter an amount in kroner, such as 4,500.00.',
  'eventError.out_of_range': '{field}: the number is too large or negative.',
  'eventError.invalid_slug': '{field} can only hold lower-case letters a-z, digits and single hyphens, such as consultant-day-2026.',
  'eventError.slug_taken': '{field}: this address is already used by another event. Choose another.',
  'eventError.invalid_datetime': '{field}: enter a valid date and time, such as 10.09.2026 and 09.30.',
  'eventError.ends_before_start': '{field}: the session must end after it starts.',
  'eventError.closes_before_opens': 'The sign-up deadline must be after sign-up opens.',
  'eventError.early_bird_not_below_price': 'The early-bird price must be lower than the price.',
  'eventError.early_bird_after_start': 'The early-bird price must end before the event starts.',
  'eventError.early_bird_deadline_required': 'Enter when the early-bird price ends.',
  'eventError.early_bird_price_required': 'Enter the early-bird price, or remove the date it ends.',
  'eventError.exemption_reason_required': 'Enter the reason for the VAT exemption, such as the Danish VAT Act, section 13(1)(3).',
  'eventError.invalid_url': '{field}: enter a full web address starting with https://.',
  'eventError.invalid_code': '{field} can only hold lower-case letters a-z, digits and hyphens.',
  'eventError.duplicate_code': '{field}: the code is already used by another add-on.',
  'eventError.options_required': '{field}: enter at least one answer option.',
  'eventError.duplicate_option': '{field}: the same answer option appears twice.',
  'eventError.invalid_speaker': '{field}: choose from the speakers of the event.',
  'eventError.duplicate_speaker': '{field}: the speaker is chosen twice.',
  'eventError.speaker_unused': 'Choose at least one session the speaker takes part in, or remove the speaker.',
  'eventError.duplicate_theme': 'Themes: the same theme is chosen twice.',
  'eventError.sessions_min': 'Add at least one session with a date and time.',
  'eventError.unknown_venue': 'The venue no longer exists. Choose another venue.',
  'eventError.unknown_speaker': '{field}: the speaker no longer exists. Choose another.',
  'eventError.unknown_theme': 'Themes: the theme does not exist.',
  'eventError.unknown_session': '{field} does not belong to this event.',
  'eventError.unknown_add_on': '{field} does not belong to this event.',
  'eventError.invalid_date': '{field}: Write the date as yyyy-mm-dd, for example 2027-02-04.',
  'eventError.not_chosen': '{field} is not chosen.',
  'eventError.unknown_question': '{field} does not belong to this event.',
  'eventError.capacity_below_taken': 'The number of seats cannot be lower than the {taken} seats already taken.',
  'eventError.addon_capacity_below_taken': '{field} cannot be lower than the {taken} already reserved.',
  'eventError.addon_in_use': 'The add-on “{name}” cannot be removed, because participants have chosen it.',
  'eventError.question_answered': 'The question “{name}” cannot be removed or change its kind of answer, because it has been answered.',
  'eventError.status_not_allowed': 'The status can only be draft or published. An event is cancelled from the back office, so that everyone is told.',
  'eventError.edited_elsewhere': 'Someone else saved changes to the event after you opened it. Open the event again and make your changes there.',
};

export const eventDocumentMessages = { da, en } as const;
export type EventDocumentMessageKey = keyof typeof da;

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function eventDocumentMessage(locale: Locale, key: EventDocumentMessageKey, vars: Record<string, string | number> = {}): string {
  return fill(eventDocumentMessages[locale][key], vars);
}

/** A field's address in error lists: 'title', 'sessions.0.startsAt'. */
export const pathKey = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

const ROWS: Record<string, { item: string; prefix: EventDocumentMessageKey }> = {
  speakers: { item: 'speaker', prefix: 'eventField.speaker.prefix' },
  sessions: { item: 'session', prefix: 'eventField.session.prefix' },
  addOns: { item: 'addOn', prefix: 'eventField.addOn.prefix' },
  questions: { item: 'question', prefix: 'eventField.question.prefix' },
};

/** The part of a path inside one inclusion (['inclusions', 0, 'date'] or ['addOns', 1, 'inclusions', 0, 'date']), with the rows it is in. */
function inclusionPart(path: ReadonlyArray<PropertyKey>): { addOn?: number; row: number; field: string } | undefined {
  const atAddOn = path[0] === 'addOns' && typeof path[1] === 'number' && path[2] === 'inclusions';
  if (path[0] !== 'inclusions' && !atAddOn) return undefined;
  const [row, field] = path.slice(atAddOn ? 3 : 1);
  if (typeof row !== 'number') return undefined;
  return { ...(atAddOn ? { addOn: path[1] as number } : {}), row, field: field === undefined ? 'kind' : String(field) };
}

function fieldLabel(path: ReadonlyArray<PropertyKey>, locale: Locale): string {
  const t = eventDocumentMessages[locale] as Record<string, string>;
  const inclusion = inclusionPart(path);
  if (inclusion) return t[`eventField.inclusion.${inclusion.field}`] ?? t['eventField.inclusion.kind']!;
  const [head, second, field] = path.map(String);
  if (head === undefined) return t['eventField.body']!;
  if (head === 'body') return t['eventField.body.text']!;
  const row = ROWS[head];
  if (row) return (field !== undefined ? t[`eventField.${row.item}.${field}`] : undefined) ?? t[`eventField.${head}`]!;
  if (second !== undefined && !/^\d+$/.test(second)) return t[`eventField.${head}.${second}`] ?? t[`eventField.${head}`] ?? t['eventField.body']!;
  return t[`eventField.${head}`] ?? t['eventField.body']!;
}

/** An error as the editor and the API report it. */
export interface EventFieldError {
  path: string;
  code: EditorErrorCode;
  message: string;
}

/** A rule broken that only the database could tell (unknown ids, seats taken …), before anything was saved. */
export interface EditorIssue {
  path: ReadonlyArray<string | number>;
  code: EditorErrorCode;
  vars?: Record<string, string | number>;
}

/** The message for one issue, naming its field and, within a list, which row (1-based). */
export function eventErrorMessage(path: ReadonlyArray<PropertyKey>, code: EditorErrorCode, locale: Locale, vars: Record<string, string | number> = {}): string {
  const field = fieldLabel(path, locale);
  const text = eventDocumentMessage(locale, `eventError.${code}`, { field, max: '', ...vars });
  const inclusion = inclusionPart(path);
  if (inclusion?.addOn !== undefined)
    return eventDocumentMessage(locale, 'eventField.addOnInclusion.prefix', { a: inclusion.addOn + 1, n: inclusion.row + 1 }) + text;
  if (inclusion) return eventDocumentMessage(locale, 'eventField.inclusion.prefix', { n: inclusion.row + 1 }) + text;
  const row = ROWS[String(path[0])];
  if (row && typeof path[1] === 'number') return eventDocumentMessage(locale, row.prefix, { n: path[1] + 1 }) + text;
  return text;
}

/** One entry per field with a problem (its first problem), for the form, its error summary and the API. */
export function eventFieldErrors(issues: ReadonlyArray<EditorIssue>, locale: Locale): EventFieldError[] {
  const out: EventFieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: key, code: issue.code, message: eventErrorMessage(issue.path, issue.code, locale, issue.vars) });
  }
  return out;
}

/** The issues of a failed parse in the editor's own terms. */
export function issuesOf(error: z.ZodError): EditorIssue[] {
  return error.issues.map((issue) => {
    const code = editorIssueCode(issue);
    const max = 'maximum' in issue && typeof issue.maximum === 'number' && code === 'too_long' ? { max: issue.maximum } : undefined;
    return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code, ...(max ? { vars: max } : {}) };
  });
}
