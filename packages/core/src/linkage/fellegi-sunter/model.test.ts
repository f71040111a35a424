import { describe, expect, it } from 'vitest';
import { MISSING, type Comparator } from './comparators.ts';
import {
  estimateM,
  estimateMFixedU,
  estimatePrior,
  estimateU,
  levelWeights,
  startingM,
  type PatternTable,
} from './model.ts';
import { seededRandom } from './random.ts';

const TRUE_M = [
  [0.85, 0.1, 0.05],
  [0.9, 0.1],
  [0.7, 0.2, 0.06, 0.04],
];
const TRUE_U = [
  [0.05, 0.15, 0.8],
  [0.3, 0.7],
  [0.02, 0.08, 0.3, 0.6],
];

/** Pairs drawn from the known model (fields independent given the class), some fields missing. */
function synthetic(n: number, lambda: number, seed: number): PatternTable {
  const rand = seededRandom(seed);
  const draw = (ps: readonly number[]) => {
    let x = rand();
    for (let l = 0; l < ps.length; l++) {
      x -= ps[l]!;
      if (x < 0) return l;
    }
    return ps.length - 1;
  };
  const index = new Map<string, number>();
  const levels: number[][] = [];
  const counts: number[] = [];
  for (let k = 0; k < n; k++) {
    const match = rand() < lambda;
    const pattern = (match ? TRUE_M : TRUE_U).map((ps) => (rand() < 0.05 ? MISSING : draw(ps)));
    const key = pattern.join(',');
    let p = index.get(key);
    if (p === undefined) {
      p = levels.length;
      index.set(key, p);
      levels.push(pattern);
      counts.push(0);
    }
    counts[p]!++;
  }
  return { levels, counts };
}

describe('estimateM', () => {
  it('recovers known m-probabilities and the match share from unlabelled pairs', () => {
    const table = synthetic(50_000, 0.3, 7);
    // Start from a deliberately wrong non-match distribution (uniform): EM must find both classes.
    const start = TRUE_U.map((ps) => ps.map(() => 1 / ps.length));
    const est = estimateM(table, start);
    expect(est.converged).toBe(true);
    expect(est.lambda).toBeCloseTo(0.3, 1);
    est.m.forEach((ms, f) => ms.forEach((x, l) => expect(Math.abs(x - TRUE_M[f]![l]!)).toBeLessThan(0.02)));
    est.uBlocked.forEach((us, f) => us.forEach((x, l) => expect(Math.abs(x - TRUE_U[f]![l]!)).toBeLessThan(0.02)));
  });

  it('stops at the iteration cap and says it did not converge', () => {
    const est = estimateM(synthetic(5_000, 0.3, 3), TRUE_U, { maxIterations: 2, tolerance: 0 });
    expect(est.iterations).toBe(2);
    expect(est.converged).toBe(false);
  });

  it('returns the start when there are no pairs', () => {
    expect(estimateM({ levels: [], counts: [] }, TRUE_U).lambda).toBe(0);
  });
});

describe('estimateU', () => {
  it('estimates u from random pairs', () => {
    // Records are numbers; the field agrees when both are even or both odd: u(agree) = 1/2.
    const parity: Comparator<number> = {
      field: 'parity',
      levels: ['same', 'else'],
      compare: (a, b) => (a % 2 === b % 2 ? 0 : 1),
    };
    const records = Array.from({ length: 1000 }, (_, i) => i);
    const [u] = estimateU(records, [parity], { samples: 50_000, seed: 5 });
    expect(u![0]!).toBeGreaterThan(0.48);
    expect(u![0]!).toBeLessThan(0.52);
    expect(levelWeights([[0.9, 0.1]], u!.length ? [u!] : [])[0]![0]!).toBeCloseTo(Math.log2(0.9 / u![0]!), 10);
  });
  it('skips pairs that are not allowed', () => {
    const same: Comparator<number> = {
      field: 'x',
      levels: ['same', 'else'],
      compare: (a, b) => (a % 2 === b % 2 ? 0 : 1),
    };
    const records = Array.from({ length: 100 }, (_, i) => i);
    const [u] = estimateU(records, [same], { samples: 2_000, allowed: (a, b) => a % 2 !== b % 2 });
    expect(u![0]!).toBeLessThan(0.01);
  });
  it('samples u within a key where the comparator asks for it, and over all pairs otherwise', () => {
    // Records are numbers; the key is the tens digit (10 groups). Within a group, the last digit agrees in
    // 1 pair of 10 only if drawn from all pairs, but "same group" always agrees within a group.
    const sameTens: Comparator<number> = {
      field: 'tens',
      levels: ['same', 'else'],
      compare: (a, b) => (Math.floor(a / 10) === Math.floor(b / 10) ? 0 : 1),
    };
    const within: Comparator<number> = {
      ...sameTens,
      field: 'tens within',
      uWithin: (x) => String(Math.floor(x / 10)),
    };
    const noKey: Comparator<number> = { ...sameTens, field: 'no key', uWithin: () => null };
    const records = Array.from({ length: 100 }, (_, i) => i);
    const [plain, inGroup, fallback] = estimateU(records, [sameTens, within, noKey], { samples: 20_000, seed: 3 });
    expect(plain![0]!).toBeGreaterThan(0.07);
    expect(plain![0]!).toBeLessThan(0.12);
    expect(inGroup![0]!).toBeGreaterThan(0.99);
    // Groups of unequal size: 5,000 groups of 2 (5,000 pairs) and one of 101 (5,050 pairs) hold about as
    // many pairs each, so about half the sampled pairs fall in a small group.
    const small: Comparator<number> = {
      field: 'small',
      levels: ['small group', 'large group'],
      compare: (a) => (a < 10_000 ? 0 : 1),
      uWithin: (x) => (x < 10_000 ? `s${Math.floor(x / 2)}` : 'large'),
    };
    const [mixed] = estimateU(
      Array.from({ length: 10_101 }, (_, i) => i),
      [small],
      { samples: 20_000, seed: 4 },
    );
    expect(mixed![0]!).toBeGreaterThan(0.47);
    expect(mixed![0]!).toBeLessThan(0.53);
    // No record has a key: sampled over all pairs, as if the comparator had none.
    expect(fallback![0]!).toBeCloseTo(plain![0]!, 1);
  });
});

describe('estimateMFixedU', () => {
  it('recovers m of the fields it is told to estimate, with u fixed, and leaves the others alone', () => {
    const table = synthetic(50_000, 0.3, 9);
    const est = estimateMFixedU(table, TRUE_U, [true, false, true]);
    expect(est.converged).toBe(true);
    expect(est.lambda).toBeCloseTo(0.3, 1);
    for (const f of [0, 2])
      est.m[f]!.forEach((x, l) => expect(Math.abs(x - TRUE_M[f]![l]!), `field ${f} level ${l}`).toBeLessThan(0.03));
    expect(est.m[1]).toEqual(startingM([2])[0]);
  });
});

describe('estimatePrior', () => {
  it('finds the share of matches among all pairs from the candidates’ weights', () => {
    // 1,000 pairs of weight +30 (certain matches) and 1,000 of weight -30 among a million pairs: the prior
    // converges to about 1,000 / 1,000,000 whatever the start.
    for (const start of [1e-9, 1e-3, 0.3])
      expect(estimatePrior([30, -30], [1000, 1000], 1_000_000, start)).toBeCloseTo(1e-3, 5);
  });
  it('is tiny when no candidate looks like a match', () => {
    expect(estimatePrior([-40], [500], 1_000_000, 0.01)).toBeLessThan(1e-9);
  });
});
