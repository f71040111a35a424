import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import { figureYears, reportRows, valueParts } from './rows.ts';
import { shortHash, TEXTS, type ReportConfig } from './texts.ts';
import type { AnnualReport, ReportLang } from './types.ts';

/**
 * The report as a workbook: "Figures" (one row per figure and part: the report year and the
 * previous year side by side, the sentence, the indicator and version, the checkpoint),
 * "Breakdowns" (by country and other dimensions), "De-duplication" and "About" (country, years,
 * as-of, checkpoint). Numbers are number cells; an empty cell is "not reported".
 */

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });

export async function renderReportXlsx(report: AnnualReport, lang: ReportLang, config?: ReportConfig): Promise<Buffer> {
  const t = TEXTS[lang];
  const c = t.columns;
  const y = String(report.year);
  const py = String(report.previousYear);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? null : v);

  const figures: Row[] = [
    [
      c.section,
      c.figure,
      c.label,
      c.part,
      y,
      py,
      c.statement,
      c.indicator,
      c.version,
      c.checkpointSeq,
      c.checkpointHash,
    ].map(bold),
  ];
  for (const f of report.figures) {
    const years = figureYears(f, report);
    // Parts of either year, in order of first appearance (a profile figure is not keyed by year).
    const byYear = years.length ? f.values : { [y]: f.values as never };
    const parts = [...new Set([y, py].flatMap((yr) => (yr in byYear ? valueParts(byYear[yr]).map(([p]) => p) : [])))];
    for (const part of parts.length ? parts : ['']) {
      const at = (yr: string) => {
        if (!(yr in byYear)) return null;
        const found = valueParts(byYear[yr]).find(([p]) => p === part);
        return num(found?.[1]);
      };
      figures.push([
        t.sections[f.section],
        f.id,
        f.label[lang],
        part,
        at(y),
        at(py),
        f.style[lang],
        f.indicator.id,
        f.indicator.version,
        report.checkpoint.seq,
        report.checkpoint.hash,
      ]);
    }
  }

  const all = reportRows(report, lang, config);
  const breakdowns: Row[] = [
    [
      c.figure,
      c.label,
      c.year,
      c.breakdown,
      c.category,
      c.categoryLabel,
      c.value,
      c.indicator,
      c.version,
      c.checkpointSeq,
    ].map(bold),
    ...all
      .filter((r) => r.breakdown !== '' && r.section !== 'deduplication')
      .map((r): Row => [
        r.figureId,
        r.label,
        r.year,
        r.breakdown,
        r.category,
        r.categoryLabel,
        r.value,
        r.indicatorId,
        r.indicatorVersion,
        report.checkpoint.seq,
      ]),
  ];

  const dedup: Row[] = [
    [c.figure, c.label, c.year, c.key, c.categoryLabel, c.count].map(bold),
    ...all
      .filter((r) => r.section === 'deduplication')
      .map((r): Row => [r.figureId, r.label, r.year, r.category, r.categoryLabel, r.value]),
  ];

  const about: Row[] = [
    [c.field, c.value].map(bold),
    [t.title, `${t.title} ${y}`],
    [t.country, report.country],
    [t.reportingYear, report.year],
    [t.comparedWith('').trim(), report.previousYear],
    [t.asOf, report.asOf],
    [c.checkpointSeq, report.checkpoint.seq],
    [c.checkpointHash, report.checkpoint.hash],
    [t.checkpoint, `#${report.checkpoint.seq} · ${shortHash(report.checkpoint.hash)}`],
  ];

  const sheets: Sheet<never>[] = [
    {
      data: figures,
      sheet: t.sheetFigures,
      columns: widths([16, 40, 44, 14, 14, 14, 48, 28, 10, 12, 20]),
      stickyRowsCount: 1,
    },
    {
      data: breakdowns,
      sheet: t.sheetBreakdowns,
      columns: widths([40, 40, 8, 14, 12, 26, 10, 28, 10, 12]),
      stickyRowsCount: 1,
    },
    { data: dedup, sheet: t.sheetDeduplication, columns: widths([44, 48, 8, 24, 40, 10]), stickyRowsCount: 1 },
    { data: about, sheet: t.sheetAbout, columns: widths([36, 70]) },
  ];
  return writeXlsxFile(sheets).toBuffer();
}

function widths(list: number[]) {
  return list.map((width) => ({ width }));
}
