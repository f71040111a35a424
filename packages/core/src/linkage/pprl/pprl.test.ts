import { describe, expect, it } from 'vitest';
import {
  ClkEncoder,
  DEFAULT_CLK_PARAMS,
  assertCompatible,
  base64ToBytes,
  bytesToBase64,
  candidatePairs,
  chooseThreshold,
  clkFileFormat,
  dice,
  linkTwo,
  linkWithin,
  fieldTokens,
  matchClks,
  packClks,
  popcount,
  popcount32,
  readClkFile,
  writeClkFile,
  type ClkValues,
} from './index.ts';

const secret = new TextEncoder().encode('a shared secret of at least 16 bytes');
const other = new TextEncoder().encode('another secret, also long enough');

const sok: ClkValues = { given_name: 'Sophea', family_name: 'Sok', birth_date: '1998-04-12' };

describe('CLK encoding', () => {
  it('is deterministic for one secret, also across encoder instances', () => {
    const a = new ClkEncoder(secret).encode(sok);
    const b = new ClkEncoder(secret).encode(sok);
    expect(a).toEqual(b);
    expect(a.length).toBe(DEFAULT_CLK_PARAMS.bits / 32);
  });

  it('gives unrelated filters under another secret', () => {
    const a = new ClkEncoder(secret).encode(sok);
    const b = new ClkEncoder(other).encode(sok);
    expect(dice(a, b)).toBeGreaterThan(0.35);
    expect(dice(a, b)).toBeLessThan(0.65);
  });

  it('is balanced: every CLK has weight bits / 2, empty records too', () => {
    const enc = new ClkEncoder(secret);
    const records: ClkValues[] = [
      sok,
      { given_name: 'Chanthavong Bounmy Phetsamone', family_name: 'Vongsavanh', birth_date: '1980' },
      { given_name: 'Li' },
      {},
    ];
    for (const r of records) expect(popcount(enc.encode(r))).toBe(DEFAULT_CLK_PARAMS.bits / 2);
  });

  it('folds spellings and Khmer script before encoding', () => {
    expect(fieldTokens('name', 'Sophea')).toEqual(fieldTokens('name', 'Sophia'));
    expect(fieldTokens('name', 'Sok')).toEqual(['_s', 'so', 'ok', 'k_']);
    expect(fieldTokens('date', '19980412')).toEqual(fieldTokens('date', '1998-04-12'));
    expect(fieldTokens('date', '1998')).toEqual(['y:1998']);
    const enc = new ClkEncoder(secret);
    expect(dice(enc.encode(sok), enc.encode({ ...sok, given_name: 'Sophia' }))).toBe(1);
  });

  it('scores identical 1, a typo high, an unrelated record low', () => {
    const enc = new ClkEncoder(secret);
    const a = enc.encode(sok);
    expect(dice(a, enc.encode({ ...sok }))).toBe(1);
    expect(dice(a, enc.encode({ ...sok, family_name: 'Sokk', given_name: 'Sopheab' }))).toBeGreaterThan(0.8);
    expect(dice(a, enc.encode({ ...sok, birth_date: '1998-04-21' }))).toBeGreaterThan(0.8);
    const unrelated = enc.encode({ given_name: 'Nguyen', family_name: 'Thi Lan', birth_date: '1975-11-30' });
    expect(dice(a, unrelated)).toBeLessThan(0.7);
  });

  it('salts most name bits with the birth year, so another year keeps only the unsalted share', () => {
    const enc = new ClkEncoder(secret);
    const a = enc.encode(sok);
    const otherYear = enc.encode({ ...sok, birth_date: '1999-04-12' });
    const unsalted = new ClkEncoder(secret, {
      ...DEFAULT_CLK_PARAMS,
      fields: DEFAULT_CLK_PARAMS.fields.map((f) => ({ ...f, salt: 'none' as const })),
    });
    const wholly = new ClkEncoder(secret, {
      ...DEFAULT_CLK_PARAMS,
      fields: DEFAULT_CLK_PARAMS.fields.filter((f) => !f.name.endsWith('/unsalted')),
    });
    const split = dice(a, otherYear);
    const none = dice(unsalted.encode(sok), unsalted.encode({ ...sok, birth_date: '1999-04-12' }));
    const all = dice(wholly.encode(sok), wholly.encode({ ...sok, birth_date: '1999-04-12' }));
    // The year costs the salted share; the unsalted bits keep the two records closer than wholly salted ones.
    expect(none).toBeGreaterThan(0.9);
    expect(split).toBeLessThan(none - 0.1);
    expect(split).toBeGreaterThan(all);
  });

  it('tokens: digits as bigrams, dates in parts', () => {
    expect(fieldTokens('digits', 'N 12-34')).toEqual(['_1', '12', '23', '34', '4_']);
    expect(fieldTokens('date', '1998-04-12')).toEqual(['y:1998', 'm:04', 'd:12']);
    expect(fieldTokens('date', '1998-04')).toEqual(['y:1998', 'm:04']);
    expect(fieldTokens('date', 'soon')).toEqual([]);
  });

  it('refuses short secrets and bad parameters', () => {
    expect(() => new ClkEncoder(new Uint8Array(8))).toThrow(/16 bytes/);
    expect(() => new ClkEncoder(secret, { ...DEFAULT_CLK_PARAMS, bits: 1000 })).toThrow(/multiple of 64/);
    expect(
      () =>
        new ClkEncoder(secret, {
          ...DEFAULT_CLK_PARAMS,
          fields: [{ name: 'x', kind: 'exact', k: 3, salt: 'month' as 'none' }],
        }),
    ).toThrow(/unknown salt/);
  });
});

