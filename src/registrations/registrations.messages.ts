/**
 * Texts of the sign-up: field labels and one message per error code, in
 * Danish and English, and the helpers that turn a validation error into a
 * message per field (for the form, the DKFDS error summary and the API).
 */
import type { z } from 'zod';
import type { Locale } from '../lib/locale.js';
import { issueCode, type ErrorCode } from './signup/registration.schema.js';

const da = {
  'registration.status.confirmed': 'Bekræftet',
  'registration.status.waitlisted': 'På venteliste',
  'registration.status.cancelled': 'Afmeldt',
  'registration.participantPrefix': 'Deltager {n}: ',
  'registration.field.body': 'Tilmeldingen',
  'registration.field.locale': 'Sprog',
  'registration.field.payer': 'Betaler',
  'registration.field.payer.organisation': 'Organisation',
  'registration.field.payer.cvr': 'CVR-nummer',
  'registration.field.payer.ean': 'EAN-nummer',
  'registration.field.payer.personReference': 'Personreference',
  'registration.field.payer.poNumber': 'Ordrenummer (PO-nummer)',
  'registration.field.payer.address': 'Adresse',
  'registration.field.payer.postalCode': 'Postnummer',
  'registration.field.payer.city': 'By',
  'registration.field.payer.countryCode': 'Land',
  'registration.field.payer.email': 'E-mail til faktura',
  'registration.field.booker': 'Tilmeldt af',
  'registration.field.booker.name': 'Dit navn',
  'registration.field.booker.email': 'Din e-mail',
  'registration.field.participants': 'Deltagere',
  'registration.field.participant.name': 'Navn',
  'registration.field.participant.email': 'E-mail',
  'registration.field.participant.jobTitle': 'Stilling',
  'registration.field.participant.workplace': 'Arbejdsplads',
  'registration.field.participant.phone': 'Telefon',
  'registration.field.participant.diet': 'Kost og allergier',
  'registration.field.participant.accessibilityNeeds': 'Behov for tilgængelighed og hjælp',
  'registration.field.participant.roomMate': 'Ønsker at dele værelse med',
  'registration.field.participant.addOns': 'Tilvalg',
  'registration.field.participant.answers': 'Svar',
  'registration.field.consentToParticipantList': 'Deltagerliste',
  'registration.field.acceptTerms': 'Betingelser',
  'registration.error.required': '{field} skal udfyldes.',
  'registration.error.too_long': '{field} må højst være {max} tegn.',
  'registration.error.too_many': '{field}: Der er for mange.',
  'registration.error.invalid_characters': '{field} indeholder tegn, som ikke kan bruges, fx styretegn.',
  'registration.error.invalid_type': '{field} har et forkert format.',
  'registration.error.invalid_value': '{field} er ikke gyldig.',
  'registration.error.invalid_email': '{field}: Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
  'registration.error.invalid_phone': '{field}: Skriv et gyldigt telefonnummer, fx 33 12 34 56.',
  'registration.error.invalid_postal_code': '{field}: Skriv et gyldigt postnummer, fx 8000.',
  'registration.error.country_code': '{field}: Skriv landekoden med to bogstaver, fx DK eller SE.',
  'registration.error.cvr_format': 'CVR-nummeret skal være 8 cifre.',
  'registration.error.cvr_checksum': 'CVR-nummeret findes ikke. Tjek, at det er skrevet rigtigt.',
  'registration.error.ean_format': 'EAN-nummeret skal være 13 cifre.',
  'registration.error.ean_checksum': 'EAN-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.',
  'registration.error.person_reference_required': 'Skriv en personreference. Den skal stå på fakturaen, når der betales med EAN-nummer.',
  'registration.error.participants_min': 'Tilmeld mindst én deltager.',
  'registration.error.participants_max': 'Du kan højst tilmelde {max} deltagere ad gangen.',
  'registration.error.group_exceeds_capacity':
    'Arrangementet har {capacity} pladser i alt, så der kan højst tilmeldes {capacity} deltagere. Fjern nogle deltagere, eller kontakt arrangøren.',
  'registration.error.too_many_signups':
    'Der er sendt mange tilmeldinger fra din forbindelse eller med den samme e-mailadresse på kort tid. Vent {minutes} minutter, og prøv igen. Kontakt arrangøren, hvis du har brug for at tilmelde mange.',
  'registration.error.duplicate_email': 'Deltageren står allerede på tilmeldingen med den samme e-mailadresse.',
  'registration.error.duplicate_addon': 'Tilvalget er valgt to gange.',
  'registration.error.unknown_addon': 'Tilvalget findes ikke til dette arrangement.',
  'registration.error.unknown_question': 'Spørgsmålet findes ikke til dette arrangement.',
  'registration.error.answer_required': 'Besvar spørgsmålet: {field}',
  'registration.error.invalid_answer': 'Svaret har en forkert form: {field}',
  'registration.error.invalid_option': 'Vælg blandt svarmulighederne: {field}',
  'registration.error.terms_required': 'Du skal acceptere betingelserne for at tilmelde dig.',
  'registration.error.addon_sold_out': '{field} er udsolgt. Fravælg det for at gennemføre tilmeldingen.',
  'registration.error.signup_closed': 'Der er lukket for tilmelding til arrangementet.',
  'registration.error.staff_only': 'Kun medarbejdere, der må ændre tilmeldinger, kan bruge ignoreDeadline, overbook og sendConfirmation.',
  'registration.error.idempotency_key_reused': 'Idempotency-Key er allerede brugt til en anden tilmelding.',
  'registration.error.invalid_registration': 'Tilmeldingen indeholder fejl. Ret dem og prøv igen.',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof da, string> = {
  'registration.status.confirmed': 'Confirmed',
  'registration.status.waitlisted': 'On the waiting list',
  'registration.status.cancelled': 'Cancelled',
  'registration.participantPrefix': 'Participant {n}: ',
  'registration.field.body': 'The registration',
  'registration.field.locale': 'Language',
  'registration.field.payer': 'Payer',
  'registration.field.payer.organisation': 'Organisation',
  'registration.field.payer.cvr': 'CVR number',
  'registration.field.payer.ean': 'EAN number',
  'registration.field.payer.personReference': 'Person reference',
  'registration.field.payer.poNumber': 'Purchase order (PO) number',
  'registration.field.payer.address': 'Address',
  'registration.field.payer.postalCode': 'Postcode',
  'registration.field.payer.city': 'Town or city',
  'registration.field.payer.countryCode': 'Country',
  'registration.field.payer.email': 'Invoice e-mail',
  'registration.field.booker': 'Registered by',
  'registration.field.booker.name': 'Your name',
  'registration.field.booker.email': 'Your e-mail',
  'registration.field.participants': 'Participants',
  'registration.field.participant.name': 'Name',
  'registration.field.participant.email': 'E-mail',
  'registration.field.participant.jobTitle': 'Job title',
  'registration.field.participant.workplace': 'Workplace',
  'registration.field.participant.phone': 'Phone',
  'registration.field.participant.diet': 'Diet and allergies',
  'registration.field.participant.accessibilityNeeds': 'Accessibility and assistance needs',
  'registration.field.participant.roomMate': 'Would like to share a room with',
  'registration.field.participant.addOns': 'Add-ons',
  'registration.field.participant.answers': 'Answers',
  'registration.field.consentToParticipantList': 'Participant list',
  'registration.field.acceptTerms': 'Terms',
  'registration.error.required': '{field} is required.',
  'registration.error.too_long': '{field} can be at most {max} characters.',
  'registration.error.too_many': '{field}: there are too many.',
  'registration.error.invalid_characters': '{field} contains characters that cannot be used, such as control characters.',
  'registration.error.invalid_type': '{field} has the wrong format.',
  'registration.error.invalid_value': '{field} is not valid.',
  'registration.error.invalid_email': '{field}: enter a valid e-mail address, such as name@council.dk.',
  'registration.error.invalid_phone': '{field}: enter a valid phone number, such as +45 33 12 34 56.',
  'registration.error.invalid_postal_code': '{field}: enter a valid postcode, such as 8000.',
  'registration.error.country_code': '{field}: enter the two-letter country code, such as DK or SE.',
  'registration.error.cvr_format': 'The CVR number must be 8 digits.',
  'registration.error.cvr_checksum': 'This CVR number does not exist. Check that it is typed correctly.',
  'registration.error.ean_format': 'The EAN number must be 13 digits.',
  'registration.error.ean_checksum': 'This EAN number is not valid. Check that it is typed correctly.',
  'registration.error.person_reference_required': 'Enter a person reference. It must be on the invoice when paying by EAN number.',
  'registration.error.participants_min': 'Register at least one participant.',
  'registration.error.participants_max': 'You can register at most {max} participants at a time.',
  'registration.error.group_exceeds_capacity':
    'The event has {capacity} seats in all, so at most {capacity} participants can be signed up. Remove some participants or contact the organiser.',
  'registration.error.too_many_signups':
    'Many sign-ups have been sent from your connection or with the same e-mail address in a short time. Wait {minutes} minutes and try again. Contact the organiser if you need to sign up many people.',
  'registration.error.duplicate_email': 'This participant is already on the registration with the same e-mail address.',
  'registration.error.duplicate_addon': 'This add-on is chosen twice.',
  'registration.error.unknown_addon': 'This add-on does not exist for this event.',
  'registration.error.unknown_question': 'This question does not exist for this event.',
  'registration.error.answer_required': 'Answer the question: {field}',
  'registration.error.invalid_answer': 'The answer has the wrong form: {field}',
  'registration.error.invalid_option': 'Choose from the options given: {field}',
  'registration.error.terms_required': 'You must accept the terms to sign up.',
  'registration.error.addon_sold_out': '{field} is sold out. Remove it to complete the registration.',
  'registration.error.signup_closed': 'Sign-up for this event is closed.',
  'registration.error.staff_only': 'Only staff who may change registrations can use ignoreDeadline, overbook and sendConfirmation.',
  'registration.error.idempotency_key_reused': 'This Idempotency-Key has already been used for another registration.',
  'registration.error.invalid_registration': 'The registration has errors. Correct them and try again.',
};

export const registrationsMessages = { da, en };
export type RegistrationMessageKey = keyof typeof da;

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function registrationMessage(locale: Locale, key: RegistrationMessageKey, vars: Record<string, string | number> = {}): string {
  return fill(registrationsMessages[locale][key], vars);
}

/** A field's address as used in error lists: 'payer.cvr', 'participants.0.name'. */
export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/** The form field name for a path: 'participants[0][name]'. */
export function formFieldName(path: ReadonlyArray<PropertyKey>): string {
  const [first, ...rest] = path.map(String);
  return (first ?? '') + rest.map((p) => `[${p}]`).join('');
}

/** Question labels by id, so a message about an answer can name its question. */
export type QuestionLabels = ReadonlyMap<string, Record<Locale, string>>;

function fieldLabel(path: ReadonlyArray<PropertyKey>, locale: Locale, questions?: QuestionLabels): string {
  const t = registrationsMessages[locale] as Record<string, string>;
  const [head, index, field, sub] = path.map(String);
  if (head === undefined) return t['registration.field.body']!;
  if (head === 'participants') {
    if (index === undefined || field === undefined) return t['registration.field.participants']!;
    if (field === 'answers' && sub !== undefined) {
      return questions?.get(sub)?.[locale] ?? t['registration.field.participant.answers']!;
    }
    return t[`registration.field.participant.${field}`] ?? t['registration.field.participants']!;
  }
  if (index !== undefined) return t[`registration.field.${head}.${index}`] ?? t[`registration.field.${head}`] ?? t['registration.field.body']!;
  return t[`registration.field.${head}`] ?? t['registration.field.body']!;
}

export interface FieldError {
  path: string;
  code: ErrorCode;
  message: string;
}

/** The message for one issue, naming its field and, within a group, the participant. */
export function messageFor(
  path: ReadonlyArray<PropertyKey>,
  code: ErrorCode,
  locale: Locale,
  extra: { max?: number; questions?: QuestionLabels; field?: string } = {},
): string {
  const field = extra.field ?? fieldLabel(path, locale, extra.questions);
  const text = registrationMessage(locale, `registration.error.${code}`, { field, max: extra.max ?? '' });
  if (path[0] === 'participants' && typeof path[1] === 'number') {
    return registrationMessage(locale, 'registration.participantPrefix', { n: path[1] + 1 }) + text;
  }
  return text;
}

/**
 * One entry per field with a problem (the first problem found), in the order
 * of the form: what the API answers and the DKFDS error summary lists.
 */
export function registrationErrors(error: z.ZodError, locale: Locale, questions?: QuestionLabels): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path;
    const key = pathKey(path);
    if (seen.has(key)) continue;
    seen.add(key);
    const code = issueCode(issue);
    const max = 'maximum' in issue && typeof issue.maximum === 'number' ? issue.maximum : undefined;
    out.push({ path: key, code, message: messageFor(path, code, locale, { max, questions }) });
  }
  return out;
}

/** { fieldPath → message } for the form: a message beside each field. */
export function fieldErrorMap(error: z.ZodError, locale: Locale, questions?: QuestionLabels): Record<string, string> {
  return Object.fromEntries(registrationErrors(error, locale, questions).map((e) => [e.path, e.message]));
}
