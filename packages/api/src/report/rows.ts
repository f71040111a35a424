import { agencyLabel, categoryLabel, overlapLabel, TEXTS, type ReportConfig } from './texts.ts';
import type { AnnualReport, ReportFigure, ReportFigureValue, ReportLang } from './types.ts';

/**
 * The report as flat rows (CSV, spreadsheet): one row per figure, per year and per named part
 * (e.g. KHR and USD, trainings and participants), and one per breakdown category; then the
 * de-duplication table as rows of the pseudo-section "deduplication".
 */
export interface ReportRow {
  readonly section: string;
  readonly figureId: string;
  readonly label: string;
  readonly year: number;
  /** '' for a plain count; the key of a named count (KHR, trainings...). */
  readonly part: string;
  /** '' for the figure's own value; else the dimension (country, province, sex, agency...). */
  readonly breakdown: string;
  readonly category: string;
  readonly categoryLabel: string;
  /** null: not reported. */
  readonly value: number | null;
  /** The styled sentence, on the figure's own rows for the report year. */
  readonly statement: string;
  readonly indicatorId: string;
  readonly indicatorVersion: number | null;
}

/**
 * The national count's range: confirmed links only (high), and if every proposed link were
 * confirmed (low: each link merges at most two clusters, so lowers the count by at most one).
 */
export function nationalDistinctRange(d: AnnualReport['deduplication']): { low: number; high: number } {
  return { low: Math.max(0, d.nationalDistinct - d.proposedLinks), high: d.nationalDistinct };
}

const YEAR = /^\d{4}$/;

/** The years a figure has values for: the report year first, then the previous year, then others (newest first). */
export function figureYears(f: ReportFigure, report: AnnualReport): string[] {
  const years = Object.keys(f.values).filter((y) => YEAR.test(y));
  const rank = (y: string) => (y === String(report.year) ? 0 : y === String(report.previousYear) ? 1 : 2);
  return years.sort((a, b) => rank(a) - rank(b) || Number(b) - Number(a));
}

/** The parts of one value: [['', 207]] or [['KHR', 4.9e9], ['USD', 1.2e6]]. */
export function valueParts(value: ReportFigureValue | undefined): [string, number | null][] {
  if (value === undefined || value === null || typeof value === 'number') return [['', value ?? null]];
  return Object.entries(value);
}

export function figureRows(report: AnnualReport, lang: ReportLang, config?: ReportConfig): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const f of report.figures) {
    const base = {
      section: f.section,
      figureId: f.id,
      label: f.label[lang],
      indicatorId: f.indicator.id,
      indicatorVersion: f.indicator.version,
    };
    const years = figureYears(f, report);
    if (years.length === 0) {
      // Not keyed by year (a profile figure such as { count: 25 }): the report year's value.
      for (const [part, value] of valueParts(f.values as ReportFigureValue))
        rows.push({
          ...base,
          year: report.year,
          part,
          breakdown: '',
          category: '',
          categoryLabel: '',
          value,
          statement: f.style[lang],
        });
    }
    for (const y of years)
      for (const [part, value] of valueParts(f.values[y]))
        rows.push({
          ...base,
          year: Number(y),
          part,
          breakdown: '',
          category: '',
          categoryLabel: '',
          value,
          statement: y === String(report.year) ? f.style[lang] : '',
        });
    for (const [y, counts] of Object.entries(f.byCountry ?? {}).sort((a, b) => Number(b[0]) - Number(a[0])))
      for (const [code, value] of Object.entries(counts))
        rows.push({
          ...base,
          year: Number(y),
          part: '',
          breakdown: 'country',
          category: code,
          categoryLabel: categoryLabel('country', code, lang, config),
          value,
          statement: '',
        });
    for (const [dimension, counts] of Object.entries(f.breakdowns ?? {}))
      for (const [code, value] of Object.entries(counts))
        rows.push({
          ...base,
          year: report.year,
          part: '',
          breakdown: dimension,
          category: code,
          categoryLabel: categoryLabel(dimension, code, lang, config),
          value,
          statement: '',
        });
  }
  return rows;
}

export const DEDUP_IDS = {
  agencies: 'deduplication.agency_count',
  overlaps: 'deduplication.overlap',
  nationalDistinct: 'deduplication.national_distinct',
  lowerBound: 'deduplication.national_distinct_if_proposed_confirmed',
  confirmedLinks: 'deduplication.confirmed_links',
  proposedLinks: 'deduplication.proposed_links',
} as const;

export function deduplicationRows(report: AnnualReport, lang: ReportLang, config?: ReportConfig): ReportRow[] {
  const t = TEXTS[lang];
  const d = report.deduplication;
  const base = {
    section: 'deduplication',
    year: d.year,
    part: '',
    statement: '',
    indicatorId: '',
    indicatorVersion: null,
  };
  const { low } = nationalDistinctRange(d);
  const one = (figureId: string, label: string, value: number): ReportRow => ({
    ...base,
    figureId,
    label,
    breakdown: '',
    category: '',
    categoryLabel: '',
    value,
  });
  return [
    ...Object.entries(d.agencies).map(([a, value]) => ({
      ...base,
      figureId: DEDUP_IDS.agencies,
      label: t.personsRecorded,
      breakdown: 'agency',
      category: a,
      categoryLabel: agencyLabel(a, lang, config),
      value,
    })),
    ...Object.entries(d.overlaps).map(([k, value]) => ({
      ...base,
      figureId: DEDUP_IDS.overlaps,
      label: t.overlaps,
      breakdown: 'agencies',
      category: k,
      categoryLabel: overlapLabel(k, lang, config),
      value,
    })),
    one(DEDUP_IDS.nationalDistinct, t.nationalDistinct, d.nationalDistinct),
    one(DEDUP_IDS.lowerBound, t.lowerBound, low),
    one(DEDUP_IDS.confirmedLinks, t.confirmedLinks, d.confirmedLinks),
    one(DEDUP_IDS.proposedLinks, t.proposedLinks, d.proposedLinks),
  ];
}

/** Every row of the report: the figures, then the de-duplication table. */
export function reportRows(report: AnnualReport, lang: ReportLang, config?: ReportConfig): ReportRow[] {
  return [...figureRows(report, lang, config), ...deduplicationRows(report, lang, config)];
}
