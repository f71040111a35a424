/**
 * Pure helpers over the annual report: the figures as chartable measures (a figure, or one named
 * part of it such as "participants"), their values by year, the years offered, the national count's
 * range. The numbers are the API's own: nothing here recomputes a figure.
 */
import type { AnnualReport, Deduplication, FigureValue, ReportFigure, StatsSection } from './types';

/** The report's sections, in the report's order (the country profile is not charted). */
export const SECTIONS: readonly Exclude<StatsSection, 'profile'>[] = ['prosecution', 'protection', 'prevention'];

/** The demo data's year, and the year the pages open on. */
export const DEFAULT_YEAR = 2017;
export const FIRST_YEAR = 2010;

/** A figure, or one named part of a figure with named counts (trainings and participants...). */
export interface Measure {
  /** "prosecution.individuals_prosecuted", or "prosecution.trainings_law_enforcement:participants". */
  readonly key: string;
  readonly figureId: string;
  /** '' for a plain count; else the name of the count (trainings, participants, KHR...). */
  readonly part: string;
  readonly section: StatsSection;
}

const YEAR = /^\d{4}$/;

/** The named parts a figure's values have over the years, in the order they first appear. */
export function figureParts(figure: Pick<ReportFigure, 'values'>): string[] {
  const parts: string[] = [];
  for (const [year, value] of Object.entries(figure.values)) {
    if (!YEAR.test(year) || value === null || typeof value !== 'object') continue;
    for (const part of Object.keys(value)) if (!parts.includes(part)) parts.push(part);
  }
  return parts;
}

export function measureKey(figureId: string, part: string): string {
  return part ? `${figureId}:${part}` : figureId;
}

/** Every chartable measure of the report's figures (not the profile), in the report's order. */
export function measuresOf(figures: readonly ReportFigure[]): Measure[] {
  return figures
    .filter((f) => f.section !== 'profile')
    .flatMap((f) => {
      const parts = figureParts(f);
      return (parts.length ? parts : ['']).map((part) => ({
        key: measureKey(f.id, part),
        figureId: f.id,
        part,
        section: f.section,
      }));
    });
}

/** One measure's number out of a year's value: null when not reported (or not that shape). */
export function partValue(value: FigureValue | undefined, part: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return part === '' ? value : null;
  return part === '' ? null : (value[part] ?? null);
}

/** A measure's value for a year in a report (the report's own number, or null: not reported). */
export function measureValue(report: Pick<AnnualReport, 'figures'>, measure: Measure, year: number): number | null {
  const figure = report.figures.find((f) => f.id === measure.figureId);
  return partValue(figure?.values[String(year)], measure.part);
}

/** The years a page offers: the newest first, from FIRST_YEAR to this year. */
export function statYears(now: Date = new Date()): number[] {
  const last = Math.max(now.getFullYear(), DEFAULT_YEAR);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/** A year from the address bar, or the default when missing or out of range. */
export function parseYear(param: string | null, now: Date = new Date()): number {
  const year = Number(param);
  return Number.isInteger(year) && statYears(now).includes(year) ? year : DEFAULT_YEAR;
}

/** The four years the "over the years" chart shows: two before `year` to one after (never past this year). */
export function trendYears(year: number, now: Date = new Date()): number[] {
  const end = Math.min(year + 1, Math.max(now.getFullYear(), year));
  return [end - 3, end - 2, end - 1, end];
}

/**
 * The national count's range: confirmed links only (the higher count), and if every proposed link
 * awaiting review were confirmed (the lower; older servers give only the number of proposals, each
 * lowering the count by at most one).
 */
export function nationalRange(d: Deduplication): { low: number; high: number } {
  const low = d.nationalDistinctIfProposed ?? Math.max(0, d.nationalDistinct - d.proposedLinks);
  return { low: Math.min(low, d.nationalDistinct), high: d.nationalDistinct };
}

/** The overlaps, the single agencies first ("MFAIC only"), then by how many agencies, then by name. */
export function sortedOverlaps(overlaps: Readonly<Record<string, number>>): [string[], number][] {
  return Object.entries(overlaps)
    .map(([key, n]): [string[], number] => [key.split('+').map((a) => a.trim()), n])
    .sort((a, b) => a[0].length - b[0].length || a[0].join('+').localeCompare(b[0].join('+')));
}

/** A country's rows of a by-country table: the report year's counts of each figure that has them. */
export function byCountryTable(
  figures: readonly ReportFigure[],
  year: number,
): { figures: ReportFigure[]; countries: string[]; count: (figureId: string, country: string) => number } {
  const withCountries = figures.filter((f) => Object.keys(f.byCountry?.[String(year)] ?? {}).length > 0);
  const totals = new Map<string, number>();
  for (const f of withCountries)
    for (const [c, n] of Object.entries(f.byCountry![String(year)]!)) totals.set(c, (totals.get(c) ?? 0) + n);
  const countries = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  return {
    figures: withCountries,
    countries,
    count: (figureId, country) => figures.find((f) => f.id === figureId)?.byCountry?.[String(year)]?.[country] ?? 0,
  };
}
