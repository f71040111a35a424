import { clusters } from './clusters.ts';
import type { PersonLink } from './types.ts';

export interface PairwiseQuality {
  /** Pairs of records that are truly one person. */
  readonly truePairs: number;
  /** Pairs predicted (proposed, or implied by predicted clusters). */
  readonly predictedPairs: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Pairwise precision and recall of predicted pairs against the truth (`truth`: record id -> true person
 * id). Pairs naming a record outside the truth count as wrong; each pair counts once.
 */
export function pairwiseQuality(predicted: readonly PersonLink[], truth: ReadonlyMap<string, string>): PairwiseQuality {
  const seen = new Set<string>();
  let tp = 0;
  for (const { a, b } of predicted) {
    if (a === b) continue;
    const key = a < b ? `${a}\n${b}` : `${b}\n${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ta = truth.get(a);
    if (ta !== undefined && ta === truth.get(b)) tp++;
  }
  return quality(truePairCount(truth), seen.size, tp);
}

/**
 * Pairwise quality of the clusters the predicted pairs make (transitive closure): every two records in
 * one predicted cluster are a predicted pair. This is what counting persons would see if every
 * proposed pair were confirmed.
 */
export function clusterQuality(predicted: readonly PersonLink[], truth: ReadonlyMap<string, string>): PairwiseQuality {
  const ids = [...truth.keys()];
  const byCluster = new Map<string, string[]>();
  for (const [id, c] of clusters(ids, predicted)) byCluster.set(c, [...(byCluster.get(c) ?? []), id]);
  let predictedPairs = 0;
  let tp = 0;
  for (const members of byCluster.values()) {
    predictedPairs += choose2(members.length);
    const byTruth = new Map<string, number>();
    for (const m of members) byTruth.set(truth.get(m)!, (byTruth.get(truth.get(m)!) ?? 0) + 1);
    for (const n of byTruth.values()) tp += choose2(n);
  }
  return quality(truePairCount(truth), predictedPairs, tp);
}

function truePairCount(truth: ReadonlyMap<string, string>): number {
  const groups = new Map<string, number>();
  for (const t of truth.values()) groups.set(t, (groups.get(t) ?? 0) + 1);
  let n = 0;
  for (const size of groups.values()) n += choose2(size);
  return n;
}

function quality(truePairs: number, predictedPairs: number, truePositives: number): PairwiseQuality {
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

const choose2 = (n: number) => (n * (n - 1)) / 2;
