import { popcount32 } from './dice.ts';

/**
 * Two-party matching of CLKs: every pair of the two sets is compared (no blocking, so no true pair is
 * lost to a blocking key), pairs at or above the Dice threshold are kept, then a greedy one-to-one
 * assignment takes the best pair first and drops every other pair of either record.
 *
 * The sets are packed into one Uint32Array each (record i at words i*W .. i*W+W-1) for locality. The
 * inner loop counts bits of a & b with the SWAR trick, summing the per-byte counts of up to 31 words
 * before one multiply folds them. It counts the first half of the words, then stops early when even
 * every remaining bit could not lift the pair to the threshold (|A∩B| <= first-half count + the smaller
 * remaining weight): for balanced CLKs at thresholds above about 0.77 this skips the second half of
 * almost every non-matching pair; below that it skips little, hence scanPairs (one pass for all).
 */
export interface PackedClks {
  readonly count: number;
  /** Words per CLK. */
  readonly words: number;
  readonly data: Uint32Array;
  /** Total weight and the weight of the second half of each CLK. */
  readonly weight: Uint32Array;
  readonly tailWeight: Uint32Array;
}

export function packClks(clks: readonly Uint32Array[], wordsIfEmpty = 0): PackedClks {
  const words = clks[0]?.length ?? wordsIfEmpty;
  const data = new Uint32Array(clks.length * words);
  const weight = new Uint32Array(clks.length);
  const tailWeight = new Uint32Array(clks.length);
  const half = words >>> 1;
  clks.forEach((clk, i) => {
    if (clk.length !== words) throw new RangeError(`CLK ${i}: ${clk.length} words, expected ${words}`);
    data.set(clk, i * words);
    let w = 0;
    let t = 0;
    for (let j = 0; j < words; j++) {
      const c = popcount32(clk[j]!);
      w += c;
      if (j >= half) t += c;
    }
    weight[i] = w;
    tailWeight[i] = t;
  });
  return { count: clks.length, words, data, weight, tailWeight };
}

/** Packs CLKs as they arrive (a stream), growing one buffer: about bits / 8 bytes per record. */
export class ClkSetBuilder {
  private data: Uint32Array;
  private n = 0;
  constructor(private readonly words: number) {
    this.data = new Uint32Array(words * 1024);
  }
  get count(): number {
    return this.n;
  }
  add(clk: Uint32Array): number {
    if (clk.length !== this.words) throw new RangeError(`CLK: ${clk.length} words, expected ${this.words}`);
    if ((this.n + 1) * this.words > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data.set(clk, this.n * this.words);
    return this.n++;
  }
  build(): PackedClks {
    const { words, n } = this;
    const clks = Array.from({ length: n }, (_, i) => this.data.subarray(i * words, (i + 1) * words));
    return packClks(clks, words);
  }
}

export interface ClkPair {
  /** Index in the first set. */
  readonly a: number;
  /** Index in the second set. */
  readonly b: number;
  readonly dice: number;
}

/** Sums of bit counts of a[ao+i] & b[bo+i] for i in [from, to): at most 31 words per fold. */
function andCount(a: Uint32Array, ao: number, b: Uint32Array, bo: number, from: number, to: number): number {
  let total = 0;
  let i = from;
  while (i < to) {
    const end = Math.min(to, i + 31);
    let acc = 0;
    for (; i < end; i++) {
      let x = a[ao + i]! & b[bo + i]!;
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      acc = (acc + ((x + (x >>> 4)) & 0x0f0f0f0f)) | 0;
    }
    // Each byte of acc holds at most 31 * 8 = 248: fold the four bytes.
    acc = (acc & 0x00ff00ff) + ((acc >>> 8) & 0x00ff00ff);
    total += (acc & 0xffff) + (acc >>> 16);
  }
  return total;
}

/** Every pair with Dice >= threshold; with `same` (a and b are one set), only pairs a < b. */
export function candidatePairs(a: PackedClks, b: PackedClks, threshold: number, same = false): ClkPair[] {
  if (a.count > 0 && b.count > 0 && a.words !== b.words) throw new RangeError('CLK sets differ in length');
  const W = a.words;
  const half = W >>> 1;
  const out: ClkPair[] = [];
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < a.count; i++) {
    const ao = i * W;
    const wa = a.weight[i]!;
    const ta = a.tailWeight[i]!;
    for (let j = same ? i + 1 : 0; j < b.count; j++) {
      const total = wa + b.weight[j]!;
      if (total === 0) continue;
      // The smallest intersection that reaches the threshold (a hair of slack for rounding).
      const need = (threshold * total) / 2 - 1e-9;
      const bo = j * W;
      const head = andCount(ad, ao, bd, bo, 0, half);
      const tb = b.tailWeight[j]!;
      if (head + (ta < tb ? ta : tb) < need) continue;
      const inter = head + andCount(ad, ao, bd, bo, half, W);
      if (inter >= need) out.push({ a: i, b: j, dice: (2 * inter) / total });
    }
  }
  return out;
}

