import { InputError } from '@ctis/core';
import { computeAnnualReport, deduplicate } from '@ctis/api';
import { openRuntime } from '../runtime.ts';

const FORMATS = ['json'] as const;

/**
 * `ctis report annual --year 2017 [--as-of <ISO time>] --format json`: the annual report's figures,
 * keyed by figure id, each with its values for the year and the year before, the indicator and its
 * version, and the audit checkpoint they were computed at.
 */
export async function reportAnnual(opts: { year: string; format: string; asOf?: string }): Promise<void> {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new InputError('--year', `"${opts.year}" is not a year — write it as 2017`);
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new InputError('--format', `"${opts.format}" is not one of: ${FORMATS.join(', ')}`);
  const asOf = opts.asOf === undefined ? undefined : new Date(opts.asOf);
  if (asOf && Number.isNaN(asOf.getTime()))
    throw new InputError('--as-of', `"${opts.asOf}" is not a time — write it as 2018-03-31T00:00:00Z`);
  const rt = await openRuntime({ exclusive: false });
  try {
    const started = performance.now();
    const report = await computeAnnualReport(rt.db, rt.config, { year, ...(asOf && { asOf }) });
    const figures = Object.fromEntries(
      report.figures.map((f) => [
        f.id,
        {
          section: f.section,
          values: f.values,
          ...(f.byCountry && { byCountry: f.byCountry }),
          ...(f.context && { context: f.context }),
          indicator: { id: f.indicator.id, version: f.indicator.version },
        },
      ]),
    );
    const deduplication = await deduplicate(rt.db, report.figures, year, new Date(report.asOf));
    const { figures: _f, ...meta } = report;
    console.log(JSON.stringify({ ...meta, figures, deduplication }, null, 2));
    // On stderr, so the JSON on stdout stays clean.
    console.error(`computed in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await rt.close();
  }
}
