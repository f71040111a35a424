import { seededRandom } from '../fellegi-sunter/random.ts';

/** A list of values with relative frequencies, prepared for fast weighted draws. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  /** Running sums of the weights, the last being their total. */
  readonly cumulative: Float64Array;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, w], k) => {
    sum += w;
    cumulative[k] = sum;
  });
  return { values: entries.map(([v]) => v), cumulative };
}

/** Seeded draws (mulberry32 underneath): the same seed gives the same data set, to the byte. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A whole number from lo to hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** A draw by weight (binary search over the running sums). */
  draw<T>(table: WeightedTable<T>): T {
    const c = table.cumulative;
    const x = this.next() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return table.values[lo]!;
  }
}
