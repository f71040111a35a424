import { reportRows } from './rows.ts';
import type { ReportConfig } from './texts.ts';
import type { AnnualReport, ReportLang } from './types.ts';

/**
 * The report as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Khmer), CRLF line
 * ends and RFC 4180 quoting; one row per figure, year and part, and per breakdown category, then
 * the de-duplication rows. Column names are stable identifiers (the same in both languages); the
 * labels, category names and sentences are in `lang`. An empty value is "not reported".
 */
export const CSV_COLUMNS = [
  'country',
  'section',
  'figure_id',
  'label',
  'year',
  'part',
  'breakdown',
  'category',
  'category_label',
  'value',
  'statement',
  'indicator_id',
  'indicator_version',
  'checkpoint_seq',
  'checkpoint_hash',
  'as_of',
] as const;

export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReportCsv(report: AnnualReport, lang: ReportLang, config?: ReportConfig): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of reportRows(report, lang, config)) {
    const record: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      country: report.country,
      section: r.section,
      figure_id: r.figureId,
      label: r.label,
      year: r.year,
      part: r.part,
      breakdown: r.breakdown,
      category: r.category,
      category_label: r.categoryLabel,
      value: r.value,
      statement: r.statement,
      indicator_id: r.indicatorId,
      indicator_version: r.indicatorVersion,
      checkpoint_seq: report.checkpoint.seq,
      checkpoint_hash: report.checkpoint.hash,
      as_of: report.asOf,
    };
    lines.push(CSV_COLUMNS.map((c) => csvField(record[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
