import { MISSING, type Comparator } from './comparators.ts';
import { seededRandom } from './random.ts';

/** Probabilities are kept inside this range so that no level weighs infinitely. */
const FLOOR = 1e-6;

/** Comparison patterns (one level per field, MISSING allowed) with how many pairs had each. */
export interface PatternTable {
  readonly levels: readonly (readonly number[])[];
  readonly counts: readonly number[];
}

export interface MEstimate {
  /** m[field][level]: P(level | the pair is one person). */
  readonly m: number[][];
  /** The non-match distribution among blocked pairs (a nuisance parameter; scoring uses sampled u). */
  readonly uBlocked: number[][];
  /** The share of blocked pairs that are one person. */
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * u-probabilities by random sampling: P(level | two records taken at random), which are almost all
 * different persons. `allowed` skips pairs that would never be compared (e.g. two records of one source
 * when linking two sources). Each level gets a half-pair pseudo-count, so a level never seen is rare
 * rather than impossible. A comparator with `uWithin` gets its u from random pairs sharing that key
 * (over all pairs when no two records share one).
 */
export function estimateU<P>(
  records: readonly P[],
  comparators: readonly Comparator<P>[],
  options: { samples?: number; seed?: number; allowed?: (a: P, b: P) => boolean } = {},
): number[][] {
  const plain = comparators.flatMap((c, f) => (c.uWithin ? [] : [f]));
  const u = comparators.map((c) => new Array<number>(c.levels.length).fill(0));
  const assign = (fields: readonly number[], pairs: PairSampler, salt: number) => {
    const sampled = sampleLevels(
      records,
      fields.map((f) => comparators[f]!),
      pairs,
      { ...options, seed: (options.seed ?? 1) + salt },
    );
    fields.forEach((f, k) => (u[f] = sampled[k]!));
  };
  assign(plain, uniformPairs(records.length), 0);
  comparators.forEach((c, f) => {
    if (!c.uWithin) return;
    const within = withinPairs(records, c.uWithin);
    assign([f], within ?? uniformPairs(records.length), f + 1);
  });
  return u;
}

/** Draws one pair of record indexes (possibly equal, which the caller skips); `pairs`: how many there are. */
type PairSampler = ((rand: () => number) => readonly [number, number]) & { readonly pairs: number };

function uniformPairs(n: number): PairSampler {
  return Object.assign((rand: () => number) => [Math.floor(rand() * n), Math.floor(rand() * n)] as const, {
    pairs: (n * (n - 1)) / 2,
  });
}

/** Pairs sharing a key, uniformly: a group by its number of pairs, then two of its records. */
function withinPairs<P>(records: readonly P[], key: (p: P) => string | null): PairSampler | null {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const k = key(r);
    if (k === null) return;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const members = [...groups.values()].filter((g) => g.length >= 2);
  if (members.length === 0) return null;
  const cumulative = new Float64Array(members.length);
  let total = 0;
  members.forEach((g, k) => (cumulative[k] = total += (g.length * (g.length - 1)) / 2));
  return Object.assign(
    (rand: () => number) => {
      const x = rand() * total;
      let lo = 0;
      let hi = members.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      // Two different members, so that every pair of the group is as likely as any other.
      const g = members[lo]!;
      const a = Math.floor(rand() * g.length);
      let b = Math.floor(rand() * (g.length - 1));
      if (b >= a) b++;
      return [g[a]!, g[b]!] as const;
    },
    { pairs: total },
  );
}

function sampleLevels<P>(
  records: readonly P[],
  comparators: readonly Comparator<P>[],
  draw: PairSampler,
  options: { samples?: number; seed?: number; allowed?: (a: P, b: P) => boolean },
): number[][] {
  const counts = comparators.map((c) => new Float64Array(c.levels.length));
  const totals = new Float64Array(comparators.length);
  if (comparators.length > 0 && draw.pairs >= 1) {
    const rand = seededRandom(options.seed ?? 1);
    const samples = Math.min(options.samples ?? 200_000, draw.pairs);
    let taken = 0;
    for (let tries = 0; taken < samples && tries < samples * 20; tries++) {
      const [i, j] = draw(rand);
      if (i === j) continue;
      const a = records[i]!;
      const b = records[j]!;
      if (options.allowed && !options.allowed(a, b)) continue;
      taken++;
      for (let f = 0; f < comparators.length; f++) {
        const level = comparators[f]!.compare(a, b);
        if (level === MISSING) continue;
        counts[f]![level]!++;
        totals[f]!++;
      }
    }
  }
  return comparators.map((c, f) => {
    const k = c.levels.length;
    return [...counts[f]!].map((x) => clamp((x + 0.5) / (totals[f]! + 0.5 * k)));
  });
}

/** Starting m: most matches agree exactly; the rest spread over the weaker levels, decreasing. */
export function startingM(levelCounts: readonly number[]): number[][] {
  return levelCounts.map((k) => {
    if (k === 1) return [1];
    const rest = Array.from({ length: k - 1 }, (_, l) => 2 ** -(l + 1));
    const sum = rest.reduce((s, x) => s + x, 0);
    return [0.9, ...rest.map((x) => (0.1 * x) / sum)];
  });
}

/**
 * m-probabilities by expectation–maximisation over the blocked pairs' comparison patterns: a two-class
 * latent model (one person / two persons) with fields independent within each class. Both m and the
 * blocked non-match distribution are estimated (blocked non-matches agree on blocking fields far more
 * often than random pairs, so the sampled u would bias m); scoring then uses m with the sampled u.
 * Stops when no probability moves by more than `tolerance` in one iteration.
 */
export function estimateM(
  table: PatternTable,
  u: readonly (readonly number[])[],
  options: { maxIterations?: number; tolerance?: number; startM?: number[][]; startLambda?: number } = {},
): MEstimate {
  const fields = u.length;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  let m = options.startM ?? startingM(u.map((x) => x.length));
  let uB = u.map((x) => [...x]);
  let lambda = options.startLambda ?? 0.1;
  const patterns = table.levels.length;
  const total = table.counts.reduce((s, c) => s + c, 0);
  if (total === 0) return { m, uBlocked: uB, lambda: 0, iterations: 0, converged: true };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const mNum = u.map((x) => new Float64Array(x.length));
    const uNum = u.map((x) => new Float64Array(x.length));
    let matchMass = 0;
    for (let p = 0; p < patterns; p++) {
      const levels = table.levels[p]!;
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let f = 0; f < fields; f++) {
        const l = levels[f]!;
        if (l === MISSING) continue;
        lm += Math.log(m[f]![l]!);
        lu += Math.log(uB[f]![l]!);
      }
      const prob = 1 / (1 + Math.exp(lu - lm));
      const c = table.counts[p]!;
      matchMass += prob * c;
      for (let f = 0; f < fields; f++) {
        const l = levels[f]!;
        if (l === MISSING) continue;
        mNum[f]![l]! += prob * c;
        uNum[f]![l]! += (1 - prob) * c;
      }
    }
    const nextM = mNum.map(normalise);
    const nextU = uNum.map(normalise);
    const nextLambda = clamp(matchMass / total);
    let delta = Math.abs(nextLambda - lambda);
    for (let f = 0; f < fields; f++)
      for (let l = 0; l < nextM[f]!.length; l++) {
        delta = Math.max(delta, Math.abs(nextM[f]![l]! - m[f]![l]!), Math.abs(nextU[f]![l]! - uB[f]![l]!));
      }
    m = nextM;
    uB = nextU;
    lambda = nextLambda;
    converged = delta < tolerance;
  }
  return { m, uBlocked: uB, lambda, iterations, converged };
}

