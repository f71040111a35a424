import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverable, type ComputedFigure } from '@ctis/core';
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
import type { AnnualReport } from '../../statistics/annual-report.ts';

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
