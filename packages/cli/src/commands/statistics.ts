import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, toCsv } from '@ctis/core';
import { auditMicrodataExport, microdataExport } from '@ctis/api';
import { openRuntime } from '../runtime.ts';
import { systemScopedDb } from './shared.ts';

/**
 * `ctis statistics microdata --year 2017 --out victims-2017.csv`: the k-anonymous microdata of the
 * victims registered in the year (one row per de-duplicated person, CTDC/HTCDS columns, k = 11 over
 * every column), as GET /api/statistics/microdata.csv gives it; the export is audited. A summary
 * (rows, classes, records withheld) goes to stderr; no identity is ever read.
 */
export async function statisticsMicrodata(opts: { year: string; out: string; k?: string }): Promise<void> {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new InputError('--year', `"${opts.year}" is not a year — write it as 2017`);
  const k = opts.k === undefined ? undefined : Number(opts.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 11))
    throw new InputError('--k', `"${opts.k}" is not a whole number of at least 11`);
  const out = resolve(opts.out);
  const rt = await openRuntime({ exclusive: false });
  try {
    const asOf = new Date();
    const started = performance.now();
    const result = await microdataExport(rt.db, year, asOf, k);
    writeFileSync(out, toCsv(result.rows, result.columns), { mode: 0o600 });
    const scoped = systemScopedDb(rt, 'cli-statistics-microdata');
    await auditMicrodataExport(rt.db, scoped, year, asOf, result);
    console.error(
      `${result.stats.exported} rows (${result.stats.classes} classes of at least ${result.k}; ` +
        `${result.stats.withheld} of ${result.stats.input} persons withheld) written to ${out} ` +
        `in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await rt.close();
  }
}