describe('bit counting', () => {
  it('popcount32 matches a naive count', () => {
    for (const x of [0, 1, 0xffffffff, 0x80000000, 0x12345678, 0xdeadbeef]) {
      let n = 0;
      for (let i = 0; i < 32; i++) n += (x >>> i) & 1;
      expect(popcount32(x)).toBe(n);
    }
  });
});

describe('file format', () => {
  it('round-trips ids, CLKs and parameters in both formats, and never holds the secret or a name', () => {
    const enc = new ClkEncoder(secret);
    const ids = ['r1', 'r2', 'r3'];
    const clks = [enc.encode(sok), enc.encode({ given_name: 'Dara' }), enc.encode({})];
    for (const format of ['csv', 'jsonl'] as const) {
      const text = writeClkFile(enc, ids, clks, format);
      if (format === 'csv') expect(text.split('\n')[1]).toBe('record_id,clk');
      expect(text).not.toContain('shared secret');
      expect(text.toLowerCase()).not.toMatch(/sophea|sok|dara|1998/);
      const file = readClkFile(text);
      expect(file.ids).toEqual(ids);
      expect(file.clks).toEqual(clks);
      expect(file.params).toEqual(DEFAULT_CLK_PARAMS);
      expect(file.keyCheck).toBe(enc.keyCheck);
    }
    expect(clkFileFormat('x.jsonl')).toBe('jsonl');
    expect(clkFileFormat('x.csv')).toBe('csv');
  });

  it('refuses files from another secret, bad ids, truncated files and bad lines', () => {
    const a = new ClkEncoder(secret);
    const b = new ClkEncoder(other);
    const fa = readClkFile(writeClkFile(a, ['x'], [a.encode(sok)]));
    const fb = readClkFile(writeClkFile(b, ['x'], [b.encode(sok)]));
    expect(() => assertCompatible(fa, fb)).toThrow(/different secrets \(key check [0-9a-f]{16} vs [0-9a-f]{16}\)/);
    expect(() => writeClkFile(a, ['a,b'], [a.encode(sok)])).toThrow(/comma/);
    expect(readClkFile(writeClkFile(a, ['a,b'], [a.encode(sok)], 'jsonl')).ids).toEqual(['a,b']);
    const text = writeClkFile(a, ['x', 'y'], [a.encode(sok), a.encode(sok)]);
    expect(() => readClkFile(text.split('\n').slice(0, 3).join('\n'))).toThrow(/cut short/);
    const lines = text.split('\n');
    expect(() => readClkFile([...lines.slice(0, 3), ...lines.slice(4)].join('\n'))).toThrow(
      /line 4: the end line says 2 records, the file has 1/,
    );
    expect(() => readClkFile(text.replace(/,[A-Za-z0-9+/]{8}/, ',!!!!!!!!'))).toThrow(
      /line 3 \(record_id x\): the CLK is not valid/,
    );
    expect(() => readClkFile('record_id,given_name\nx,Sok\n')).toThrow(/line 1: not a CLK file/);
  });

  it('base64 round-trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
    expect(bytesToBase64(new TextEncoder().encode('foobar'))).toBe('Zm9vYmFy');
  });
});

