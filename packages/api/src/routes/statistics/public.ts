import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishList, publishTable, suppress, suppressList, type ComputedFigure, type CountryConfig } from '@ctis/core';
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

/** What an aggregated NGO row is called: no organisation is named. */
const NGOS: Readonly<Record<string, string>> = { en: 'NGOs', km: 'អង្គការមិនមែនរដ្ឋាភិបាល' };

/** One row of the per-agency table: a government body by name, an NGO by name only when configured. */
export interface PublicAgencyRow {
  readonly id: string;
  /** The agency as the report names it ("MFAIC", "MOSAVY"), or "NGOs" when NGO names are hidden. */
  readonly agency: string;
  readonly name: Readonly<Record<string, string>>;
  /** The figure (or, for NGOs aggregated, the kind of figure) counted. */
  readonly figure: Readonly<Record<string, string>>;
  readonly ngo: boolean;
}

export function publish(report: AnnualReport, config: CountryConfig) {
  const threshold = config.statistics.suppressionThreshold;
  const showNgoNames = config.statistics.publishNgoNames;
  const year = String(report.year);
  const years = [year, String(report.previousYear)];
  const redact = ngoRedactor(config, showNgoNames);
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
        label: redact(f.label),
        indicator: { id: f.indicator.id, version: f.indicator.version },
        values: Object.fromEntries(labels.map((l, i) => [l, published.cells[i]!])),
      };
    });

  // The agency figures (repatriations by MFAIC, by MOSAVY, NGO assistance…), one row per agency;
  // NGOs together as "NGOs" unless the configuration publishes their names.
  const groups = agencyGroups(report, config, showNgoNames, redact);
  const total = (g: AgencyGroup, y: string) =>
    g.figures.reduce((sum, f) => sum + (typeof f.values[y] === 'number' ? (f.values[y] as number) : 0), 0);
  const agencies =
    groups.length === 0
      ? null
      : {
          rows: groups.map((g) => g.row),
          table: publishTable(
            suppress(
              {
                rows: groups.map((g) => g.row.id),
                columns: years,
                counts: groups.map((g) => years.map((y) => total(g, y))),
              },
              { threshold },
            ),
          ),
        };

  // Repatriations and assistance by country and agency, with row and column totals.
  const withCountries = groups.filter((g) => g.figures.some((f) => f.byCountry?.[year]));
  const countries = [
    ...new Set(withCountries.flatMap((g) => g.figures.flatMap((f) => Object.keys(f.byCountry?.[year] ?? {})))),
  ].sort();
  const byCountry =
    withCountries.length === 0
      ? null
      : publishTable(
          suppress(
            {
              rows: countries,
              columns: withCountries.map((g) => g.row.id),
              counts: countries.map((c) =>
                withCountries.map((g) => g.figures.reduce((sum, f) => sum + (f.byCountry?.[year]?.[c] ?? 0), 0)),
              ),
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
    agencies,
    byCountry,
  };
}

interface AgencyGroup {
  readonly row: PublicAgencyRow;
  readonly figures: ComputedFigure[];
}

/**
 * The figures configured with an `agency`, grouped into rows: each government body's figure is a row
 * named after the body; each NGO's figure likewise when NGO names are published, else the NGO figures
 * of one indicator are summed into a single "NGOs" row.
 */
function agencyGroups(
  report: AnnualReport,
  config: CountryConfig,
  showNgoNames: boolean,
  redact: (label: Readonly<Record<string, string>>) => Readonly<Record<string, string>>,
): AgencyGroup[] {
  const groups: AgencyGroup[] = [];
  const ngoGroups = new Map<string, AgencyGroup>();
  for (const f of report.figures) {
    if (!f.agency) continue;
    const params = config.statistics.figures.find((d) => d.id === f.id)?.params ?? {};
    const organisationId = typeof params['organisationId'] === 'string' ? params['organisationId'] : undefined;
    const org = config.organisations.find((o) => o.id === organisationId);
    const ngo = org?.type === 'ngo';
    if (ngo && !showNgoNames) {
      const key = `ngos.${f.indicator.id}`;
      const group = ngoGroups.get(key);
      if (group) group.figures.push(f);
      else {
        const created = {
          row: { id: key, agency: NGOS['en']!, name: NGOS, figure: redact(f.label), ngo },
          figures: [f],
        };
        ngoGroups.set(key, created);
        groups.push(created);
      }
      continue;
    }
    const name = org ? { ...org.name } : { en: f.agency };
    const agency = ngo ? (org?.shortName ?? org?.name['en'] ?? f.agency) : f.agency;
    groups.push({ row: { id: f.id, agency, name, figure: f.label, ngo }, figures: [f] });
  }
  return groups;
}

/** Replaces every NGO's name, short name and id in a label by "NGOs" (unless NGO names are published). */
function ngoRedactor(config: CountryConfig, showNgoNames: boolean) {
  const names = showNgoNames
    ? []
    : config.organisations
        .filter((o) => o.type === 'ngo')
        .flatMap((o) => [...Object.values(o.name), ...(o.shortName ? [o.shortName] : []), o.id])
        .filter((n) => n.length > 0)
        .sort((a, b) => b.length - a.length);
  return (label: Readonly<Record<string, string>>): Readonly<Record<string, string>> => {
    if (names.length === 0) return label;
    return Object.fromEntries(
      Object.entries(label).map(([lang, text]) => [
        lang,
        names.reduce((t, n) => t.split(n).join(NGOS[lang] ?? NGOS['en']!), text),
      ]),
    );
  };
}
