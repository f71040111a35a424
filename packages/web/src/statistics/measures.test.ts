import { describe, expect, it } from 'vitest';
import {
  byCountryTable,
  measuresOf,
  measureValue,
  nationalRange,
  parseYear,
  partValue,
  sortedOverlaps,
  statYears,
  trendYears,
} from './measures';
import { mapPool } from './pool';
import type { ReportFigure } from './types';

const figure = (id: string, values: ReportFigure['values'], extra: Partial<ReportFigure> = {}): ReportFigure => ({
  id,
  section: id.split('.')[0] as ReportFigure['section'],
  indicator: { id, version: 1 },
  values,
  label: { en: id, km: id },
  style: { en: '', km: '' },
  ...extra,
});

const figures: ReportFigure[] = [
  figure('prosecution.individuals_prosecuted', { 2017: 207, 2016: 53 }),
  figure('prosecution.trainings_law_enforcement', { 2017: { trainings: 66, participants: 1577 }, 2016: null }),
  figure('protection.repatriated_by_mfaic', { 2017: 986, 2016: 815 }, { byCountry: { 2017: { MYS: 382, THA: 288 } } }),
  figure('protection.repatriated_with_mosavy', { 2017: 243 }, { byCountry: { 2017: { MYS: 114, SOM: 18 } } }),
  { ...figure('context.provinces', { count: 25 }), section: 'profile' },
];

describe('measures', () => {
  it('one measure per plain figure and one per named part; the profile is not charted', () => {
    expect(measuresOf(figures).map((m) => m.key)).toEqual([
      'prosecution.individuals_prosecuted',
      'prosecution.trainings_law_enforcement:trainings',
      'prosecution.trainings_law_enforcement:participants',
      'protection.repatriated_by_mfaic',
      'protection.repatriated_with_mosavy',
    ]);
  });

  it('reads the report’s own values; not reported is null', () => {
    const [prosecuted, trainings, participants] = measuresOf(figures);
    expect(measureValue({ figures }, prosecuted!, 2016)).toBe(53);
    expect(measureValue({ figures }, participants!, 2017)).toBe(1577);
    expect(measureValue({ figures }, trainings!, 2016)).toBeNull();
    expect(measureValue({ figures }, prosecuted!, 2015)).toBeNull();
    expect(partValue(12, 'participants')).toBeNull();
  });

  it('the by-country table: countries by total, each figure’s count, 0 where absent', () => {
    const table = byCountryTable(figures, 2017);
    expect(table.figures.map((f) => f.id)).toEqual([
      'protection.repatriated_by_mfaic',
      'protection.repatriated_with_mosavy',
    ]);
    expect(table.countries).toEqual(['MYS', 'THA', 'SOM']);
    expect(table.count('protection.repatriated_with_mosavy', 'THA')).toBe(0);
    expect(byCountryTable(figures, 2016).figures).toEqual([]);
  });

  it('the national count’s range: confirmed only, and with every proposed match confirmed', () => {
    const base = {
      year: 2017,
      agencies: {},
      overlaps: {},
      nationalDistinct: 1245,
      confirmedLinks: 425,
      proposedLinks: 23,
    };
    expect(nationalRange({ ...base, nationalDistinctIfProposed: 1230 })).toEqual({ low: 1230, high: 1245 });
    expect(nationalRange(base)).toEqual({ low: 1222, high: 1245 });
  });

  it('overlaps: single agencies first, then pairs, then all three', () => {
    const sorted = sortedOverlaps({ 'MFAIC+MOSAVY+NGO': 46, 'MFAIC+NGO': 150, NGO: 152, MFAIC: 700 });
    expect(sorted.map(([set]) => set.join('+'))).toEqual(['MFAIC', 'NGO', 'MFAIC+NGO', 'MFAIC+MOSAVY+NGO']);
  });

  it('years: 2017 by default, the trend ends a year later but never in the future', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(statYears(now)[0]).toBe(2026);
    expect(parseYear(null, now)).toBe(2017);
    expect(parseYear('2015', now)).toBe(2015);
    expect(parseYear('1800', now)).toBe(2017);
    expect(trendYears(2017, now)).toEqual([2015, 2016, 2017, 2018]);
    expect(trendYears(2026, now)).toEqual([2023, 2024, 2025, 2026]);
  });
});

describe('mapPool', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await mapPool(
      Array.from({ length: 25 }, (_, i) => i),
      4,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, (n * 7) % 5));
        running--;
        return n * 2;
      },
      (done) => progress.push(done),
    );
    expect(out).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
    expect(peak).toBe(4);
    expect(progress.at(-1)).toBe(25);
  });

  it('rejects on the first failure', async () => {
    await expect(mapPool([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('no')) : n))).rejects.toThrow(
      'no',
    );
  });
});
