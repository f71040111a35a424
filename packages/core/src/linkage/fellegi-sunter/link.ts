import { MISSING, PERSON_COMPARATORS, type Comparator } from './comparators.ts';
import { forEachCandidate, type BlockingRule } from './blocking.ts';
import { clusterPairs } from './cluster.ts';
import { trainPerRule } from './train.ts';
import { estimateM, estimatePrior, estimateU, levelWeights, type PatternTable } from './model.ts';
import type { Prepared } from './record.ts';

/** Both names' keys in sorted order, so given and family written the other way round still meet. */
function namesKey(p: Prepared): string | null {
  const g = p.given?.key ?? '';
  const f = p.family?.key ?? '';
  if (g === '' && f === '') return null;
  return g < f ? `${g}|${f}` : `${f}|${g}`;
}

function phoneticNamesKey(p: Prepared): string | null {
  const g = p.given?.phonetic ?? '';
  const f = p.family?.phonetic ?? '';
  if (g === '' || f === '') return null;
  return g < f ? `${g}|${f}` : `${f}|${g}`;
}

const NAME_IMPLIES = ['sex', 'nationality', 'place'];
const NAME_FIELDS = ['given_name', 'family_name', ...NAME_IMPLIES];

const fullDate = (p: Prepared) => (p.birth && p.birth.digits !== '' ? p.birth.digits : null);

/**
 * Default blocking rules for person records (recall measured by blockingRecall). Every rule joins two
 * or more fields: with real name frequencies (a few family names such as Sok or Nguyen cover a large
 * share of people) a name alone, or a birth year alone, makes blocks that grow with the square of the
 * data. Names are compared by their folded keys and Soundex codes, so spellings and script meet.
 *
 * `fields` also lists what a rule's key implies without forcing it: a shared name mostly means a shared
 * sex and nationality (names are gendered and national), and so a shared province far more often than
 * chance (a country has few); a shared province means a shared nationality. Left in, those fields would
 * let the rule's EM session learn "same sex, nationality and province" instead of "same person": namesakes
 * from one province, born years apart, would teach it that a person's birth date often differs.
 */
