import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { onlyProvince, startFigures, toCsv, type Actor } from '@ctis/core';
import { chainHeadAt, streamFacts } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';
import { problem } from '../../problem.ts';
import { renderReportCsv, renderReportHtml, renderReportPdf, renderReportXlsx } from '../../report/index.ts';
import { computeAnnualReport, type AnnualReport } from '../../statistics/annual-report.ts';
import { deduplicate } from '../../statistics/deduplication.ts';
import { auditMicrodataExport, microdataExport } from '../../statistics/microdata.ts';
import { renderable } from '../../statistics/renderable.ts';

const yearQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  asOf: z.iso.datetime({ offset: true }).optional(),
  province: z.string().optional(),
  lang: z.enum(['en', 'km']).default('en'),
});

/**
 * National statistics: the annual report (JSON, HTML, PDF, XLSX, CSV), each figure with its
 * indicator version and the audit checkpoint; provincial figures approved and accepted as frozen
 * snapshots, with the differences the records show since. Reads histories, never identities.
 */
export function statisticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx.deps;

  /** National readers choose a province or none; provincial readers always get their own. */
  const provinceFor = (actor: Actor, asked: string | undefined): string | null => {
    const national = actor.rules.some((x) => x.action === 'stats.read' && x.scope === 'national');
    if (national) {
      if (asked && !config.provinces.some((p) => p.code === asked))
        throw problem(400, 'invalid_input', 'Invalid input', `province: unknown province "${asked}"`);
      return asked ?? null;
    }
    if (!actor.province) throw problem(403, 'forbidden', 'Forbidden', 'Your statistics scope has no province.');
    if (asked && asked !== actor.province) throw problem(404, 'not_found', 'Not found', 'No such statistics.');
    return actor.province;
  };

  async function compute(year: number, asOf: Date, province: string | null): Promise<AnnualReport> {
    if (province === null) return computeAnnualReport(db, config, { year, asOf });
    const provinceOf = (id: string) => config.organisations.find((o) => o.id === id)?.province ?? null;
    const run = startFigures(config.statistics.figures, config);
    await streamFacts(db, asOf, onlyProvince(run, province, provinceOf));
    return {
      country: config.country,
      year,
      previousYear: year - 1,
      asOf: asOf.toISOString(),
      checkpoint: await chainHeadAt(db, asOf),
      figures: run.finish([String(year), String(year - 1)]),
    };
  }

  async function annual(request: FastifyRequest, q: z.infer<typeof yearQuery>) {
    const province = provinceFor(request.actor!, q.province);
    const asOf = q.asOf ? new Date(q.asOf) : ctx.now();
    const report = await compute(q.year, asOf, province);
    const dedup = await deduplicate(db, report.figures, q.year, asOf);
    await request.scopedDb!.transaction((tx) =>
      tx.audit({
        action: 'stats.report',
        resourceType: 'statistics',
        resourceId: null,
        rule: null,
        reason: null,
        details: { year: q.year, province, checkpointSeq: report.checkpoint.seq },
      }),
    );
    return { report: renderable(report, config, dedup), province };
  }

  r.get(
    '/api/statistics/annual',
    { config: { policy: needs('stats.read') }, schema: { tags: ['statistics'], querystring: yearQuery } },
    async (request) => {
      const { report, province } = await annual(request, request.query);
      // Person ids behind figures never leave the server.
      return { ...report, province };
    },
  );

  r.get(
    '/api/statistics/annual.:format',
    {
      config: { policy: needs('stats.read') },
      schema: {
        tags: ['statistics'],
        params: z.object({ format: z.enum(['html', 'pdf', 'xlsx', 'csv']) }),
        querystring: yearQuery,
      },
    },
    async (request, reply) => {
      const { report } = await annual(request, request.query);
      const lang = request.query.lang;
      const name = `ctis-annual-report-${report.country}-${report.year}-${lang}`;
      switch (request.params.format) {
        case 'html':
          return reply.type('text/html; charset=utf-8').send(renderReportHtml(report, lang, config));
        case 'pdf':
          return reply
            .type('application/pdf')
            .header('content-disposition', `attachment; filename="${name}.pdf"`)
            .send(await renderReportPdf(report, lang, config));
        case 'xlsx':
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send(await renderReportXlsx(report, lang));
        case 'csv':
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(renderReportCsv(report, lang, config));
      }
    },
  );

  // The k-anonymous microdata of the victims registered in a year (CTDC/HTCDS columns): national
  // readers only, since a province's export would be a different, smaller population.
  r.get(
    '/api/statistics/microdata.csv',
    {
      config: { policy: needs('stats.read') },
      schema: {
        tags: ['statistics'],
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      if (!actor.rules.some((x) => x.action === 'stats.read' && x.scope === 'national'))
        throw problem(403, 'forbidden', 'Forbidden', 'Microdata are exported for the whole country only.');
      const year = request.query.year;
      const asOf = ctx.now();
      const out = await microdataExport(db, year, asOf);
      await auditMicrodataExport(db, request.scopedDb!, year, asOf, out);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ctis-microdata-${config.country}-${year}.csv"`)
        .header('cache-control', 'no-store')
        .send(toCsv(out.rows, out.columns));
    },
  );

  snapshotRoutes(app, ctx, compute);
}

function snapshotRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  compute: (year: number, asOf: Date, province: string | null) => Promise<AnnualReport>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.uuid() });
  const valuesOf = (rep: AnnualReport) => Object.fromEntries(rep.figures.map((f) => [f.id, f.values]));

  r.post(
    '/api/statistics/snapshots',
    {
      config: { policy: needs('stats.approve') },
      schema: { tags: ['statistics'], body: z.object({ year: z.number().int().min(1990).max(2100) }) },
    },
    async (request, reply) => {
      const province = request.actor!.province;
      if (!province) throw problem(403, 'forbidden', 'Forbidden', 'Only a provincial committee approves its figures.');
      const asOf = ctx.now();
      const report = await compute(request.body.year, asOf, province);
      const snapshot = await request.scopedDb!.transaction((tx) =>
        tx.snapshots.approve({
          province,
          year: request.body.year,
          asOf,
          checkpoint: report.checkpoint,
          figures: valuesOf(report),
        }),
      );
      return reply.status(201).send({ snapshot });
    },
  );

  r.get(
    '/api/statistics/snapshots',
    {
      config: { policy: needs('stats.read') },
      schema: { tags: ['statistics'], querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }) },
    },
    async (request) => ({
      snapshots: await request.scopedDb!.transaction((tx) => tx.snapshots.list(request.query.year)),
    }),
  );

  r.get(
    '/api/statistics/snapshots/:id',
    { config: { policy: needs('stats.read') }, schema: { tags: ['statistics'], params: idParams } },
    async (request) => {
      const snapshot = await request.scopedDb!.transaction((tx) => tx.snapshots.get(request.params.id));
      // Later changes to the records show as differences against the frozen figures, never as edits.
      const now = await compute(snapshot.year, ctx.now(), snapshot.province);
      const frozen = snapshot.figures as Record<string, Record<string, unknown>>;
      const current = valuesOf(now);
      const differences = Object.keys(current).flatMap((id) =>
        Object.keys(current[id]!)
          .filter((y) => JSON.stringify(current[id]![y]) !== JSON.stringify(frozen[id]?.[y]))
          .map((y) => ({ figureId: id, year: y, snapshot: frozen[id]?.[y] ?? null, now: current[id]![y] })),
      );
      return { snapshot, differences };
    },
  );

  r.post(
    '/api/statistics/snapshots/:id/accept',
    { config: { policy: needs('stats.accept') }, schema: { tags: ['statistics'], params: idParams } },
    async (request) => ({
      snapshot: await request.scopedDb!.transaction((tx) => tx.snapshots.accept(request.params.id)),
    }),
  );
}
