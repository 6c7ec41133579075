/**
 * Texts of the member list (page, import and API errors), in Danish and
 * English.
 */
import type { Locale } from '../lib/locale.js';
import type { FileErrorCode, ImportRowError } from './members.csv.js';
import type { MemberErrorCode, MemberField } from './members.schema.js';

const da = {
  'settings.members': 'Medlemsliste',
  'settings.membersDescription': 'Organisationer, der får medlemspris, når de tilmelder sig. Tilføj dem én ad gangen, eller importér en CSV-fil.',
  'members.title': 'Medlemsliste',
  'members.lede':
    'En tilmelding får medlemsprisen, når betalerens CVR- eller EAN-nummer står på listen og er gyldigt på tilmeldingsdagen. Arrangementet skal have en medlemspris.',
  'members.empty': 'Der er ingen medlemmer på listen endnu.',
  'members.count': '{count} medlemmer på listen.',
  'members.caption': 'Medlemmer',
  'members.col.name': 'Organisation',
  'members.col.cvr': 'CVR',
  'members.col.ean': 'EAN',
  'members.col.validity': 'Gyldig',
  'members.col.actions': 'Handlinger',
  'members.validity.always': 'Altid',
  'members.validity.from': 'Fra {from}',
  'members.validity.to': 'Til og med {to}',
  'members.validity.between': '{from} til og med {to}',
  'members.delete': 'Fjern',
  'members.deleteLabel': 'Fjern {name} fra medlemslisten',
  'members.add.heading': 'Tilføj medlem',
  'members.add.submit': 'Tilføj medlem',
  'members.field.name': 'Organisationens navn',
  'members.field.cvr': 'CVR-nummer',
  'members.field.ean': 'EAN-nummer',
  'members.field.validFrom': 'Gyldig fra',
  'members.field.validTo': 'Gyldig til og med',
  'members.hint.identifiers': 'Udfyld CVR-nummer, EAN-nummer eller begge.',
  'members.hint.date': 'Dato som 31-12-2027. Tomt: ingen grænse.',
  'members.import.heading': 'Importér fra CSV-fil',
  'members.import.text':
    'Gem regnearket i Excel som "CSV (semikolonsepareret)" eller "CSV UTF-8". Første række skal have kolonnerne Navn, CVR, EAN, Gyldig fra og Gyldig til (CVR eller EAN kan udelades). En række erstatter medlemmet med samme CVR-nummer (uden CVR: samme EAN); andre rækker tilføjes. Er der fejl i en række, importeres intet.',
  'members.import.file': 'CSV-fil',
  'members.import.submit': 'Importér',
  'members.import.done': 'Importen er gennemført: {added} tilføjet, {updated} opdateret.',
  'members.import.failed': 'Intet er importeret. Ret fejlene i filen, og prøv igen.',
  'members.import.rowError': 'Linje {line}: {message}',
  'members.added': 'Medlemmet er tilføjet.',
  'members.deleted': 'Medlemmet er fjernet fra listen.',
  'members.error.required': '{field} skal udfyldes.',
  'members.error.too_long': '{field}: Teksten er for lang (højst 200 tegn).',
  'members.error.invalid_characters': '{field} må ikke indeholde linjeskift eller styretegn.',
  'members.error.cvr_format': 'CVR-nummeret skal være 8 cifre.',
  'members.error.cvr_checksum': 'CVR-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.',
  'members.error.ean_format': 'EAN-nummeret skal være 13 cifre.',
  'members.error.ean_checksum': 'EAN-nummeret er ikke gyldigt. Tjek kontrolcifferet.',
  'members.error.identifier_required': 'Udfyld CVR-nummer eller EAN-nummer.',
  'members.error.date_format': '{field}: Skriv datoen som 31-12-2027.',
  'members.error.dates_order': '"Gyldig til og med" skal være samme dag som eller efter "Gyldig fra".',
  'members.error.duplicate_in_file': 'Samme CVR- eller EAN-nummer står også i en tidligere linje.',
  'members.error.column_count': 'Linjen har flere kolonner end overskriften.',
  'members.file.empty': 'Filen er tom, eller den har kun en overskrift.',
  'members.file.too_large': 'Filen er for stor (højst 1 MB).',
  'members.file.too_many_rows': 'Filen har for mange linjer (højst 5.000).',
  'members.file.not_text': 'Filen er ikke en CSV-fil. Gem regnearket som CSV i Excel.',
  'members.file.not_semicolon': 'Kolonnerne skal være adskilt med semikolon. Gem som "CSV (semikolonsepareret)".',
  'members.file.missing_name_column': 'Første linje skal have kolonnen Navn.',
  'members.file.missing_identifier_column': 'Første linje skal have kolonnen CVR eller EAN.',
  'members.file.missing': 'Vælg en CSV-fil.',
} as const;

