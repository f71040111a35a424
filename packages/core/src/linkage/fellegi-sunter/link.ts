import { MISSING, PERSON_COMPARATORS, type Comparator } from './comparators.ts';
import { forEachCandidate, type BlockingRule } from './blocking.ts';
import { clusterPairs } from './cluster.ts';
import { estimateM, estimateU, levelWeights, type PatternTable } from './model.ts';
import type { Prepared } from './record.ts';

/** Default blocking rules for person records (recall measured by blockingRecall). */
export const PERSON_BLOCKING_RULES: readonly BlockingRule<Prepared>[] = [
  { name: 'document number', key: (p) => p.document },
  {
    name: 'both names (either order)',
    key: (p) => (p.given && p.family ? [p.given.folded, p.family.folded].sort().join('|') : null),
  },
  {
    name: 'family phonetic + birth year',
    key: (p) => (p.family && p.birth ? `${p.family.phonetic}|${p.birth.year}` : null),
  },
  {
    name: 'given phonetic + birth year',
    key: (p) => (p.given && p.birth ? `${p.given.phonetic}|${p.birth.year}` : null),
  },
  { name: 'given phonetic + place', key: (p) => (p.given && p.place ? `${p.given.phonetic}|${p.place}` : null) },
  {
    name: 'family prefix + place',
    key: (p) => (p.family && p.place ? `${p.family.folded.slice(0, 3)}|${p.place}` : null),
  },
  { name: 'birth date', key: (p) => (p.birth && p.birth.digits !== '' ? p.birth.digits : null) },
];

export interface LinkOptions<P> {
  readonly comparators?: readonly Comparator<P>[];
  readonly rules?: readonly BlockingRule<P>[];
  /** Blocks larger than this are skipped. Default 1000. */
  readonly maxBlockSize?: number;
  /** Random pairs sampled for u. Default 200,000. */
  readonly uSamples?: number;
  readonly seed?: number;
  /** Match-weight threshold (log2 units). Default: where the match probability reaches `minProbability`. */
  readonly threshold?: number;
  /** Default 0.5; used when `threshold` is not given. */
  readonly minProbability?: number;
  /** No cluster larger than this. Default 50. */
  readonly maxClusterSize?: number;
  /** Compare only records of different sources (linking, not de-duplicating). */
  readonly crossSourceOnly?: boolean;
  readonly emMaxIterations?: number;
  readonly emTolerance?: number;
  readonly onProgress?: (stage: string, detail: string) => void;
}

export interface FsModel {
  readonly fields: readonly string[];
  readonly levels: readonly (readonly string[])[];
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  /** log2(m/u) per field and level. */
  readonly weights: readonly (readonly number[])[];
  /** Share of blocked pairs that are matches, as EM found it. */
  readonly lambda: number;
  /** log2 prior odds that a random allowed pair is one person. */
  readonly priorWeight: number;
  readonly threshold: number;
  readonly emIterations: number;
  readonly emConverged: boolean;
}

export interface FieldExplanation {
  readonly field: string;
  /** The level's name, or 'missing'. */
  readonly level: string;
  /** What the field added to the match weight (with the term-frequency adjustment). */
  readonly weight: number;
  /** The term-frequency part of `weight`, when there is one. */
  readonly tfAdjustment?: number;
}

export interface LinkResult {
  readonly model: FsModel;
  /** Candidate pairs compared. */
  readonly candidates: number;
  /** Pairs at or above the threshold: record indexes, weight and match probability. */
  readonly pairs: { readonly i: Int32Array; readonly j: Int32Array; readonly weight: Float64Array };
  /** Cluster of each record: the index of its cluster's smallest record (by id). */
  readonly clusterOf: Int32Array;
  probability(weight: number): number;
  explain(i: number, j: number): FieldExplanation[];
}

