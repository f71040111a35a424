import { describe, expect, it } from 'vitest';
import { prepare } from '../fellegi-sunter/record.ts';
import { Corruption } from './corruptions.ts';
import { linkageCsvLine, LINKAGE_CSV_HEADER } from './csv.ts';
import { generateLinkageData, truthMap } from './generate.ts';
import { NATIONALITIES } from './nationalities.ts';

const data = generateLinkageData({ records: 20_000, seed: 11 });
const KHMER = /[\u1780-\u17FF]/u;

function groups(personOf: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  personOf.forEach((p, k) => {
    const g = out.get(p);
    if (g) g.push(k);
    else out.set(p, [k]);
  });
  return out;
}

describe('generateLinkageData', () => {
  it('is deterministic from its seed', () => {
    const a = generateLinkageData({ records: 2_000, seed: 5 });
    const b = generateLinkageData({ records: 2_000, seed: 5 });
    const c = generateLinkageData({ records: 2_000, seed: 6 });
    expect(b.records).toEqual(a.records);
    expect(b.personOf).toEqual(a.personOf);
    expect(b.corruption).toEqual(a.corruption);
    expect(c.records).not.toEqual(a.records);
  });

  it('makes exactly the number of records asked for, with unique ids and a person each', () => {
    for (const n of [0, 1, 7, 3_000]) {
      const d = generateLinkageData({ records: n, seed: 2 });
      expect(d.records).toHaveLength(n);
      expect(d.personOf).toHaveLength(n);
      expect(new Set(d.records.map((r) => r.id)).size).toBe(n);
      expect(truthMap(d).size).toBe(n);
    }
    expect(() => generateLinkageData({ records: -1 })).toThrow(RangeError);
  });

  it('records most persons once and some two to four times, mostly by different agencies', () => {
    const byPerson = groups(data.personOf);
    const sizes = [...byPerson.values()].map((g) => g.length);
    expect(data.persons).toBe(byPerson.size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    const once = sizes.filter((s) => s === 1).length / sizes.length;
    expect(once).toBeGreaterThan(0.6);
    expect(once).toBeLessThan(0.8);
    for (const k of [2, 3, 4]) expect(sizes.filter((s) => s === k).length).toBeGreaterThan(100);
    let multi = 0;
    let crossAgency = 0;
    for (const g of byPerson.values()) {
      if (g.length < 2) continue;
      multi++;
      if (new Set(g.map((k) => data.records[k]!.source)).size > 1) crossAgency++;
    }
    expect(crossAgency / multi).toBeGreaterThan(0.8);
    expect(new Set(data.records.map((r) => r.source)).size).toBeGreaterThanOrEqual(8);
  });

  it('corrupts duplicates in each stated way, and the records show it', () => {
    const count = (bit: number) => data.corruption.filter((c) => (c & bit) !== 0).length;
    for (const [name, bit] of Object.entries(Corruption)) expect(count(bit), name).toBeGreaterThan(10);
    data.records.forEach((r, k) => {
      const c = data.corruption[k]!;
      if (c & Corruption.birthMissing) expect(r.birthDate).toBe('');
      if (c & Corruption.birthYearOnly) expect(r.birthDate).toMatch(/^\d{4}(-\d{2})?$/);
      if (c & Corruption.birthFromAge) expect(r.birthDate).toMatch(/^\d{4}$/);
      if (c & Corruption.birthDayMonthSwapped) expect(r.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (c & Corruption.fullNameOnly) {
        expect(r.fullName).not.toBe('');
        expect(r.givenName).toBe('');
        expect(r.familyName).toBe('');
      }
      if (c & Corruption.khmerScript) expect(`${r.givenName}${r.familyName}${r.fullName}`).toMatch(KHMER);
      else expect(`${r.givenName}${r.familyName}${r.fullName}`).not.toMatch(KHMER);
    });
  });

  it('changes the recorded value against another record of the same person', () => {
    // A person's records differ in date or names exactly where a corruption says so.
    const byPerson = groups(data.personOf);
    let typoSeen = 0;
    let swapSeen = 0;
    for (const g of byPerson.values()) {
      const clean = g.find((k) => data.corruption[k] === 0);
      if (clean === undefined) continue;
      const base = data.records[clean]!;
      for (const k of g) {
        const r = data.records[k]!;
        const c = data.corruption[k]!;
        const latin = (c & (Corruption.khmerScript | Corruption.fullNameOnly | Corruption.variantSpelling)) === 0;
        if (!latin) continue;
        if (c === Corruption.swappedNames) {
          expect(r.givenName!.toLowerCase()).toBe(base.familyName!.toLowerCase());
          swapSeen++;
        }
        if (c === Corruption.nameTypo) {
          const same = r.givenName!.toLowerCase() === base.givenName!.toLowerCase();
          const sameFamily = r.familyName!.toLowerCase() === base.familyName!.toLowerCase();
          expect(same && sameFamily).toBe(false);
          typoSeen++;
        }
      }
    }
    expect(typoSeen).toBeGreaterThan(5);
    expect(swapSeen).toBeGreaterThan(5);
  });

  it('names persons of every nationality, with the usual skew of family names', () => {
    const byNationality = new Map<string, Map<string, number>>();
    data.records.forEach((r, k) => {
      if (data.corruption[k]! & (Corruption.khmerScript | Corruption.fullNameOnly | Corruption.swappedNames)) return;
      if (!r.nationality || !r.familyName) return;
      const m = byNationality.get(r.nationality) ?? new Map<string, number>();
      const f = r.familyName.toLowerCase();
      m.set(f, (m.get(f) ?? 0) + 1);
      byNationality.set(r.nationality, m);
    });
    for (const n of NATIONALITIES) expect(byNationality.get(n.code)?.size ?? 0, n.code).toBeGreaterThan(3);
    const top = (code: string) => [...byNationality.get(code)!].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top('KHM')).toBe('sok');
    expect(['nguyen', 'nguyễn']).toContain(top('VNM'));
    const vn = byNationality.get('VNM')!;
    const nguyen = (vn.get('nguyen') ?? 0) + (vn.get('nguyễn') ?? 0);
    const total = [...vn.values()].reduce((s, x) => s + x, 0);
    expect(nguyen / total).toBeGreaterThan(0.25);
  });

  it('writes Khmer names in script that folds to the Latin spelling of the same person', () => {
    const byPerson = groups(data.personOf);
    let pairs = 0;
    let meet = 0;
    for (const g of byPerson.values()) {
      const script = g.find((k) => data.corruption[k] === Corruption.khmerScript);
      const latin = g.find((k) => data.corruption[k] === 0);
      if (script === undefined || latin === undefined) continue;
      pairs++;
      const a = prepare(data.records[script]!);
      const b = prepare(data.records[latin]!);
      if (a.family?.key === b.family?.key) meet++;
    }
    expect(pairs).toBeGreaterThan(50);
    expect(meet / pairs).toBeGreaterThan(0.8);
  });

  it('makes records the linker can read', () => {
    for (const r of data.records) expect(() => prepare(r)).not.toThrow();
  });
});

describe('linkageCsvLine', () => {
  it('writes the CLI columns in order, quoting where needed', () => {
    expect(LINKAGE_CSV_HEADER.split(',')).toHaveLength(10);
    expect(linkageCsvLine({ id: 'R1', givenName: 'Dara', familyName: 'Sok, Jr', source: 'NGO "A"' })).toBe(
      'R1,Dara,"Sok, Jr",,,,,,,"NGO ""A"""',
    );
  });
});