const en: Record<keyof typeof da, string> = {
  'settings.members': 'Member list',
  'settings.membersDescription': 'Organisations that get the member price when they sign up. Add them one at a time or import a CSV file.',
  'members.title': 'Member list',
  'members.lede':
    "A registration gets the member price when the payer's CVR or EAN number is on the list and valid on the day of sign-up. The event must have a member price.",
  'members.empty': 'There are no members on the list yet.',
  'members.count': '{count} members on the list.',
  'members.caption': 'Members',
  'members.col.name': 'Organisation',
  'members.col.cvr': 'CVR',
  'members.col.ean': 'EAN',
  'members.col.validity': 'Valid',
  'members.col.actions': 'Actions',
  'members.validity.always': 'Always',
  'members.validity.from': 'From {from}',
  'members.validity.to': 'Until {to} inclusive',
  'members.validity.between': '{from} to {to} inclusive',
  'members.delete': 'Remove',
  'members.deleteLabel': 'Remove {name} from the member list',
  'members.add.heading': 'Add member',
  'members.add.submit': 'Add member',
  'members.field.name': "Organisation's name",
  'members.field.cvr': 'CVR number',
  'members.field.ean': 'EAN number',
  'members.field.validFrom': 'Valid from',
  'members.field.validTo': 'Valid until (inclusive)',
  'members.hint.identifiers': 'Fill in the CVR number, the EAN number or both.',
  'members.hint.date': 'Date as 31-12-2027. Empty: no limit.',
  'members.import.heading': 'Import from a CSV file',
  'members.import.text':
    'In Excel, save the spreadsheet as "CSV (semicolon delimited)" or "CSV UTF-8". The first row must name the columns Name, CVR, EAN, Valid from and Valid to (CVR or EAN may be left out). A row replaces the member with the same CVR number (without a CVR: the same EAN); other rows are added. If any row has an error, nothing is imported.',
  'members.import.file': 'CSV file',
  'members.import.submit': 'Import',
  'members.import.done': 'The import is done: {added} added, {updated} updated.',
  'members.import.failed': 'Nothing was imported. Correct the errors in the file and try again.',
  'members.import.rowError': 'Line {line}: {message}',
  'members.added': 'The member has been added.',
  'members.deleted': 'The member has been removed from the list.',
  'members.error.required': '{field} must be filled in.',
  'members.error.too_long': '{field}: The text is too long (at most 200 characters).',
  'members.error.invalid_characters': '{field} must not contain line breaks or control characters.',
  'members.error.cvr_format': 'The CVR number must be 8 digits.',
  'members.error.cvr_checksum': 'The CVR number is not valid. Check that it is typed correctly.',
  'members.error.ean_format': 'The EAN number must be 13 digits.',
  'members.error.ean_checksum': 'The EAN number is not valid. Check the check digit.',
  'members.error.identifier_required': 'Fill in the CVR number or the EAN number.',
  'members.error.date_format': '{field}: Write the date as 31-12-2027.',
  'members.error.dates_order': '"Valid until" must be the same day as or after "Valid from".',
  'members.error.duplicate_in_file': 'The same CVR or EAN number is also on an earlier line.',
  'members.error.column_count': 'The line has more columns than the header.',
  'members.file.empty': 'The file is empty, or it has only a header.',
  'members.file.too_large': 'The file is too large (at most 1 MB).',
  'members.file.too_many_rows': 'The file has too many lines (at most 5,000).',
  'members.file.not_text': 'The file is not a CSV file. Save the spreadsheet as CSV in Excel.',
  'members.file.not_semicolon': 'The columns must be separated by semicolons. Save as "CSV (semicolon delimited)".',
  'members.file.missing_name_column': 'The first line must have the column Name.',
  'members.file.missing_identifier_column': 'The first line must have the column CVR or EAN.',
  'members.file.missing': 'Choose a CSV file.',
};

export const membersMessages = { da, en };
type Key = keyof typeof da;

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function membersText(locale: Locale, key: Key, vars: Record<string, string | number> = {}): string {
  return fill(membersMessages[locale][key], vars);
}

export function memberErrorMessage(locale: Locale, field: MemberField, code: MemberErrorCode | 'duplicate_in_file' | 'column_count'): string {
  return membersText(locale, `members.error.${code}`, { field: membersText(locale, `members.field.${field}`) });
}

export function importErrorMessage(
  locale: Locale,
  e: (Pick<ImportRowError, 'field' | 'code'> & { line: number | null }) | { line: null; field: null; code: FileErrorCode },
): string {
  if (e.line === null) return membersText(locale, `members.file.${e.code as FileErrorCode}`);
  const message = memberErrorMessage(locale, e.field ?? 'name', e.code as MemberErrorCode);
  return membersText(locale, 'members.import.rowError', { line: e.line, message });
}