/** Best pair first (ties: lower a, then lower b); each record used at most once. */
export function greedyOneToOne(pairs: readonly ClkPair[]): ClkPair[] {
  const sorted = [...pairs].sort((x, y) => y.dice - x.dice || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: ClkPair[] = [];
  for (const p of sorted) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out;
}

/**
 * Each record of `a`, its best and second-best Dice in `b` and the index of the best (-1 and -1 when
 * nothing reaches `floor`: scores below it are not tracked). With `same` (a and b are one set) a record
 * is not compared with itself. Uses the early exit of candidatePairs against max(floor, the record's
 * current second-best), so with a floor well above 0.5 it costs about what candidatePairs does.
 */
export function topTwo(
  a: PackedClks,
  b: PackedClks,
  same = false,
  floor = 0,
): { best: Float64Array; second: Float64Array; bestIndex: Int32Array } {
  if (a.count > 0 && b.count > 0 && a.words !== b.words) throw new RangeError('CLK sets differ in length');
  const W = a.words;
  const half = W >>> 1;
  const best = new Float64Array(a.count).fill(-1);
  const second = new Float64Array(a.count).fill(-1);
  const bestIndex = new Int32Array(a.count).fill(-1);
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < a.count; i++) {
    const ao = i * W;
    const wa = a.weight[i]!;
    const ta = a.tailWeight[i]!;
    let b1 = -1;
    let b2 = -1;
    let j1 = -1;
    for (let j = 0; j < b.count; j++) {
      if (same && i === j) continue;
      const total = wa + b.weight[j]!;
      if (total === 0) continue;
      const need = ((b2 > floor ? b2 : floor) * total) / 2 - 1e-9;
      const bo = j * W;
      const head = andCount(ad, ao, bd, bo, 0, half);
      const tb = b.tailWeight[j]!;
      if (head + (ta < tb ? ta : tb) < need) continue;
      const d = (2 * (head + andCount(ad, ao, bd, bo, half, W))) / total;
      if (d < floor) continue;
      if (d > b1) {
        b2 = b1;
        b1 = d;
        j1 = j;
      } else if (d > b2) b2 = d;
    }
    best[i] = b1;
    second[i] = b2;
    bestIndex[i] = j1;
  }
  return { best, second, bestIndex };
}

export interface TopTwo {
  readonly best: Float64Array;
  readonly second: Float64Array;
  readonly bestIndex: Int32Array;
}

/**
 * One pass over all pairs of `a` x `b` (or, with `same`, the pairs i < j of one set): each record's
 * best and second-best score on both sides (as topTwo, scores below `floor` untracked) and every pair
 * at or above `floor`. One pass instead of three: below a Dice of about 0.77 the early exit of
 * candidatePairs skips nothing on balanced CLKs, so each pass costs the full popcount of every pair.
 */
export function scanPairs(
  a: PackedClks,
  b: PackedClks,
  floor: number,
  same = false,
): { ab: TopTwo; ba: TopTwo; pairs: ClkPair[] } {
  if (a.count > 0 && b.count > 0 && a.words !== b.words) throw new RangeError('CLK sets differ in length');
  const W = a.words;
  const mk = (n: number) => ({
    best: new Float64Array(n).fill(-1),
    second: new Float64Array(n).fill(-1),
    bestIndex: new Int32Array(n).fill(-1),
  });
  const ab = mk(a.count);
  const ba = same ? ab : mk(b.count);
  const put = (t: ReturnType<typeof mk>, i: number, j: number, d: number) => {
    if (d > t.best[i]!) {
      t.second[i] = t.best[i]!;
      t.best[i] = d;
      t.bestIndex[i] = j;
    } else if (d > t.second[i]!) t.second[i] = d;
  };
  const pairs: ClkPair[] = [];
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < a.count; i++) {
    const ao = i * W;
    const wa = a.weight[i]!;
    for (let j = same ? i + 1 : 0; j < b.count; j++) {
      const total = wa + b.weight[j]!;
      if (total === 0) continue;
      const d = (2 * andCount(ad, ao, bd, j * W, 0, W)) / total;
      if (d < floor) continue;
      put(ab, i, j, d);
      put(ba, j, i, d);
      pairs.push({ a: i, b: j, dice: d });
    }
  }
  return { ab, ba, pairs };
}

