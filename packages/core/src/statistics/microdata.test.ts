import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import {
  checkKAnonymity,
  ctdcRecord,
  exportMicrodata,
  MICRODATA_COLUMNS,
  regionOf,
  subRegionOf,
  toCsv,
  type MicrodataInput,
  type RecruiterRelation,
} from './microdata.ts';

/** mulberry32: a small seeded generator, so every run checks the same records. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const chance = (p: number) => next() < p;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = next() * total;
    for (const [value, w] of pairs) if ((x -= w) < 0) return value;
    return pairs[pairs.length - 1]![0];
  };
  const some = <T>(values: readonly T[], p: number): T[] => values.filter(() => chance(p));
  return { next, int, chance, weighted, some };
}

const CITIZENSHIP = [
  ['KHM', 820],
  ['VNM', 90],
  ['THA', 25],
  ['CHN', 15],
  ['LAO', 12],
  ['MMR', 6],
  ['IDN', 4],
  ['BGD', 3],
  ['NPL', 2],
  ['PHL', 2],
  ['UKR', 1],
  ['NGA', 1],
  ['FJI', 1],
  ['BRA', 1],
  [null, 20],
] as const;
const EXPLOITATION_COUNTRY = [
  ['THA', 380],
  ['KHM', 250],
  ['MYS', 140],
  ['CHN', 110],
  ['IDN', 30],
  ['SAU', 12],
  ['JPN', 8],
  ['TWN', 6],
  ['ZAF', 3],
  ['FJI', 2],
  ['SEN', 1],
  ['MUS', 1],
  [null, 40],
] as const;
const METHODS = [
  'debt_bondage',
  'threats',
  'physical_abuse',
  'sexual_abuse',
  'psychological_abuse',
  'withholding_documents',
  'withholding_wages',
  'restricting_movement',
  'isolation',
  'drugs_alcohol',
  'false_promises',
  'excessive_working_hours',
  'threats_to_family',
  'other',
];

/**
 * Victims as the demo data has them: mostly Cambodian, mostly exploited in Thailand, Malaysia,
 * China or at home; sexual exploitation mostly of women and girls, forced marriage of women in
 * China, labour of men at sea and in brick kilns; a long tail of rare nationalities, destinations,
 * ages and control methods; gaps everywhere.
 */
function victims(seed: number, n: number): MicrodataInput[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const type = r.weighted([
      ['forced_labour', 55],
      ['sexual_exploitation', 28],
      ['forced_marriage', 9],
      ['domestic_servitude', 4],
      ['forced_criminal_activity', 2],
      ['other', 1],
      ['organ_removal', 0.2],
    ] as const);
    const female = type === 'forced_marriage' || (type === 'sexual_exploitation' ? r.chance(0.93) : r.chance(0.3));
    const year = r.weighted([
      [2012, 5],
      [2013, 7],
      [2014, 9],
      [2015, 12],
      [2016, 15],
      [2017, 22],
      [2018, 8],
    ] as const);
    const age = r.weighted([
      [r.int(5, 17), type === 'sexual_exploitation' ? 35 : 15],
      [r.int(18, 29), 45],
      [r.int(30, 47), 25],
      [r.int(48, 75), 5],
    ] as const);
    const ageFields = r.weighted([
      [{ age }, 60],
      [{ birthYear: year - age - r.int(0, 1) }, 30],
      [{ isChild: age < 18 }, 5],
      [{}, 5],
    ] as const);
    const sectors =
      type === 'forced_labour'
        ? [
            r.weighted([
              ['fishing', 35],
              ['brick_kiln', 20],
              ['construction', 15],
              ['agriculture', 15],
              ['manufacturing', 8],
              ['begging', 4],
              ['mining', 1],
              ['other', 2],
            ] as const),
          ]
        : type === 'sexual_exploitation' && r.chance(0.5)
          ? ['entertainment_hospitality']
          : [];
    const methods = r.chance(0.2) ? [] : r.some(METHODS, 0.18);
    const relations = r.chance(0.6)
      ? []
      : [
          r.weighted<RecruiterRelation>([
            ['friend', 40],
            ['family', 25],
            ['intimate_partner', 8],
            ['other', 20],
            ['unknown', 7],
          ]),
        ];
    return {
      registeredOn: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      sex: r.chance(0.02)
        ? r.weighted([
            ['other', 1],
            ['unknown', 3],
            [null, 1],
          ] as const)
        : female
          ? 'female'
          : 'male',
      ...ageFields,
      citizenship: r.weighted(CITIZENSHIP),
      countryOfExploitation: type === 'forced_marriage' ? 'CHN' : r.weighted(EXPLOITATION_COUNTRY),
      exploitationTypes: r.chance(0.03) ? [] : r.chance(0.05) ? [type, 'sexual_exploitation'] : [type],
      sectors,
      methodsOfControl: methods,
      recruitmentMethods: r.chance(0.5)
        ? []
        : [
            r.weighted([
              ['personal_contact', 60],
              ['broker', 30],
              ['abduction', 3],
            ] as const),
          ],
      recruiterRelations: relations,
    };
  });
}

