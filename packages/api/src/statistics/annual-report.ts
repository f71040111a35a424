import { startFigures, type ComputedFigure, type CountryConfig } from '@ctis/core';
import { chainHeadAt, streamFacts, type Database } from '@ctis/db';
import type { Kysely } from 'kysely';

export interface AnnualReport {
  readonly country: string;
  readonly year: number;
  readonly previousYear: number;
  /** The history was read up to this time; the same time gives the same figures. */
  readonly asOf: string;
  /** The audit chain's head at `asOf`. */
  readonly checkpoint: { readonly seq: number; readonly hash: string };
  readonly figures: readonly ComputedFigure[];
}

/**
 * The annual report's figures for `year` with the previous year beside each, computed by the
 * configured indicators from the history as it stood at `asOf` (default: now).
 */
export async function computeAnnualReport(
  db: Kysely<Database>,
  config: CountryConfig,
  opts: { year: number; asOf?: Date },
): Promise<AnnualReport> {
  const asOf = opts.asOf ?? new Date();
  const run = startFigures(config.statistics.figures, config);
  await streamFacts(db, asOf, run);
  const years = [String(opts.year), String(opts.year - 1)];
  return {
    country: config.country,
    year: opts.year,
    previousYear: opts.year - 1,
    asOf: asOf.toISOString(),
    checkpoint: await chainHeadAt(db, asOf),
    figures: run.finish(years),
  };
}

/** `{ figureId: { "2017": value, "2016": value } }`: the shape of tip-figures-cambodia.json's values. */
export function figureValues(report: AnnualReport): Record<string, ComputedFigure['values']> {
  return Object.fromEntries(report.figures.map((f) => [f.id, f.values]));
}