/** Range and step of a chosen threshold, and the share of false links it accepts (expected). */
export interface AutoThresholdOptions {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly falseLinkRate: number;
}
export const AUTO_THRESHOLD: AutoThresholdOptions = { min: 0.55, max: 0.99, step: 0.005, falseLinkRate: 0.001 };

/**
 * Scores that are non-matches, one per record, for chooseThreshold: where a record and its best
 * candidate are each other's best (mutual) and that score stands `gap` above the record's second-best,
 * the pair is taken as the record's partner and the second-best score as its best non-match
 * (one-to-one: at most one partner); otherwise its best score is itself a non-match (a record without a
 * partner: in small files two such records are often each other's best, but only just).
 * `otherBestIndex` is the other side's bestIndex (the same array within one set).
 */
export function nonMatchScores(
  mine: { best: Float64Array; second: Float64Array; bestIndex: Int32Array },
  otherBestIndex: Int32Array,
  gap = 0.02,
): Float64Array {
  return mine.best.map((b, i) => {
    const j = mine.bestIndex[i]!;
    return j >= 0 && otherBestIndex[j] === i && b - mine.second[i]! >= gap ? mine.second[i]! : b;
  });
}

/**
 * A Dice threshold chosen from the scores themselves, without labels.
 *
 * `nonMatch` holds one non-match score per record (nonMatchScores): how high the best wrong candidate
 * of a record reaches in these data. Lowering the threshold t from `max`, the records still unlinked at
 * t (`n - linkedAt(t)`, taken as having no partner, which overstates them) would each be linked wrongly
 * with probability P(non-match score >= t); t stops just before the expected false links exceed
 * `falseLinkRate` of the links made (`oneToOne` false: every record is exposed, linked or not).
 * Unlike a fixed threshold this follows the data: where every record has a partner the one-to-one
 * assignment does the work and t goes low; where records with few fields (a name and a year only)
 * make unrelated CLKs alike, or many records have no partner, t rises.
 */
export function chooseThreshold(
  nonMatch: ArrayLike<number>,
  linkedAt: (t: number) => number,
  opts: Partial<AutoThresholdOptions> = {},
  oneToOne = true,
): number {
  const { min, max, step, falseLinkRate } = { ...AUTO_THRESHOLD, ...opts };
  const n = nonMatch.length;
  const sorted = Float64Array.from(nonMatch).sort();
  let above = n; // index of the first score >= t in `sorted`, walked down as t falls
  let chosen = max;
  const steps = Math.round((max - min) / step);
  for (let s = 0; s <= steps; s++) {
    const t = max - s * step;
    while (above > 0 && sorted[above - 1]! >= t - 1e-12) above--;
    const pFalse = (n - above) / Math.max(n, 1);
    const linked = linkedAt(t);
    // Without one-to-one assignment a linked record can gain a wrong pair too: every record counts.
    const exposed = oneToOne ? n - linked : n;
    if (exposed * pFalse > falseLinkRate * Math.max(linked, 1)) break;
    chosen = t;
  }
  return Math.round(chosen * 1000) / 1000;
}

/** Counts of a greedy one-to-one assignment's links at or above each threshold (pairs best first). */
export function linkCounter(assigned: readonly ClkPair[]): (t: number) => number {
  const scores = Float64Array.from(assigned, (p) => p.dice).sort();
  return (t) => {
    let lo = 0;
    let hi = scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (scores[mid]! >= t - 1e-12) hi = mid;
      else lo = mid + 1;
    }
    return scores.length - lo;
  };
}

export const DEFAULT_DICE_THRESHOLD = 0.8;

/** Two-party linkage: all pairs, threshold, greedy one-to-one. */
export function matchClks(a: PackedClks, b: PackedClks, threshold = DEFAULT_DICE_THRESHOLD): ClkPair[] {
  return greedyOneToOne(candidatePairs(a, b, threshold));
}

export interface Linkage {
  readonly pairs: ClkPair[];
  readonly threshold: number;
  /** True when the threshold was chosen from the scores (no `threshold` given). */
  readonly chosen: boolean;
}

/**
 * The lowest threshold worth collecting pairs for: the 5th percentile of the records' best non-match
 * scores (below it nearly every record has a wrong candidate, so no threshold there is chosen), and at
 * least AUTO_THRESHOLD.min. Balanced CLKs of unrelated records score about 0.5, so a floor near it would
 * collect a large share of all pairs.
 */