/** What an export without any anonymisation would publish: exact age and date, as recorded. */
function naiveRows(records: readonly MicrodataInput[]): Record<string, string>[] {
  return records.map((rec) => ({
    ...ctdcRecord(rec),
    registeredOn: rec.registeredOn ?? '',
    age: String(rec.age ?? ''),
    birthYear: String(rec.birthYear ?? ''),
  }));
}

const RECORDS = victims(2017, 6000);
const EXPORT = exportMicrodata(RECORDS);

describe('the k-anonymous microdata export', () => {
  it('has every combination of exported values shared by at least 11 records', () => {
    const report = checkKAnonymity(EXPORT.rows, 11);
    expect(report.offending).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.smallestClass).toBeGreaterThanOrEqual(11);
    expect(EXPORT.k).toBe(11);
  });

  it('would not be k-anonymous without generalisation (so the checker can fail)', () => {
    const naive = checkKAnonymity(naiveRows(RECORDS), 11);
    expect(naive.ok).toBe(false);
    expect(naive.smallestClass).toBe(1);
    expect(naive.offending.length).toBeGreaterThan(1000);
    // Even CTDC coding alone (age bands, year only) leaves many small classes: the suppression step matters.
    const coded = checkKAnonymity(RECORDS.map(ctdcRecord), 11);
    expect(coded.ok).toBe(false);
    expect(coded.offending.reduce((s, o) => s + o.count, 0)).toBeGreaterThan(RECORDS.length / 4);
  });

  it('keeps most records and the main facts', () => {
    const { stats, rows } = EXPORT;
    expect(stats.input).toBe(RECORDS.length);
    expect(stats.exported + stats.withheld).toBe(stats.input);
    expect(stats.withheld).toBe(0);
    const share = (column: (typeof MICRODATA_COLUMNS)[number]) =>
      rows.filter((r) => r[column] !== '').length / rows.length;
    expect(share('yearOfRegistration')).toBeGreaterThan(0.95);
    expect(share('gender')).toBeGreaterThan(0.9);
    expect(share('majorityStatus')).toBeGreaterThan(0.8);
    expect(share('isForcedLabour')).toBeGreaterThan(0.8);
    expect(share('citizenship')).toBeGreaterThan(0.8);
    expect(share('CountryOfExploitation')).toBeGreaterThan(0.7);
    // The totals by year stay close to the truth.
    const byYear = (rows: readonly { yearOfRegistration: string }[]) =>
      rows.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.yearOfRegistration]: (acc[r.yearOfRegistration] ?? 0) + 1 }),
        {},
      );
    const truth = byYear(RECORDS.map(ctdcRecord));
    for (const [year, count] of Object.entries(byYear(rows))) {
      if (year !== '') expect(count).toBeGreaterThan(truth[year]! * 0.9);
    }
  });

  it('generalises rare countries to their region', () => {
    const citizenships = new Set(EXPORT.rows.map((r) => r.citizenship));
    expect(citizenships.has('KHM')).toBe(true);
    expect(citizenships.has('VNM')).toBe(true);
    for (const rare of ['UKR', 'NGA', 'FJI', 'BRA', 'NPL']) expect(citizenships.has(rare)).toBe(false);
    const destinations = new Set(EXPORT.rows.map((r) => r.CountryOfExploitation));
    for (const rare of ['SEN', 'MUS', 'FJI']) expect(destinations.has(rare)).toBe(false);
    expect(subRegionOf('THA')).toBe('South-eastern Asia');
    expect(regionOf('NGA')).toBe('Africa');
    expect(regionOf('ATA')).toBe('Other');
  });

  it('never exports an identity, an exact date or an exact age', () => {
    const withIdentity = RECORDS.slice(0, 500).map((rec, i) => ({
      ...rec,
      id: `person-${i}`,
      name: `Sok Dara ${i}`,
      dateOfBirth: '1999-02-03',
      phone: '+855 12 345 678',
    }));
    const out = exportMicrodata(withIdentity, { k: 5 });
    const csv = toCsv(out.rows);
    expect(csv).not.toMatch(/person-|Sok Dara|1999-02-03|\+855|\d{4}-\d{2}-\d{2}/);
    for (const row of out.rows) {
      expect(Object.keys(row)).toEqual([...MICRODATA_COLUMNS]);
      expect(row.ageBroad).toMatch(/^(|0--8|9--17|18--20|21--23|24--26|27--29|30--38|39--47|48\+)$/);
      expect(row.yearOfRegistration).toMatch(/^(\d{4})?$/);
    }
  });

  it('is k-anonymous on small and large sets, for other k, over many seeds', () => {
    for (const [seed, n, k] of [
      [1, 40, 11],
      [2, 150, 11],
      [3, 700, 11],
      [4, 2500, 11],
      [5, 1000, 5],
      [6, 1000, 20],
      [7, 3000, 25],
      [8, 10, 11],
    ] as const) {
      const records = victims(seed, n);
      const out = exportMicrodata(records, { k });
      const report = checkKAnonymity(out.rows, k);
      expect(report.offending, `seed ${seed}`).toEqual([]);
      expect(out.stats.withheld, `seed ${seed}`).toBe(n < k ? n : 0);
      expect(checkKAnonymity(naiveRows(records), k).ok).toBe(false);
    }
  });

  it('does not depend on the order of the records, and sorts its rows', () => {
    const reversed = exportMicrodata([...RECORDS].reverse());
    expect(reversed.rows).toEqual(EXPORT.rows);
    const keys = EXPORT.rows.map((r) => MICRODATA_COLUMNS.map((c) => r[c]).join('\u0001'));
    expect([...keys].sort()).toEqual(keys);
  });

  it('refuses a k below 2', () => {
    expect(() => exportMicrodata(RECORDS, { k: 1 })).toThrow(InputError);
    expect(() => exportMicrodata(RECORDS, { k: 2.5 })).toThrow(InputError);
  });

  it('handles no records', () => {
    const out = exportMicrodata([]);
    expect(out.rows).toEqual([]);
    expect(checkKAnonymity(out.rows, 11)).toMatchObject({ ok: true, smallestClass: null, classes: 0 });
    expect(toCsv(out.rows)).toBe(MICRODATA_COLUMNS.join(',') + '\r\n');
  });
});