describe('matching', () => {
  it('finds planted pairs one-to-one among unrelated records', () => {
    const enc = new ClkEncoder(secret);
    const given = ['Sophea', 'Dara', 'Bopha', 'Vanna', 'Sokunthea', 'Pisey', 'Chanthy', 'Rathana', 'Srey Pov', 'Kosal'];
    const family = ['Sok', 'Chea', 'Meas', 'Lim', 'Heng', 'Keo', 'Phan', 'Touch', 'Ly', 'Nhem'];
    const left: ClkValues[] = [];
    const right: ClkValues[] = [];
    for (let i = 0; i < 10; i++) {
      const date = `19${70 + i}-0${1 + (i % 9)}-1${i}`;
      left.push({ given_name: given[i], family_name: family[i], birth_date: date });
      // The other agency: a variant spelling or a typo, and in reverse order.
      right.unshift({ given_name: i % 2 ? `${given[i]}h` : given[i], family_name: family[i], birth_date: date });
    }
    // Decoys on the right: same names, another person (other birth date).
    right.push({ given_name: 'Sophea', family_name: 'Chea', birth_date: '1990-02-02' });
    const a = packClks(left.map((r) => enc.encode(r)));
    const b = packClks(right.map((r) => enc.encode(r)));
    const matches = matchClks(a, b, 0.8);
    expect(matches.map((m) => [m.a, m.b]).sort((x, y) => x[0]! - y[0]!)).toEqual(
      Array.from({ length: 10 }, (_, i) => [i, 9 - i]),
    );
    // The fast all-pairs count agrees with the plain Dice.
    for (const p of candidatePairs(a, b, 0)) {
      const da = a.data.subarray(p.a * a.words, (p.a + 1) * a.words);
      const db = b.data.subarray(p.b * b.words, (p.b + 1) * b.words);
      expect(p.dice).toBeCloseTo(dice(da, db), 12);
    }
  });

  it('assigns each record at most once, best Dice first', () => {
    const enc = new ClkEncoder(secret);
    const x = enc.encode(sok);
    const a = packClks([x, x]);
    const b = packClks([x]);
    const matches = matchClks(a, b);
    expect(matches).toEqual([{ a: 0, b: 0, dice: 1 }]);
  });

  it('chooses the threshold from the scores: low where every record has a partner, higher where few have', () => {
    // Non-match scores spread up to 0.75.
    const second = Array.from({ length: 1000 }, (_, i) => 0.6 + (0.15 * i) / 1000);
    const n = second.length;
    // A few records unlinked above 0.7, all linked below: the one-to-one assignment does the work.
    expect(chooseThreshold(second, (t) => (t <= 0.7 ? n : n - Math.round((t - 0.7) * 100)))).toBeLessThanOrEqual(0.6);
    // Half the records never find a partner: the threshold must clear the non-matches.
    expect(chooseThreshold(second, (t) => (t <= 0.8 ? n / 2 : 0))).toBeGreaterThanOrEqual(0.75);
  });

  it('links two sets and one set without a given threshold', () => {
    const enc = new ClkEncoder(secret);
    const people = Array.from({ length: 60 }, (_, i) => ({
      given_name: ['Sophea', 'Dara', 'Bopha', 'Vanna', 'Pisey', 'Kosal'][i % 6],
      family_name: ['Sok', 'Chea', 'Meas', 'Lim', 'Heng', 'Keo', 'Phan', 'Touch', 'Ly', 'Nhem'][Math.floor(i / 6)],
      birth_date: `${1960 + i}-0${1 + (i % 9)}-1${i % 10}`,
      place: `Village ${i * 7}, Kampot`,
    }));
    const a = packClks(people.map((p) => enc.encode(p)));
    const b = packClks(
      people.map((p, i) => enc.encode(i % 3 ? p : { ...p, given_name: `${p.given_name}a` })).reverse(),
    );
    const two = linkTwo(a, b);
    expect(two.chosen).toBe(true);
    expect(two.pairs.map((p) => [p.a, p.b]).sort((x, y) => x[0]! - y[0]!)).toEqual(people.map((_, i) => [i, 59 - i]));
    const within = linkWithin(
      packClks([...people, people[5]!, { ...people[9]!, place: 'Village 63, Kampot' }].map((p) => enc.encode(p))),
    );
    expect(within.pairs.map((p) => [p.a, p.b])).toEqual([
      [5, 60],
      [9, 61],
    ]);
  });
});