function normalise(xs: Float64Array): number[] {
  let sum = 0;
  for (const x of xs) sum += x;
  if (sum === 0) return [...xs].map(() => 1 / xs.length);
  const out = [...xs].map((x) => clamp(x / sum));
  const s2 = out.reduce((s, x) => s + x, 0);
  return out.map((x) => x / s2);
}

const clamp = (p: number) => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** A level's match weight: log2(m/u). */
export const levelWeights = (m: readonly (readonly number[])[], u: readonly (readonly number[])[]): number[][] =>
  m.map((ms, f) => ms.map((x, l) => Math.log2(x / u[f]![l]!)));

/**
 * m-probabilities of some fields by EM with u fixed (the sampled u), on the pairs of one blocking rule:
 * the rule's own fields are left out (its pairs agree on them by construction), and for the others the
 * rule's non-matches look like random pairs, so the sampled u is right for them. This is how Splink
 * trains; it does not drift to a class such as "same common name in the same province", which a
 * two-class EM over all blocked pairs can settle on when such pairs far outnumber the matches.
 * Returns m for the fields in `include` (the others untouched from the start) and the match share.
 */
export function estimateMFixedU(
  table: PatternTable,
  u: readonly (readonly number[])[],
  include: readonly boolean[],
  options: { maxIterations?: number; tolerance?: number; startLambda?: number } = {},
): { m: number[][]; lambda: number; iterations: number; converged: boolean; matches: number } {
  const fields = u.length;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  let m = startingM(u.map((x) => x.length));
  let lambda = options.startLambda ?? 0.3;
  const logU = u.map((x) => x.map(Math.log));
  const total = table.counts.reduce((s, c) => s + c, 0);
  if (total === 0) return { m, lambda: 0, iterations: 0, converged: true, matches: 0 };
  let iterations = 0;
  let converged = false;
  let matchMass = 0;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const logM = m.map((x) => x.map(Math.log));
    const mNum = u.map((x) => new Float64Array(x.length));
    matchMass = 0;
    for (let p = 0; p < table.levels.length; p++) {
      const levels = table.levels[p]!;
      let d = Math.log(1 - lambda) - Math.log(lambda);
      for (let f = 0; f < fields; f++) {
        const l = levels[f]!;
        if (l === MISSING || !include[f]) continue;
        d += logU[f]![l]! - logM[f]![l]!;
      }
      const w = table.counts[p]! / (1 + Math.exp(d));
      matchMass += w;
      for (let f = 0; f < fields; f++) {
        const l = levels[f]!;
        if (l !== MISSING && include[f]) mNum[f]![l]! += w;
      }
    }
    const nextM = m.map((old, f) => (include[f] ? normalise(mNum[f]!) : old));
    const nextLambda = clamp(matchMass / total);
    let delta = Math.abs(nextLambda - lambda);
    for (let f = 0; f < fields; f++)
      if (include[f])
        for (let l = 0; l < nextM[f]!.length; l++) delta = Math.max(delta, Math.abs(nextM[f]![l]! - m[f]![l]!));
    m = nextM;
    lambda = nextLambda;
    converged = delta < tolerance;
  }
  return { m, lambda, iterations, converged, matches: matchMass };
}

/**
 * The prior probability that two records are one person, by EM on that single parameter over all
 * pairs: candidate pairs with their match weights (as a histogram: `counts[b]` pairs of weight
 * `weights[b]`), every other allowed pair taken as two persons (blocking left it out). Starts from
 * `start` and iterates the expected number of matches to a fixed point.
 */
export function estimatePrior(
  weights: ArrayLike<number>,
  counts: ArrayLike<number>,
  allowedPairs: number,
  start = 1e-6,
  maxIterations = 200,
): number {
  let prior = Math.min(0.5, Math.max(1e-15, start));
  for (let it = 0; it < maxIterations; it++) {
    const odds = Math.log2(prior / (1 - prior));
    let expected = 0;
    for (let b = 0; b < weights.length; b++) {
      const c = counts[b]!;
      if (c !== 0) expected += c / (1 + 2 ** -(weights[b]! + odds));
    }
    const next = Math.min(0.5, Math.max(1e-15, expected / Math.max(1, allowedPairs)));
    const moved = Math.abs(next - prior) / prior;
    prior = next;
    if (moved < 1e-6) break;
  }
  return prior;
}