describe('CTDC coding', () => {
  it('codes one record like the CTDC global data set', () => {
    const row = ctdcRecord({
      registeredOn: '2017-03-09',
      sex: 'female',
      age: 17,
      citizenship: 'khm',
      countryOfExploitation: 'THA',
      exploitationTypes: ['sexual_exploitation', 'forced_labour'],
      sectors: ['fishing', 'brick_kiln'],
      methodsOfControl: ['debt_bondage', 'threats_to_family', 'isolation'],
      recruitmentMethods: ['abduction'],
      recruiterRelations: ['friend'],
    });
    expect(row).toMatchObject({
      yearOfRegistration: '2017',
      Datasource: 'Case Management',
      gender: 'Female',
      ageBroad: '9--17',
      majorityStatus: 'Minor',
      citizenship: 'KHM',
      CountryOfExploitation: 'THA',
      isForcedLabour: '1',
      isSexualExploit: '1',
      isSexAndLabour: '1',
      isForcedMarriage: '0',
      typeOfExploitConcatenated: 'Forced labour;Sexual exploitation',
      typeOfLabourAquafarming: '1',
      typeOfLabourManufacturing: '1',
      typeOfLabourAgriculture: '0',
      typeOfLabourPeddling: '', // CTIS has no such sector: unknown, not "no"
      typeOfLabourNotSpecified: '0',
      typeOfLabourConcatenated: 'Aquafarming;Manufacturing',
      meansOfControlDebtBondage: '1',
      meansOfControlThreats: '1',
      meansOfControlOther: '1',
      meansOfControlPhysicalAbuse: '0',
      meansOfControlUsesChildren: '',
      meansOfControlNotSpecified: '0',
      meansOfControlConcatenated: 'Debt bondage;Threats;Other',
      isAbduction: '1',
      recruiterRelationFriend: '1',
      recruiterRelationFamily: '0',
      recruiterRelationUnknown: '0',
    });
  });

  it('presumes minority from a birth year, and leaves unknowns empty', () => {
    // Born 1999, registered in 2017: 17 or 18, so 17 (a child), as `isChild` presumes.
    expect(ctdcRecord({ registeredOn: '2017-06-01', birthYear: 1999 })).toMatchObject({
      ageBroad: '9--17',
      majorityStatus: 'Minor',
    });
    expect(ctdcRecord({ registeredOn: '2017-06-01', birthYear: 1998 })).toMatchObject({
      ageBroad: '18--20',
      majorityStatus: 'Adult',
    });
    expect(ctdcRecord({ isChild: true })).toMatchObject({ ageBroad: '', majorityStatus: 'Minor' });
    const empty = ctdcRecord({ sex: 'other', citizenship: 'not a code' });
    expect(empty).toMatchObject({
      yearOfRegistration: '',
      gender: '',
      citizenship: '',
      isForcedLabour: '',
      meansOfControlNotSpecified: '1',
      typeOfLabourNotSpecified: '1',
      recruiterRelationUnknown: '1',
      isAbduction: '',
    });
    // Sexual exploitation only: no typeOfLabour (CTDC fills it for forced labour only).
    expect(
      ctdcRecord({ exploitationTypes: ['sexual_exploitation'], sectors: ['entertainment_hospitality'] }),
    ).toMatchObject({
      typeOfLabourHospitality: '',
      typeOfLabourNotSpecified: '1',
    });
  });
});

