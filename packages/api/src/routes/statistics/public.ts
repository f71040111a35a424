import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishList, publishTable, suppress, suppressList, type CountryConfig } from '@ctis/core';
import type { AppContext } from '../../context.ts';
import { isPublic } from '../../policy.ts';
import { computeAnnualReport, type AnnualReport } from '../../statistics/annual-report.ts';

/** A public computation reads every history: one per year per few minutes is plenty. */
const CACHE_MS = 5 * 60_000;

/**
 * Published statistics, no login: the report's figures for a year with counts from 1 to the
 * configured threshold suppressed, and the by-country tables of the agency figures with secondary
 * suppression, so that no suppressed cell can be recomputed from the totals. No identities; agencies
 * that are NGOs are named only when the configuration says so.
 */
export function publicStatisticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new Map<number, { at: number; body: ReturnType<typeof publish> }>();

  r.get(
    '/api/public/statistics',
    {
      config: { policy: isPublic, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags: ['public'],
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
      },
    },
    async (request) => {
      const year = request.query.year;
      const hit = cache.get(year);
      if (hit && ctx.now().getTime() - hit.at < CACHE_MS) return hit.body;
      const report = await computeAnnualReport(ctx.deps.db, ctx.deps.config, { year, asOf: ctx.now() });
      const body = publish(report, ctx.deps.config);
      cache.set(year, { at: ctx.now().getTime(), body });
      return body;
    },
  );
}

export function publish(report: AnnualReport, config: CountryConfig) {
  const threshold = config.statistics.suppressionThreshold;
  const years = [String(report.year), String(report.previousYear)];
  const figures = report.figures
    .filter((f) => f.section !== 'profile')
    .map((f) => {
      // One figure's values as a list (each year, each part), suppressed together.
      const labels: string[] = [];
      const counts: number[] = [];
      for (const y of years) {
        const add = (label: string, n: number) => {
          labels.push(label);
          counts.push(n);
        };
        const v = f.values[y];
        if (typeof v === 'number') add(y, v);
        else if (v && typeof v === 'object')
          for (const [k, n] of Object.entries(v)) if (typeof n === 'number') add(`${y}.${k}`, n);
      }
      const published = publishList(suppressList({ labels, counts }, { threshold }));
      return {
        id: f.id,
        section: f.section,
        label: f.label,
        indicator: { id: f.indicator.id, version: f.indicator.version },
        values: Object.fromEntries(labels.map((l, i) => [l, published.cells[i]!])),
      };
    });
  // Repatriations and assistance by country and agency, with row and column totals.
  const agencyFigures = report.figures.filter((f) => f.agency && f.byCountry?.[String(report.year)]);
  const countries = [...new Set(agencyFigures.flatMap((f) => Object.keys(f.byCountry![String(report.year)]!)))].sort();
  const byCountry =
    agencyFigures.length === 0
      ? null
      : publishTable(
          suppress(
            {
              rows: countries,
              columns: agencyFigures.map((f) => f.id),
              counts: countries.map((c) => agencyFigures.map((f) => f.byCountry![String(report.year)]![c] ?? 0)),
            },
            { threshold },
          ),
        );
  return {
    country: report.country,
    year: report.year,
    previousYear: report.previousYear,
    asOf: report.asOf,
    checkpoint: report.checkpoint,
    suppressionThreshold: threshold,
    figures,
    byCountry,
  };
}
