import { describe, expect, it } from 'vitest';
import { clusterQuality } from '../evaluate.ts';
import type { LinkageRecord } from '../types.ts';
import { linkRecords } from './link.ts';
import { atLeast } from './train.ts';
import { fellegiSunterProposer } from './proposer.ts';
import { seededRandom } from './random.ts';
import { prepare, type PersonRecord } from './record.ts';

const GIVEN = [
  'dara',
  'sophea',
  'bopha',
  'chanthy',
  'pisey',
  'rathana',
  'sokha',
  'vanna',
  'kosal',
  'mony',
  'srey',
  'visal',
  'nary',
  'thida',
  'lina',
  'rith',
];
const FAMILY = [
  'sok',
  'chan',
  'kim',
  'heng',
  'ly',
  'mao',
  'chea',
  'meas',
  'touch',
  'prak',
  'keo',
  'nuon',
  'ouk',
  'san',
  'vong',
  'pich',
];

/** Persons with one to three records each: typos, swapped names, missing or year-only birth dates. */
function synthetic(persons: number, seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const typo = (s: string) => {
    const k = Math.floor(rand() * s.length);
    return s.slice(0, k) + pick(['a', 'e', 'o', 'h']) + s.slice(k + 1);
  };
  const records: PersonRecord[] = [];
  const truth = new Map<string, string>();
  for (let p = 0; p < persons; p++) {
    const given = pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
    const family = pick(FAMILY);
    const y = 1960 + Math.floor(rand() * 45);
    const date = `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const sex = pick(['female', 'male']);
    const place = pick(['phnom penh', 'battambang', 'siem reap', 'kampot', 'takeo', 'kandal']);
    const copies = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < copies; c++) {
      const id = `r${p}-${c}`;
      const swap = c > 0 && rand() < 0.1;
      const g = c > 0 && rand() < 0.3 ? typo(given) : given;
      const d = c > 0 && rand() < 0.2 ? (rand() < 0.5 ? '' : date.slice(0, 4)) : date;
      records.push({
        id,
        givenName: swap ? family : g,
        familyName: swap ? g : family,
        birthDate: d,
        sex,
        place: c > 0 && rand() < 0.2 ? '' : place,
        source: `agency-${c}`,
      });
      truth.set(id, String(p));
    }
  }
  return { records, truth };
}

describe('linkRecords', () => {
  const { records, truth } = synthetic(600, 11);
  const prepared = records.map(prepare);
  const result = linkRecords(prepared, { uSamples: 50_000 });

  it('finds the persons in synthetic multi-agency records', () => {
    expect(result.model.emConverged).toBe(true);
    const links = [...result.clusterOf].flatMap((c, x) =>
      c === x ? [] : [{ a: prepared[x]!.id, b: prepared[c]!.id }],
    );
    const q = clusterQuality(links, truth);
    // Names drawn from 16 x 16 common ones: some different persons share name, sex and place with no
    // birth date to tell them apart, so precision is below FEBRL's.
    expect(q.precision).toBeGreaterThan(0.9);
    expect(q.recall).toBeGreaterThan(0.9);
  });

  it('keeps every m of the fields the rules trained at 0.005 or more, so no single disagreement vetoes a match', () => {
    const f = result.model.fields.indexOf('birth_date');
    expect(Math.min(...result.model.m[f]!)).toBeGreaterThanOrEqual(0.005 - 1e-12);
    expect(result.model.m[f]!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('explains each pair field by field, the weights adding up to the score', () => {
    expect(result.pairs.i.length).toBeGreaterThan(0);
    for (let e = 0; e < Math.min(50, result.pairs.i.length); e++) {
      const parts = result.explain(result.pairs.i[e]!, result.pairs.j[e]!);
      expect(parts.map((p) => p.field)).toEqual(result.model.fields);
      const sum = parts.reduce((s, p) => s + p.weight, 0);
      expect(sum).toBeCloseTo(result.pairs.weight[e]!, 9);
      expect(result.probability(sum)).toBeGreaterThanOrEqual(0.5 - 1e-9);
    }
  });

  it('weighs an exact match on a common name less than one on a rare name', () => {
    const common = [...Array(40)].map((_, k) => ({
      id: `c${k}`,
      givenName: 'dara',
      familyName: `x${k}`,
      birthDate: `19${50 + k}`,
    }));
    const rare = [
      { id: 'q1', givenName: 'zyxwv', familyName: 'a' },
      { id: 'q2', givenName: 'zyxwv', familyName: 'b' },
    ];
    const ps = [...common, ...rare].map(prepare);
    const r = linkRecords(ps, { uSamples: 5_000 });
    const given = (i: number, j: number) => r.explain(i, j)[0]!;
    expect(given(0, 1).level).toBe('exact');
    expect(given(40, 41).level).toBe('exact');
    expect(given(40, 41).weight).toBeGreaterThan(given(0, 1).weight);
  });

  it('weighs a shared province by how common it is among people of the same nationality', () => {
    // 60 Cambodians, 40 of them from Phnom Penh; 40 Thai from 2 provinces; 20 Thai in Trat.
    const rows = [
      ...[...Array(60)].map((_, k) => ({ nationality: 'KHM', place: k < 40 ? 'Phnom Penh' : `Province ${k}` })),
      ...[...Array(40)].map((_, k) => ({ nationality: 'THA', place: k < 20 ? 'Trat' : 'Surin' })),
    ];
    const ps = rows.map((r, k) => prepare({ id: `r${k}`, givenName: `g${k}`, familyName: `f${k}`, ...r }));
    const r = linkRecords(ps, { uSamples: 5_000 });
    const place = (i: number, j: number) => r.explain(i, j).find((x) => x.field === 'place')!;
    const phnomPenh = place(0, 1); // 40 of 60 Cambodians
    expect(phnomPenh.level).toBe('exact');
    expect(phnomPenh.tfAdjustment).toBeLessThan(0);
    // Trat (20 of 40 Thai) is rarer within its nationality than Phnom Penh (40 of 60 Cambodians).
    expect(place(60, 61).weight).toBeGreaterThan(phnomPenh.weight);
    // Without a nationality there is nothing to take the frequency within: no adjustment.
    const noNationality = linkRecords(
      rows.map((x, k) => prepare({ id: `n${k}`, givenName: `g${k}`, place: x.place })),
      { uSamples: 5_000 },
    );
    expect(noNationality.explain(0, 1).find((x) => x.field === 'place')!.tfAdjustment).toBeUndefined();
  });

  it('is deterministic', () => {
    const again = linkRecords(prepared, { uSamples: 50_000 });
    expect([...again.clusterOf]).toEqual([...result.clusterOf]);
  });
});

describe('fellegiSunterProposer', () => {
  it('proposes pairs over blind indexes through the MatchProposer seam', () => {
    const rand = seededRandom(3);
    const records: LinkageRecord[] = [];
    for (let p = 0; p < 300; p++) {
      const tokens = [`g${Math.floor(rand() * 80)}`, `f${Math.floor(rand() * 40)}`];
      const birthYear = 1960 + Math.floor(rand() * 40);
      const copies = p % 3 === 0 ? 2 : 1;
      for (let c = 0; c < copies; c++)
        records.push({
          personId: `p${String(p).padStart(3, '0')}-${c}`,
          tokens: [...tokens, tokens.join('+')],
          birthYear,
          sex: 'female',
          nationality: 'KHM',
          province: null,
          organisationId: `o${c}`,
        });
    }
    const proposer = fellegiSunterProposer();
    const pairs = proposer.propose(records);
    expect(proposer.id).toBe('fellegi-sunter');
    expect(pairs.length).toBeGreaterThan(50);
    const right = pairs.filter((x) => x.a.slice(0, 4) === x.b.slice(0, 4)).length;
    expect(right / pairs.length).toBeGreaterThan(0.9);
    for (const x of pairs) {
      expect(x.a < x.b).toBe(true);
      expect(x.score).toBeGreaterThanOrEqual(0.5);
      expect(x.reasons.map((r) => r.field)).toEqual(['name', 'birthYear', 'sex', 'nationality', 'province']);
    }
    expect(pairs.map((x) => `${x.a} ${x.b}`)).toEqual(pairs.map((x) => `${x.a} ${x.b}`).sort());
    expect(proposer.propose(records)).toEqual(pairs);
  });
});

describe('atLeast', () => {
  it('raises every probability to the floor and keeps the sum, even when scaling pushes another below it', () => {
    const q = atLeast([0.9649, 0.03, 0.0051, 0, 0, 0, 0, 0], 0.005);
    expect(Math.min(...q)).toBeGreaterThanOrEqual(0.005 - 1e-12);
    expect(q.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // Order is kept among the levels above the floor.
    expect(q[0]!).toBeGreaterThan(q[1]!);
  });
});
