import { styleFigure, type CountryConfig } from '@ctis/core';
import type { AnnualReport as RenderableReport, ReportSection } from '../report/index.ts';
import type { AnnualReport } from './annual-report.ts';
import type { Deduplication } from './deduplication.ts';

/** The computed report with each figure's label and sentence in both languages, ready to render. */
export function renderable(report: AnnualReport, config: CountryConfig, dedup: Deduplication): RenderableReport {
  const lang = (l: Readonly<Record<string, string>>, want: string) => l[want] ?? l[config.languages[0]!] ?? '';
  return {
    country: report.country,
    year: report.year,
    previousYear: report.previousYear,
    asOf: report.asOf,
    checkpoint: report.checkpoint,
    figures: report.figures.map((f) => {
      const countries = f.byCountry
        ? Object.fromEntries(Object.entries(f.byCountry).map(([y, m]) => [y, Object.keys(m).length]))
        : undefined;
      const opts = {
        ...(countries && { countries }),
        ...(f.context && { context: f.context }),
        ...(f.qualifier && { qualifier: f.qualifier }),
      };
      return {
        id: f.id,
        section: f.section as ReportSection,
        indicator: { id: f.indicator.id, version: f.indicator.version },
        values: f.values,
        ...(f.byCountry && { byCountry: f.byCountry }),
        ...(f.breakdowns?.[String(report.year)] && { breakdowns: f.breakdowns[String(report.year)] }),
        label: { en: lang(f.label, 'en'), km: lang(f.label, 'km') },
        style: {
          en: styleFigure(f.values, report.year, report.previousYear, 'en', opts),
          km: styleFigure(f.values, report.year, report.previousYear, 'km', opts),
        },
      };
    }),
    deduplication: dedup,
  };
}
