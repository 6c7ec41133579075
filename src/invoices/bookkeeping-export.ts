/**
 * The bookkeeping export: one row per invoice and credit note, written by the
 * exports' CSV writer for Danish Excel (BOM, semicolons, decimal comma,
 * formula injection neutralised, CVR and EAN kept as digits). Credit notes
 * carry negative amounts, so a column sum is what is owed net, as in the
 * totals of the finance list.
 */
import { identifier, money, text, type Table } from '../lib/tabular/table.js';
import { translator, type Locale } from '../web/i18n.js';
import type { FinanceRow } from './finance.queries.js';

export function bookkeepingTable(rows: readonly FinanceRow[], locale: Locale): Table {
  const t = translator(locale);
  const sign = (r: FinanceRow, ore: number) => (r.kind === 'credit_note' ? -ore : ore);
  return {
    name: t('finance.exportFile'),
    columns: [
      { header: t('finance.col.number') },
      { header: t('finance.col.kind') },
      { header: t('finance.col.issueDate') },
      { header: t('finance.col.dueDate') },
      { header: t('finance.col.buyer') },
      { header: t('finance.col.cvr') },
      { header: t('finance.col.ean') },
      { header: t('finance.col.net') },
      { header: t('finance.col.vat') },
      { header: t('finance.col.total') },
      { header: t('finance.col.status') },
      { header: t('finance.col.paidDate') },
      { header: t('finance.col.credited') },
    ],
    rows: rows.map((r) => [
      text(r.number),
      text(t(`finance.kind.${r.kind}`)),
      text(r.issueDate),
      text(r.dueDate),
      text(r.buyerOrganisation),
      identifier(r.buyerCvr),
      identifier(r.buyerEan),
      money(sign(r, r.netOre)),
      money(sign(r, r.vatOre)),
      money(sign(r, r.totalOre)),
      text(t(`finance.status.${r.status}`)),
      text(r.paidAt),
      text(r.creditedNumber),
    ]),
  };
}

/** "fakturaer-2026-06-01.csv": the export's file name, dated today. */
export function bookkeepingFilename(locale: Locale, today: string): string {
  return `${translator(locale)('finance.exportFile')}-${today}.csv`;
}
