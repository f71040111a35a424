import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { loadProtectionDemo } from '../demo/protection/index.ts';
import { loadProsecutionDemo } from '../demo/prosecution/index.ts';
import { loadPreventionDemo } from '../demo/prevention/index.ts';
import { computeAnnualReport, figureValues, type AnnualReport } from './annual-report.ts';

interface StatedFigure {
  id: string;
  values: Record<string, number | null | Record<string, number | null>>;
  countries?: Record<string, number>;
  by_country_2017?: Record<string, number>;
}
const stated = (
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../../../shared/data/tip-figures-cambodia.json', import.meta.url)),
      'utf8',
    ),
  ) as { figures: StatedFigure[] }
).figures;

let t: TestApp;
let report: AnnualReport;
let loadedAt: Date;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date() });
  await loadProtectionDemo(t.t.db, t.config, t.keys);
  await loadProsecutionDemo(t.t.db, t.config, t.keys);
  await loadPreventionDemo(t.t.db, t.config, t.keys);
  loadedAt = new Date();
  report = await computeAnnualReport(t.t.db, t.config, { year: 2017, asOf: loadedAt });
}, 600_000);
afterAll(async () => t.close());

describe('the annual report on the demo data', () => {
  it('has a configured figure for every figure of the report', () => {
    const ids = report.figures.map((f) => f.id);
    expect(ids.sort()).toEqual(stated.map((f) => f.id).sort());
  });

  it.each(stated.map((f) => [f.id, f] as const))('%s: every stated value', (id, f) => {
    const mine = figureValues(report)[id]!;
    for (const [year, value] of Object.entries(f.values)) {
      // null: the government did not report it; CTIS computes it anyway (no stated value to match).
      if (value === null) continue;
      if (typeof value === 'number') expect(mine[year], `${id} ${year}`).toBe(value);
      else
        for (const [key, v] of Object.entries(value))
          if (v !== null) expect((mine[year] as Record<string, number>)?.[key], `${id} ${year} ${key}`).toBe(v);
    }
    const figure = report.figures.find((x) => x.id === id)!;
    if (f.by_country_2017) expect(figure.byCountry?.['2017']).toEqual(f.by_country_2017);
    for (const [year, n] of Object.entries(f.countries ?? {}))
      expect(Object.keys(figure.byCountry?.[year] ?? {}).length, `${id} countries ${year}`).toBe(n);
  });

  it('names the indicator version of each figure and the audit checkpoint it was computed at', async () => {
    for (const f of report.figures) expect(f.indicator.version).toBeGreaterThanOrEqual(1);
    const head = await t.t.owner
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(report.checkpoint).toEqual({ seq: Number(head.seq), hash: head.hash });
  });

  it('is reproducible: a later record changes today’s figure, not the figure as of the report', async () => {
    const before = figureValues(report)['prevention.border_passes_issued']!['2017'];
    await sql`SELECT 1`.execute(t.t.db);
    const s = await t.login('secretariat_officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registers/border_passes',
      headers: s.headers,
      payload: { crossing: 'Poipet', periodStart: '2017-12-01', periodEnd: '2017-12-31', issued: 25 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const again = await computeAnnualReport(t.t.db, t.config, { year: 2017, asOf: loadedAt });
    expect(figureValues(again)).toEqual(figureValues(report));
    expect(again.checkpoint).toEqual(report.checkpoint);
    const now = await computeAnnualReport(t.t.db, t.config, { year: 2017, asOf: new Date() });
    expect(figureValues(now)['prevention.border_passes_issued']!['2017']).toBe((before as number) + 25);
  });
});
