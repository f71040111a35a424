import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverable, type ComputedFigure, type CountryConfig } from '@ctis/core';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  addSuspect,
  charge,
  evidence,
  get,
  openInvestigation,
  recordOk,
} from '../criminal-cases/criminal-case-test-kit.ts';
import { publish } from './public.ts';
import { computeAnnualReport, type AnnualReport } from '../../statistics/annual-report.ts';

let t: TestApp;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  const investigator = await t.login('investigator');
  const prosecutor = await t.login('prosecutor');
  const c = await openInvestigation(t, investigator);
  const s = await addSuspect(t, investigator, c.id);
  personId = s.personId;
  await recordOk(t, investigator, c.id, evidence());
  await recordOk(t, prosecutor, c.id, charge(s.suspectId));
});
afterAll(async () => t.close());

describe('GET /api/public/statistics', () => {
  it('answers without a session; a count of 1 is suppressed; no identity or person id', async () => {
    const res = await get(t, null, '/api/public/statistics?year=2017');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.suppressionThreshold).toBe(10);
    const prosecuted = body.figures.find((f: { id: string }) => f.id === 'prosecution.individuals_prosecuted');
    expect(prosecuted.values['2017']).toEqual({ suppressed: true });
    expect(res.body).not.toContain(personId);
    expect(res.body).not.toContain('Heng');
    expect(res.body).not.toMatch(/"persons"/);
  });
});

describe('publish: small cells and their complements are suppressed', () => {
  const figure = (id: string, agency: string, byCountry: Record<string, number>): ComputedFigure => ({
    id,
    section: 'protection',
    indicator: { id: 'repatriations_completed', version: 1, rule: '' },
    label: { en: id },
    values: { 2017: Object.values(byCountry).reduce((a, b) => a + b, 0), 2016: 0 },
    byCountry: { 2017: byCountry },
    agency,
  });
  const report: AnnualReport = {
    country: 'KHM',
    year: 2017,
    previousYear: 2016,
    asOf: '2018-01-01T00:00:00.000Z',
    checkpoint: { seq: 1, hash: 'x' },
    figures: [
      figure('a', 'MFAIC', { MYS: 382, THA: 288, MMR: 3, JPN: 12 }),
      figure('b', 'MOSAVY', { MYS: 114, THA: 45, MMR: 0, JPN: 6 }),
    ],
  };

  it('hides 1..10 and enough other cells that none can be recomputed from the totals', () => {
    const out = publish(report, t.config);
    const table = out.byCountry!;
    const cell = (row: string, col: string) => table.cells[table.rows.indexOf(row)]![table.columns.indexOf(col)]!;
    expect(cell('MMR', 'a')).toEqual({ suppressed: true });
    expect(cell('JPN', 'b')).toEqual({ suppressed: true });
    expect(cell('MYS', 'a')).toEqual({ value: 382 });
    expect(recoverable(table)).toEqual([]);
  });
});

/** Every way the configuration names an NGO: names in each language, short names, ids. */
const ngoNames = (config: CountryConfig) =>
  config.organisations
    .filter((o) => o.type === 'ngo')
    .flatMap((o) => [...Object.values(o.name), ...(o.shortName ? [o.shortName] : []), o.id]);
const withNgoNames = (config: CountryConfig, on: boolean): CountryConfig => ({
  ...config,
  statistics: { ...config.statistics, publishNgoNames: on },
});