export const PERSON_BLOCKING_RULES: readonly BlockingRule<Prepared>[] = [
  { name: 'document number', key: (p) => p.document, fields: ['document_number'] },
  {
    name: 'names + birth year',
    key: (p) => {
      const names = namesKey(p);
      return names !== null && p.birth ? `${names}|${p.birth.year}` : null;
    },
    fields: [...NAME_FIELDS, 'birth_date'],
  },
  {
    name: 'names + place',
    key: (p) => {
      const names = namesKey(p);
      return names !== null && p.place !== null ? `${names}|${p.place}` : null;
    },
    fields: NAME_FIELDS,
    // Fifty namesakes in one province are no block; their pairs need a birth date to be told apart.
    maxBlockSize: 50,
  },
  {
    name: 'family name + birth date',
    key: (p) => (p.family && fullDate(p) ? `${p.family.key}|${fullDate(p)}` : null),
    fields: ['family_name', ...NAME_IMPLIES, 'birth_date'],
  },
  {
    name: 'given name + birth date',
    key: (p) => (p.given && fullDate(p) ? `${p.given.key}|${fullDate(p)}` : null),
    fields: ['given_name', ...NAME_IMPLIES, 'birth_date'],
  },
  {
    // Soundex codes are coarse (Sok, Sokha and Seng share S2..), so sex, where recorded, narrows the blocks.
    name: 'phonetic names + birth year + sex',
    key: (p) => {
      const names = phoneticNamesKey(p);
      return names !== null && p.birth ? `${names}|${p.birth.year}|${p.sex ?? ''}` : null;
    },
    fields: [...NAME_FIELDS, 'birth_date'],
    maxBlockSize: 50,
  },
  // Rules for records whose names are both misspelt or both missing; with small caps, because at scale
  // a birth date or a name with a sound-alike is shared by too many records to block on.
  {
    name: 'birth date (small blocks)',
    key: fullDate,
    fields: ['birth_date'],
    maxBlockSize: 20,
  },
  {
    name: 'given name + family phonetic (small blocks)',
    key: (p) => (p.given && p.family ? `${p.given.key}|${p.family.phonetic}` : null),
    fields: NAME_FIELDS,
    maxBlockSize: 20,
  },
  {
    name: 'family name + given phonetic (small blocks)',
    key: (p) => (p.given && p.family ? `${p.family.key}|${p.given.phonetic}` : null),
    fields: NAME_FIELDS,
    maxBlockSize: 20,
  },
  // A typo, a rare romanisation or a transliteration from Khmer script in one name: the other name with
  // the birth year and province still meets.
  {
    name: 'given name + birth year + place',
    key: (p) => (p.given && p.birth && p.place !== null ? `${p.given.key}|${p.birth.year}|${p.place}` : null),
    maxBlockSize: 50,
  },
  {
    name: 'family name + birth year + place',
    key: (p) => (p.family && p.birth && p.place !== null ? `${p.family.key}|${p.birth.year}|${p.place}` : null),
    maxBlockSize: 50,
  },
  {
    name: 'birth date + place',
    key: (p) => (fullDate(p) && p.place !== null ? `${fullDate(p)}|${p.place}` : null),
    fields: ['birth_date', 'place', 'nationality'],
  },
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
 * The frequency of the values of the comparators sharing a `tfJoint` group, taken together (the first
 * such group): a Vietnamese family name and a Vietnamese given name are far likelier together than the
 * product of their frequencies over a population of many nationalities, so term-frequency adjustments
 * field by field overstate how rare "Nguyen Thi Lan" is. Only names held by JOINT_MIN_COUNT records or
 * more (NaN otherwise), so that one person's own duplicates do not make a rare name look common.
 */
const JOINT_MIN_COUNT = 5;

function jointFrequencies<P>(
  records: readonly P[],
  comparators: readonly Comparator<P>[],
): { fields: number[]; log: Float64Array } | null {
  const group = comparators.find((c) => c.tfJoint !== undefined)?.tfJoint;
  if (group === undefined) return null;
  const fields = comparators.flatMap((c, f) => (c.tfJoint === group && c.tfValue ? [f] : []));
  if (fields.length < 2) return null;
  const values = records.map((r) => {
    let key = '';
    for (const f of fields) {
      const v = comparators[f]!.tfValue!(r);
      if (v === null) return null;
      key += `${v}\u0000`;
    }
    return key;
  });
  const counts = new Map<string, number>();
  let total = 0;
  for (const v of values)
    if (v !== null) {
      counts.set(v, (counts.get(v) ?? 0) + 1);
      total++;
    }
  const log = new Float64Array(records.length);
  values.forEach((v, i) => {
    const count = v === null ? 0 : counts.get(v)!;
    log[i] = count < JOINT_MIN_COUNT ? NaN : Math.log2(count / Math.max(1, total));
  });
  return { fields, log };
}

/** Term frequencies within a `uWithin` group (a nationality) only where it has this many records. */
const WITHIN_MIN_COUNT = 50;

/** A compared pair this far (log2 units) below the threshold is two persons for clustering. */
const CANNOT_LINK_MARGIN = 6;

/** Compared pairs scored below `below` whose records both have a link (the only ones clustering can join). */
function cannotLinks(
  n: number,
  pi: Growable,
  pj: Growable,
  weight: Float64Array,
  linked: { readonly i: Int32Array; readonly j: Int32Array },
  below: number,
): { i: Int32Array; j: Int32Array } {
  const hasLink = new Uint8Array(n);
  for (let e = 0; e < linked.i.length; e++) hasLink[linked.i[e]!] = hasLink[linked.j[e]!] = 1;
  const ci = new Growable();
  const cj = new Growable();
  for (let e = 0; e < pi.length; e++) {
    const i = pi.data[e]!;
    const j = pj.data[e]!;
    if (weight[e]! < below && hasLink[i] === 1 && hasLink[j] === 1) {
      ci.push(i);
      cj.push(j);
    }
  }
  return { i: ci.data.subarray(0, ci.length), j: cj.data.subarray(0, cj.length) };
}

/** Weights are binned this finely for the prior's EM (a histogram instead of millions of pairs). */
const PRIOR_BIN = 0.05;

/**
 * Fellegi–Sunter linkage learned without labels: blocking, comparison, u by random sampling, m by EM,
 * scoring (sum of log2(m/u) plus term-frequency adjustments), threshold and capped clustering.
 *
 * m: where rules declare their `fields`, by EM with u fixed on each rule's pairs, leaving out the fields
 * the rule forces to agree (averaged over rules, weighted by their expected matches); fields no rule
 * leaves free fall back to a two-class EM over all blocked pairs. The prior (how likely two records are
 * one person) is then fitted on the candidate pairs' weights. Pairs are kept in typed arrays and EM runs
 * on the table of comparison patterns, not on pairs.
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
  const R = Math.min(rules.length, 31);

  // Term frequencies: each record's log2 share of its value, for fields with a TF adjustment (NaN: none);
  // for a comparator with `uWithin`, its share among the records with the same key (a province's share
  // of its country's people), matching how its u was sampled.
  const shares = (c: Comparator<P>, value: (p: P) => string | null): Float64Array => {
    const values = records.map((r) => {
      const v = value(r);
      if (v === null || !c.uWithin) return v === null ? null : { group: '', key: v };
      const group = c.uWithin(r);
      return group === null ? null : { group, key: `${group}\u0000${v}` };
    });
    const counts = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const v of values) {
      if (v === null) continue;
      counts.set(v.key, (counts.get(v.key) ?? 0) + 1);
      totals.set(v.group, (totals.get(v.group) ?? 0) + 1);
    }
    const out = new Float64Array(n);
    values.forEach((v, i) => {
      const total = v === null ? 0 : totals.get(v.group)!;
      // A handful of records of one nationality tell nothing of how its provinces are shared.
      out[i] = v === null || (c.uWithin && total < WITHIN_MIN_COUNT) ? NaN : Math.log2(counts.get(v.key)! / total);
    });
    return out;
  };
  const tfLog = comparators.map((c) => (c.tfValue ? shares(c, c.tfValue) : null));
  const tfLogExact = comparators.map((c) => (c.tfValue && c.tfExactValue ? shares(c, c.tfExactValue) : null));
  const joint = jointFrequencies(records, comparators);

  progress('u', `sampling ${options.uSamples ?? 200_000} random pairs`);
  const u = estimateU(records, comparators, {
    samples: options.uSamples ?? 200_000,
    seed: options.seed ?? 1,
    ...(allowed && { allowed }),
  });

  // Compare every candidate pair once; keep its pattern, and count (pattern, rules sharing a key).
  const radix = comparators.map((c) => c.levels.length + 1);
  const patternIndex = new Map<number, number>();
  const patternLevels: number[][] = [];
  const patternCounts: number[] = [];
  const byRules = new Map<number, number>();
  const pi = new Growable();
  const pj = new Growable();
  const pp = new Growable();
  const levels = new Array<number>(F);
  const candidates = forEachCandidate(
    records,
    rules,
    (i, j, _rule, mask) => {
      const a = records[i]!;
      const b = records[j]!;
      let code = 0;
      for (let f = 0; f < F; f++) {
        const l = comparators[f]!.compare(a, b);
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
      const key = p * 2 ** R + (mask & (2 ** R - 1));
      byRules.set(key, (byRules.get(key) ?? 0) + 1);
      pi.push(i);
      pj.push(j);
      pp.push(p);
      if (pi.length % 1_000_000 === 0) progress('compare', `${pi.length} pairs compared`);
    },
    { maxBlockSize: options.maxBlockSize ?? 1000, ...(allowed && { allowed }) },
  );
  progress('compare', `${candidates} candidate pairs, ${patternLevels.length} patterns`);

  const emOptions = {
    ...(options.emMaxIterations !== undefined && { maxIterations: options.emMaxIterations }),
    ...(options.emTolerance !== undefined && { tolerance: options.emTolerance }),
  };
  const table: PatternTable = { levels: patternLevels, counts: patternCounts };
  const em = estimateM(table, u, emOptions);
  const m = trainPerRule(rules.slice(0, R), comparators, byRules, table, u, em.m, emOptions);
  progress(
    'em',
    `${em.iterations} iterations${em.converged ? '' : ' (not converged)'}, ${m.sessions} rule sessions, m from rules for ${m.trained}/${F} fields`,
  );
  const weights = levelWeights(m.m, u).map((ws, f) =>
    comparators[f]!.impliedAgreement ? ws.map((w) => Math.min(0, w)) : ws,
  );

  // Each candidate pair's weight: its pattern's, plus term-frequency adjustments on exact names.
  const logU = u.map((x) => x.map(Math.log2));
  const patternWeight = Float64Array.from(patternLevels, (ls) =>
    ls.reduce((s, l, f) => (l === MISSING ? s : s + weights[f]![l]!), 0),
  );
  const tfFields = comparators.flatMap((c, f) => (tfLog[f] && c.tfLevels?.length ? [f] : []));
  const isTfLevel = (f: number, l: number) => comparators[f]!.tfLevels!.includes(l);
  // tfLevelOf[p * F + f]: the level whose u a TF adjustment replaces, or -1.
  const tfLevelOf = new Int8Array(patternLevels.length * F).fill(-1);
  const hasTfLevel = new Uint8Array(patternLevels.length);
  patternLevels.forEach((ls, p) => {
    for (const f of tfFields)
      if (ls[f] !== MISSING && isTfLevel(f, ls[f]!)) {
        tfLevelOf[p * F + f] = ls[f]!;
        hasTfLevel[p] = 1;
      }
  });
  // log2 of the share of records that would agree with record i at a TF level, or NaN.
  const tfShare = (f: number, level: number, i: number): number => {
    const lf = tfLog[f]?.[i] ?? NaN;
    const le = tfLogExact[f]?.[i] ?? NaN;
    if (Number.isNaN(lf) || Number.isNaN(le)) return lf;
    if (level === 0) return le;
    // Folding alike but written differently: the name's share less its spelling's (the other spellings';
    // never zero, as the pair itself shows one; the floor only guards rounding).
    return Math.log2(Math.max(2 ** lf - 2 ** le, 2 ** lf / 1000));
  };
  const tfAdjust = (f: number, level: number, i: number): number => {
    const share = tfShare(f, level, i);
    return Number.isNaN(share) ? 0 : logU[f]![level]! - share;
  };
  // Per-field TF adjustments of record i at the given TF levels (-1: none); where all fields of the
  // joint group agree, the group's part uses the frequency of the values together (the last field of
  // the group carries the difference, so the parts still add up).
  const tfParts = (levelOf: (f: number) => number, i: number, out: Float64Array): Float64Array => {
    out.fill(0);
    for (const f of tfFields) {
      const l = levelOf(f);
      if (l >= 0) out[f] = tfAdjust(f, l, i);
    }
    if (
      joint !== null &&
      !Number.isNaN(joint.log[i]!) &&
      joint.fields.every((f) => levelOf(f) >= 0 && !Number.isNaN(tfLog[f]![i]!))
    ) {
      // The names' frequency together replaces the product of their frequencies (folded, as the joint
      // frequency is); how each is spelled stays in the fields' own parts.
      let correction = -joint.log[i]!;
      for (const f of joint.fields) correction += tfLog[f]![i]!;
      out[joint.fields[joint.fields.length - 1]!]! += correction;
    }
    return out;
  };
  const parts = new Float64Array(F);
  const pairWeight = new Float64Array(pi.length);
  let minW = Infinity;
  let maxW = -Infinity;
  for (let e = 0; e < pi.length; e++) {
    const p = pp.data[e]!;
    let w = patternWeight[p]!;
    if (hasTfLevel[p] === 1) {
      tfParts((f) => tfLevelOf[p * F + f]!, pi.data[e]!, parts);
      for (const f of tfFields) w += parts[f]!;
    }
    pairWeight[e] = w;
    if (w < minW) minW = w;
    if (w > maxW) maxW = w;
  }

  let allowedPairs = (n * (n - 1)) / 2;
  if (allowed) {
    const bySource = new Map<string | null, number>();
    for (const r of records) bySource.set(r.source ?? null, (bySource.get(r.source ?? null) ?? 0) + 1);
    for (const c of bySource.values()) allowedPairs -= (c * (c - 1)) / 2;
  }
  const bins = pi.length === 0 ? 0 : Math.floor((maxW - minW) / PRIOR_BIN) + 1;
  const binCounts = new Float64Array(bins);
  for (let e = 0; e < pi.length; e++) binCounts[Math.floor((pairWeight[e]! - minW) / PRIOR_BIN)]!++;
  const binWeights = Float64Array.from({ length: bins }, (_, b) => minW + (b + 0.5) * PRIOR_BIN);
  const priorP = estimatePrior(
    binWeights,
    binCounts,
    allowedPairs,
    (em.lambda * candidates) / Math.max(1, allowedPairs),
  );
  const priorWeight = Math.log2(priorP / (1 - priorP));
  const minProbability = options.minProbability ?? 0.5;
  const threshold = options.threshold ?? Math.log2(minProbability / (1 - minProbability)) - priorWeight;

  let kept = 0;
  for (let e = 0; e < pi.length; e++) if (pairWeight[e]! >= threshold) kept++;
  const pairs = { i: new Int32Array(kept), j: new Int32Array(kept), weight: new Float64Array(kept) };
  for (let e = 0, k = 0; e < pi.length; e++)
    if (pairWeight[e]! >= threshold) {
      pairs.i[k] = pi.data[e]!;
      pairs.j[k] = pj.data[e]!;
      pairs.weight[k++] = pairWeight[e]!;
    }
  progress('score', `${kept} pairs at or above weight ${threshold.toFixed(2)} (prior ${priorP.toExponential(2)})`);
  const byId = (x: number, y: number) => {
    const a = records[x]!.id;
    const b = records[y]!.id;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const clusterOf = clusterPairs(
    n,
    pairs,
    threshold,
    options.maxClusterSize ?? 50,
    byId,
    cannotLinks(n, pi, pj, pairWeight, pairs, threshold - CANNOT_LINK_MARGIN),
  );
  const hasTf = comparators.map((_, f) => tfFields.includes(f));
  const lambda = candidates === 0 ? 0 : Math.min(1, (priorP * allowedPairs) / candidates);

  const model: FsModel = {
    fields: comparators.map((c) => c.field),
    levels: comparators.map((c) => c.levels),
    m: m.m,
    u,
    weights,
    lambda,
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
      const ls = comparators.map((c) => c.compare(a, b));
      const adjs = tfParts(
        (f) => (hasTf[f] && ls[f] !== MISSING && isTfLevel(f, ls[f]!) ? ls[f]! : -1),
        i,
        new Float64Array(F),
      );
      return comparators.map((c, f) => {
        const l = ls[f]!;
        if (l === MISSING) return { field: c.field, level: 'missing', weight: 0 };
        const adj = adjs[f]!;
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
