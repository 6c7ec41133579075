/**
 * The results as CSV or XLSX, from the same tables: one row per question and
 * score with its count, the means, and the written answers (which carry no
 * name). The CSV holds the first table only; the workbook holds all three.
 */
import type { Table } from '../lib/tabular/table.js';
import { integer, text } from '../lib/tabular/table.js';
import { CSV_CONTENT_TYPE, toCsv } from '../lib/tabular/csv.js';
import { toXlsx, XLSX_CONTENT_TYPE } from '../lib/tabular/xlsx.js';
import { translator, type Locale } from '../web/i18n.js';
import type { EvaluationResults } from './evaluations.service.js';

export interface EvaluationFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export function resultTables(results: EvaluationResults, locale: Locale): Table[] {
  const t = translator(locale);
  const scales = results.questions.filter((r) => r.kind !== 'text');
  const distribution: Table = {
    name: t('evaluations.admin.answers'),
    columns: [{ header: t('evaluations.admin.question'), width: 60 }, { header: t('evaluations.admin.score') }, { header: t('evaluations.admin.answers') }],
    rows: scales.flatMap((r) => r.distribution.map((d) => [text(r.label), integer(d.score), integer(d.count)])),
  };
  const means: Table = {
    name: t('evaluations.admin.mean'),
    columns: [{ header: t('evaluations.admin.question'), width: 60 }, { header: t('evaluations.admin.count') }, { header: t('evaluations.admin.mean') }],
    rows: scales.map((r) => [text(r.label), integer(r.count), text(r.mean === null ? '' : r.mean.toFixed(2))]),
  };
  const texts: Table = {
    name: t('evaluations.admin.freeText'),
    columns: [
      { header: t('evaluations.admin.question'), width: 40 },
      { header: t('evaluations.admin.freeText'), width: 80 },
    ],
    rows: results.questions.filter((r) => r.kind === 'text').flatMap((r) => r.texts.map((x) => [text(r.label), text(x)])),
  };
  return [distribution, means, texts];
}

export async function resultsFile(results: EvaluationResults, format: 'csv' | 'xlsx', locale: Locale, creator: string, now: Date): Promise<EvaluationFile> {
  const base = `evaluering-${results.event.slug}`;
  const tables = resultTables(results, locale);
  if (format === 'csv') return { filename: `${base}.csv`, contentType: CSV_CONTENT_TYPE, body: Buffer.from(toCsv(tables[0]!), 'utf8') };
  return { filename: `${base}.xlsx`, contentType: XLSX_CONTENT_TYPE, body: await toXlsx(tables, { title: results.event.title, creator, created: now }) };
}