describe('per-agency figures: government bodies by name, NGOs only when configured', () => {
  it('by default no NGO is named anywhere in the published JSON; the NGO figures read "NGOs"', async () => {
    expect(t.config.statistics.publishNgoNames).toBe(false);
    const names = ngoNames(t.config);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const res = await get(t, null, '/api/public/statistics?year=2016');
    expect(res.statusCode, res.body).toBe(200);
    for (const name of names) expect(res.body, name).not.toContain(name);
    const rows = res.json().agencies.rows as { id: string; agency: string; ngo: boolean; name: { en: string } }[];
    expect(rows.map((r) => r.agency)).toEqual(expect.arrayContaining(['MFAIC', 'MOSAVY', 'NGOs']));
    expect(rows.find((r) => r.agency === 'MFAIC')!.name.en).toBe(
      t.config.organisations.find((o) => o.id === 'mfaic-consular')!.name.en,
    );
    expect(rows.filter((r) => r.ngo).every((r) => r.agency === 'NGOs' && r.name.en === 'NGOs')).toBe(true);
    const table = res.json().agencies.table;
    expect(table.rows).toEqual(rows.map((r) => r.id));
    expect(table.columns).toEqual(['2016', '2015']);
  });

  it('with statistics.publishNgoNames the NGO’s name appears', async () => {
    const report = await computeAnnualReport(t.t.db, t.config, { year: 2017 });
    const json = JSON.stringify(publish(report, withNgoNames(t.config, true)));
    expect(json).toContain('Chab Dai Coalition');
    expect(json).not.toContain('"agency":"NGOs"');
    const hidden = JSON.stringify(publish(report, withNgoNames(t.config, false)));
    for (const name of ngoNames(t.config)) expect(hidden, name).not.toContain(name);
  });

  it('small agency counts are suppressed, with complements, whether NGOs are named or summed', () => {
    // A configuration whose agency figures name MFAIC, MOSAVY and two NGOs (one indicator).
    const definitions = [
      ['a', 'repatriations_completed', 'mfaic-consular', 'MFAIC'],
      ['b', 'repatriations_completed', 'mosavy', 'MOSAVY'],
      ['c', 'victims_assisted', 'chab-dai', 'NGO'],
      ['d', 'victims_assisted', 'hagar-cambodia', 'NGO'],
    ] as const;
    const config = (on: boolean): CountryConfig => ({
      ...withNgoNames(t.config, on),
      statistics: {
        ...withNgoNames(t.config, on).statistics,
        figures: definitions.map(([id, indicator, organisationId, agency]) => ({
          id,
          section: 'protection' as const,
          indicator,
          params: { organisationId, agency },
          // A careless label naming the NGO is published without the name.
          label: { en: id === 'c' ? 'Victims assisted by Chab Dai Coalition' : `Figure ${id}` },
        })),
      },
    });
    const fig = (id: string, indicator: string, agency: string, y2017: number, y2016: number): ComputedFigure => ({
      id,
      section: 'protection',
      indicator: { id: indicator, version: 1, rule: '' },
      label: config(true).statistics.figures.find((f) => f.id === id)!.label,
      values: { 2017: y2017, 2016: y2016 },
      agency,
    });
    const report: AnnualReport = {
      country: 'KHM',
      year: 2017,
      previousYear: 2016,
      asOf: '2018-01-01T00:00:00.000Z',
      checkpoint: { seq: 1, hash: 'x' },
      figures: [
        fig('a', 'repatriations_completed', 'MFAIC', 986, 815),
        fig('b', 'repatriations_completed', 'MOSAVY', 243, 120),
        fig('c', 'victims_assisted', 'NGO', 4, 230),
        fig('d', 'victims_assisted', 'NGO', 3, 160),
      ],
    };
    const cell = (table: ReturnType<typeof publish>['agencies'] & object, row: string, col: string) =>
      table.table.cells[table.table.rows.indexOf(row)]![table.table.columns.indexOf(col)]!;

    const hidden = publish(report, config(false)).agencies!;
    expect(hidden.rows.map((r) => r.agency)).toEqual(['MFAIC', 'MOSAVY', 'NGOs']);
    expect(cell(hidden, 'ngos.victims_assisted', '2017')).toEqual({ suppressed: true }); // 4 + 3 = 7
    // A complement is hidden too (else 7 = the row total minus 390, or the year's total minus 986 and 243).
    const hiddenCells = hidden.table.cells.flat().filter((c) => 'suppressed' in c).length;
    expect(hiddenCells).toBeGreaterThanOrEqual(2);
    expect(recoverable(hidden.table)).toEqual([]);
    expect(JSON.stringify(publish(report, config(false)))).not.toContain('Chab Dai');

    const named = publish(report, config(true)).agencies!;
    const short = (id: string) => {
      const o = t.config.organisations.find((x) => x.id === id)!;
      return o.shortName ?? o.name.en;
    };
    expect(named.rows.map((r) => r.agency)).toEqual(['MFAIC', 'MOSAVY', short('chab-dai'), short('hagar-cambodia')]);
    expect(named.rows.map((r) => r.name.en)).toContain('Chab Dai Coalition');
    expect(cell(named, 'c', '2017')).toEqual({ suppressed: true });
    expect(cell(named, 'd', '2017')).toEqual({ suppressed: true });
    expect(recoverable(named.table)).toEqual([]);
  });
});