class Growable {
  data: Int32Array;
  length = 0;
  constructor() {
    this.data = new Int32Array(1024);
  }
  push(x: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Fellegi–Sunter linkage learned without labels: blocking, comparison, u by random sampling, m by EM,
 * scoring (sum of log2(m/u) plus term-frequency adjustments), threshold and capped clustering.
 */
export function linkRecords<P extends { readonly id: string; readonly source?: string | null }>(
  records: readonly P[],
  options: LinkOptions<P> = {},
): LinkResult {
  const comparators = (options.comparators ?? PERSON_COMPARATORS) as readonly Comparator<P>[];
  const rules = (options.rules ?? PERSON_BLOCKING_RULES) as readonly BlockingRule<P>[];
  const progress = options.onProgress ?? (() => {});
  const allowed = options.crossSourceOnly ? (a: P, b: P) => (a.source ?? null) !== (b.source ?? null) : undefined;
  const n = records.length;
  const F = comparators.length;

  // Term frequencies of the values of fields with a TF adjustment.
  const tf = comparators.map((c) => {
    if (!c.tfValue) return null;
    const counts = new Map<string, number>();
    let total = 0;
    for (const r of records) {
      const v = c.tfValue(r);
      if (v === null) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      total++;
    }
    return { counts, total };
  });

  progress('u', `sampling ${options.uSamples ?? 200_000} random pairs`);
  const u = estimateU(records, comparators, {
    samples: options.uSamples ?? 200_000,
    seed: options.seed ?? 1,
    ...(allowed && { allowed }),
  });

  // Compare every candidate pair once; keep its pattern.
  const radix = comparators.map((c) => c.levels.length + 1);
  const patternIndex = new Map<number, number>();
  const patternLevels: number[][] = [];
  const patternCounts: number[] = [];
  const pi = new Growable();
  const pj = new Growable();
  const pp = new Growable();
  const levels = new Array<number>(F);
  const candidates = forEachCandidate(
    records,
    rules,
    (i, j) => {
      let code = 0;
      for (let f = 0; f < F; f++) {
        const l = comparators[f]!.compare(records[i]!, records[j]!);
        levels[f] = l;
        code = code * radix[f]! + (l + 1);
      }
      let p = patternIndex.get(code);
      if (p === undefined) {
        p = patternLevels.length;
        patternIndex.set(code, p);
        patternLevels.push([...levels]);
        patternCounts.push(0);
      }
      patternCounts[p]!++;
      pi.push(i);
      pj.push(j);
      pp.push(p);
      if (pi.length % 1_000_000 === 0) progress('compare', `${pi.length} pairs compared`);
    },
    { maxBlockSize: options.maxBlockSize ?? 1000, ...(allowed && { allowed }) },
  );
  progress('compare', `${candidates} candidate pairs, ${patternLevels.length} patterns`);

  const table: PatternTable = { levels: patternLevels, counts: patternCounts };
  const em = estimateM(table, u, {
    ...(options.emMaxIterations !== undefined && { maxIterations: options.emMaxIterations }),
    ...(options.emTolerance !== undefined && { tolerance: options.emTolerance }),
  });
  progress(
    'em',
    `${em.iterations} iterations${em.converged ? '' : ' (not converged)'}, lambda ${em.lambda.toFixed(4)}`,
  );
  const weights = levelWeights(em.m, u);

  let allowedPairs = (n * (n - 1)) / 2;
  if (allowed) {
    const bySource = new Map<string | null, number>();
    for (const r of records) bySource.set(r.source ?? null, (bySource.get(r.source ?? null) ?? 0) + 1);
    for (const c of bySource.values()) allowedPairs -= (c * (c - 1)) / 2;
  }
  const expectedMatches = em.lambda * candidates;
  const priorP = Math.min(0.5, Math.max(1e-12, expectedMatches / Math.max(1, allowedPairs)));
  const priorWeight = Math.log2(priorP / (1 - priorP));
  const minProbability = options.minProbability ?? 0.5;
  const threshold = options.threshold ?? Math.log2(minProbability / (1 - minProbability)) - priorWeight;

  const tfAdjust = (f: number, level: number, a: P): number => {
    const c = comparators[f]!;
    const t = tf[f];
    if (!t || !c.tfLevels?.includes(level)) return 0;
    const v = c.tfValue!(a);
    if (v === null) return 0;
    const freq = Math.max(1, t.counts.get(v) ?? 1) / Math.max(1, t.total);
    return Math.log2(u[f]![level]! / freq);
  };
  const patternWeight = patternLevels.map((ls) => ls.reduce((s, l, f) => (l === MISSING ? s : s + weights[f]![l]!), 0));
  const hasTf = comparators.map((c) => c.tfLevels !== undefined && c.tfLevels.length > 0);

  const keepI: number[] = [];
  const keepJ: number[] = [];
  const keepW: number[] = [];
  for (let e = 0; e < pi.length; e++) {
    const p = pp.data[e]!;
    let w = patternWeight[p]!;
    const ls = patternLevels[p]!;
    const a = records[pi.data[e]!]!;
    for (let f = 0; f < F; f++) if (hasTf[f] && ls[f] !== MISSING) w += tfAdjust(f, ls[f]!, a);
    if (w >= threshold) {
      keepI.push(pi.data[e]!);
      keepJ.push(pj.data[e]!);
      keepW.push(w);
    }
  }
  const pairs = { i: Int32Array.from(keepI), j: Int32Array.from(keepJ), weight: Float64Array.from(keepW) };
  progress('score', `${keepW.length} pairs at or above weight ${threshold.toFixed(2)}`);
  const byId = (x: number, y: number) => {
    const a = records[x]!.id;
    const b = records[y]!.id;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const clusterOf = clusterPairs(n, pairs, threshold, options.maxClusterSize ?? 50, byId);

  const model: FsModel = {
    fields: comparators.map((c) => c.field),
    levels: comparators.map((c) => c.levels),
    m: em.m,
    u,
    weights,
    lambda: em.lambda,
    priorWeight,
    threshold,
    emIterations: em.iterations,
    emConverged: em.converged,
  };
  return {
    model,
    candidates,
    pairs,
    clusterOf,
    probability: (w) => 1 / (1 + 2 ** -(w + priorWeight)),
    explain(i, j) {
      const a = records[i]!;
      const b = records[j]!;
      return comparators.map((c, f) => {
        const l = c.compare(a, b);
        if (l === MISSING) return { field: c.field, level: 'missing', weight: 0 };
        const adj = hasTf[f] ? tfAdjust(f, l, a) : 0;
        return {
          field: c.field,
          level: c.levels[l]!,
          weight: weights[f]![l]! + adj,
          ...(adj !== 0 && { tfAdjustment: adj }),
        };
      });
    },
  };
}