function candidateFloor(nonMatch: Float64Array, quantile = 0.05): number {
  const sorted = Float64Array.from(nonMatch).sort();
  const q = sorted.length ? sorted[Math.floor(quantile * (sorted.length - 1))]! : 0;
  return Math.max(AUTO_THRESHOLD.min, Math.floor(q * 200) / 200);
}

/**
 * A first, cheap look at the non-match level: up to 256 records of `a`, spread evenly, against all of
 * `b`. The 1st percentile of their second-best scores is the floor below which the full pass keeps
 * no pair (balanced CLKs of unrelated records score about 0.5: without a floor it would keep most).
 */
function sampledFloor(a: PackedClks, b: PackedClks): number {
  const step = Math.max(1, Math.floor(a.count / 256));
  const rows: number[] = [];
  for (let i = 0; i < a.count; i += step) rows.push(i);
  const W = a.words;
  const sample = packClks(
    rows.map((i) => a.data.subarray(i * W, (i + 1) * W)),
    W,
  );
  const top = topTwo(sample, b, false, AUTO_THRESHOLD.min);
  // The second-best: a non-match whether or not the best is a partner (or, within one set, itself).
  return Math.max(AUTO_THRESHOLD.min, candidateFloor(top.second, 0.01) - 0.01);
}

/**
 * Two-party linkage: all pairs (no blocking), greedy one-to-one, at the given threshold or at one
 * chosen from the scores (chooseThreshold). `onProgress` hears each stage.
 */
export function linkTwo(
  a: PackedClks,
  b: PackedClks,
  opts: { threshold?: number; onProgress?: (stage: string) => void } = {},
): Linkage {
  const { threshold, onProgress = () => {} } = opts;
  if (threshold !== undefined) {
    onProgress(`comparing ${a.count} x ${b.count} pairs at Dice ${threshold}`);
    return { pairs: greedyOneToOne(candidatePairs(a, b, threshold)), threshold, chosen: false };
  }
  onProgress(`comparing ${a.count} x ${b.count} pairs: each record's best and second-best score, both ways`);
  const first = sampledFloor(a, b);
  const { ab, ba, pairs } = scanPairs(a, b, first);
  const nonMatch = Float64Array.from([...nonMatchScores(ab, ba.bestIndex), ...nonMatchScores(ba, ab.bestIndex)]);
  const floor = Math.max(first, candidateFloor(nonMatch));
  onProgress(`one-to-one assignment of the pairs at Dice ${floor.toFixed(3)} or more`);
  const assigned = greedyOneToOne(pairs.filter((p) => p.dice >= floor));
  // Links count once per side, as the non-match scores do.
  const linked = linkCounter(assigned);
  const t = chooseThreshold(nonMatch, (x) => 2 * linked(x), { min: floor });
  return { pairs: assigned.filter((p) => p.dice >= t - 1e-12), threshold: t, chosen: true };
}

/**
 * Linkage within one set (no sources to pair): every pair at or above the threshold (not one-to-one;
 * a person may occur several times). A chosen threshold takes non-match scores as linkTwo does, but
 * without the one-to-one assignment to absorb them it must clear nearly every record's best non-match:
 * much higher, with lower recall. Give sources where the records come from lists without duplicates.
 */
export function linkWithin(
  a: PackedClks,
  opts: { threshold?: number; onProgress?: (stage: string) => void } = {},
): Linkage {
  const { threshold, onProgress = () => {} } = opts;
  let t = threshold;
  if (t === undefined) {
    onProgress(`comparing ${a.count} records with each other: best and second-best scores`);
    const first = sampledFloor(a, a);
    const scan = scanPairs(a, a, first, true);
    const sortedBest = Float64Array.from(scan.ab.best).sort();
    const linkedAt = (x: number) => {
      let n = 0;
      for (let i = sortedBest.length - 1; i >= 0 && sortedBest[i]! >= x - 1e-12; i--) n++;
      return n;
    };
    const nonMatch = nonMatchScores(scan.ab, scan.ab.bestIndex);
    t = chooseThreshold(nonMatch, linkedAt, { min: Math.max(first, candidateFloor(nonMatch)) }, false);
    onProgress(`pairs at Dice ${t} or more`);
    const chosen = t;
    return { pairs: scan.pairs.filter((p) => p.dice >= chosen - 1e-12), threshold: t, chosen: true };
  }
  onProgress(`pairs at Dice ${t} or more`);
  return { pairs: candidatePairs(a, a, t, true), threshold: t, chosen: false };
}
