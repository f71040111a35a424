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
 * remaining weight): for balanced CLKs this skips the second half of almost every non-matching pair.
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

export function packClks(clks: readonly Uint32Array[]): PackedClks {
  const words = clks[0]?.length ?? 0;
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

/** Every pair with Dice >= threshold. */
export function candidatePairs(a: PackedClks, b: PackedClks, threshold: number): ClkPair[] {
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
    for (let j = 0; j < b.count; j++) {
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

export const DEFAULT_DICE_THRESHOLD = 0.8;

/** Two-party linkage: all pairs, threshold, greedy one-to-one. */
export function matchClks(a: PackedClks, b: PackedClks, threshold = DEFAULT_DICE_THRESHOLD): ClkPair[] {
  return greedyOneToOne(candidatePairs(a, b, threshold));
}
