/**
 * The spreadsheet of an event's registrations: one row per participant, one
 * column per question, in the staff member's language. CSV and XLSX are both
 * written from this table.
 */
import type { Locale } from '../../web/i18n.js';
import { translator } from '../../web/i18n.js';
import { answerText } from '../mails/registration-mails.js';
import type { Roster, RosterAddOn, RosterParticipant } from './roster.js';
import { datetime, identifier, integer, money, text, type Cell, type Column, type Table } from '../../lib/tabular/table.js';

/** Add-on lines that count: held, or wanted by someone still waiting. */
export function activeAddOnLines(p: RosterParticipant) {
  return p.addOns.filter((l) => l.status === 'reserved' || (l.status === 'requested' && p.status === 'waitlisted'));
}

/**
 * What the participant's place costs now, ex. VAT: seat and add-ons for
 * someone with a place or waiting for one; the cancellation fee, if any,
 * for someone who cancelled.
 */
export function currentPriceOre(p: RosterParticipant): number {
  if (p.status === 'cancelled') return p.cancellationFeeOre ?? 0;
  return p.seatPriceOre + activeAddOnLines(p).reduce((sum, l) => sum + l.priceOre, 0);
}

function addOnNames(p: RosterParticipant, addOns: ReadonlyMap<number, RosterAddOn>, locale: Locale): string {
  const t = translator(locale);
  return activeAddOnLines(p)
    .map((l) => {
      const a = addOns.get(l.addOnId);
      const name = a ? (locale === 'da' ? a.nameDa : a.nameEn) : String(l.addOnId);
      return l.status === 'requested' ? t('exports.addOn.requested', { name }) : name;
    })
    .join(', ');
}

export function participantTable(roster: Roster, locale: Locale): Table {
  const t = translator(locale);
  const addOns = new Map(roster.addOns.map((a) => [a.id, a]));
  const columns: Column[] = [
    { header: t('exports.column.booking') },
    { header: t('exports.column.status') },
    { header: t('exports.column.waitingPlace') },
    { header: t('exports.column.name') },
    { header: t('exports.column.email') },
    { header: t('exports.column.jobTitle') },
    { header: t('exports.column.workplace') },
    { header: t('exports.column.organisation') },
    { header: t('exports.column.cvr') },
    { header: t('exports.column.ean') },
    { header: t('exports.column.personReference') },
    { header: t('exports.column.poNumber') },
    { header: t('exports.column.diet') },
    { header: t('exports.column.accessibility') },
    { header: t('exports.column.addOns') },
    { header: t('exports.column.roomMate') },
    ...roster.questions.map((q) => ({ header: locale === 'da' ? q.labelDa : q.labelEn })),
    { header: t('exports.column.price') },
    { header: t('exports.column.created') },
  ];
  const rows = roster.participants.map((p): Cell[] => [
    integer(p.registrationId),
    text(t(`registration.status.${p.status}`)),
    integer(p.waitingPlace),
    text(p.name),
    text(p.email),
    text(p.jobTitle),
    text(p.workplace),
    text(p.organisation),
    identifier(p.cvr),
    identifier(p.ean),
    identifier(p.personReference),
    identifier(p.poNumber),
    text(p.diet),
    text(p.accessibilityNeeds),
    text(addOnNames(p, addOns, locale)),
    text(p.roomMate),
    ...roster.questions.map((q) => text(p.answers.has(q.id) ? answerText(locale, q, p.answers.get(q.id)) : '')),
    money(currentPriceOre(p)),
    datetime(p.createdAt),
  ]);
  return { name: t('exports.sheet.participants'), columns, rows };
}