describe('checkKAnonymity', () => {
  it('counts every combination of every column', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => ({ a: '1', b: 'x' })),
      ...Array.from({ length: 2 }, () => ({ a: '1', b: 'y' })),
      { a: '2', b: 'y', c: 'only here' },
    ];
    const report = checkKAnonymity(rows, 3);
    expect(report).toMatchObject({ ok: false, rows: 6, classes: 3, smallestClass: 1 });
    expect(report.offending).toEqual([
      { values: { a: '2', b: 'y', c: 'only here' }, count: 1 },
      { values: { a: '1', b: 'y', c: '' }, count: 2 },
    ]);
    expect(checkKAnonymity(rows.slice(0, 3), 3).ok).toBe(true);
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 CSV with a header in a fixed order', () => {
    const csv = toCsv(
      [
        { b: 'plain', a: 'with, comma' },
        { a: 'say "hi"', b: 'two\nlines' },
      ],
      ['a', 'b'],
    );
    expect(csv).toBe('a,b\r\n"with, comma",plain\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('writes the export with one line per row', () => {
    const csv = toCsv(EXPORT.rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(MICRODATA_COLUMNS.join(','));
    expect(lines.length).toBe(EXPORT.rows.length + 2); // header, rows, and the empty string after the last CRLF
    expect(lines[0]!.split(',')).toContain('yearOfRegistration');
  });
});
