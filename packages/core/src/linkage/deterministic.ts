import type { Agreement, LinkageReason, LinkageRecord, ProposedPair, SyncMatchProposer } from './types.ts';

export const DETERMINISTIC_PROPOSER_ID = 'deterministic-blind-index';
export const DETERMINISTIC_PROPOSER_VERSION = 1;

export interface DeterministicOptions {
  /**
   * The frequency cap: a blind index shared by more records than this is not used to find candidate
   * pairs (a common family name would pair everyone with everyone). Pairs it would have found are still
   * found through a rarer index they share (the given name, the whole name). It still counts as a
   * shared token when two records are compared. Default 100.
   */
  readonly maxBlockSize?: number;
  /** Blind indexes two records must share (or all of the shorter record's, if it has fewer). Default 2. */
  readonly minSharedTokens?: number;
  /**
   * The share of the shorter record's blind indexes the other must hold too (0..1). Two people who only
   * share a family name and one half of a compound given name ("Touch Srey Mom", "Li Srey Mom") share
   * two or three indexes of six: not enough. Default 0.5.
   */
  readonly minNameShare?: number;
  /**
   * Birth years this far apart still agree ('compatible'): agencies often record an estimated year, one
   * either side of the true one. 0 asks for equal years. Default 1.
   */
  readonly birthYearTolerance?: number;
}

/** What each field adds to the score when it agrees (the score of a pair agreeing on everything is 1). */
export const DETERMINISTIC_WEIGHTS = {
  /** Times the share of name indexes in common (the mean of shared/shorter and shared/longer). */
  name: 0.5,
  birthYear: { exact: 0.2, compatible: 0.1, missing: 0.05 },
  sex: { exact: 0.1, missing: 0.04 },
  nationality: { exact: 0.1, missing: 0.04 },
  province: { exact: 0.1, missing: 0.04 },
} as const;

/**
 * The first proposer: deterministic rules over blind indexes and statistical attributes.
 *
 *  1. Blocking: records are grouped by each blind index they hold; groups larger than the frequency cap
 *     are skipped. Every pair of records within a group is a candidate (each pair compared once).
 *  2. A candidate is proposed when the two records share at least `minSharedTokens` blind indexes (or all
 *     of the shorter record's) and at least `minNameShare` of the shorter record's, and agree on birth
 *     year (equal, within the tolerance, or missing on one side), sex, nationality and province (each
 *     equal or missing on one side).
 *  3. Its score adds each field's weight (DETERMINISTIC_WEIGHTS); the reasons say how each field compared.
 *
 * Blind indexes are truncated on purpose (a few people share each value at the expected population), so
 * one shared index proves little; two, with the other fields agreeing, is what a reviewer is shown.
 */
export function deterministicProposer(options: DeterministicOptions = {}): SyncMatchProposer {
  const settings = {
    maxBlockSize: options.maxBlockSize ?? 100,
    minSharedTokens: options.minSharedTokens ?? 2,
    birthYearTolerance: options.birthYearTolerance ?? 1,
    minNameShare: options.minNameShare ?? 0.5,
  };
  if (!Number.isInteger(settings.maxBlockSize) || settings.maxBlockSize < 2)
    throw new RangeError(`maxBlockSize must be an integer of at least 2 (got ${settings.maxBlockSize})`);
  if (!Number.isInteger(settings.minSharedTokens) || settings.minSharedTokens < 1)
    throw new RangeError(`minSharedTokens must be a positive integer (got ${settings.minSharedTokens})`);
  if (!(settings.minNameShare >= 0 && settings.minNameShare <= 1))
    throw new RangeError(`minNameShare must be from 0 to 1 (got ${settings.minNameShare})`);
  if (!Number.isInteger(settings.birthYearTolerance) || settings.birthYearTolerance < 0)
    throw new RangeError(`birthYearTolerance must be a non-negative integer (got ${settings.birthYearTolerance})`);
  return {
    id: DETERMINISTIC_PROPOSER_ID,
    version: DETERMINISTIC_PROPOSER_VERSION,
    settings: Object.freeze({ ...settings }),
    propose: (records) => proposeDeterministic(records, settings),
  };
}

type Settings = Required<DeterministicOptions>;

interface Prepared {
  readonly record: LinkageRecord;
  readonly tokens: ReadonlySet<string>;
}

function proposeDeterministic(records: readonly LinkageRecord[], s: Settings): ProposedPair[] {
  const prepared: Prepared[] = [];
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.personId) || record.tokens.length === 0) continue;
    ids.add(record.personId);
    prepared.push({ record, tokens: new Set(record.tokens) });
  }
  const blocks = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const token of p.tokens) {
      const block = blocks.get(token);
      if (block) block.push(i);
      else blocks.set(token, [i]);
    }
  });
  const n = prepared.length;
  const compared = new Set<number>();
  const pairs: ProposedPair[] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > s.maxBlockSize) continue;
    for (let x = 0; x < block.length; x++)
      for (let y = x + 1; y < block.length; y++) {
        const i = block[x]!;
        const j = block[y]!; // i < j: indexes are pushed in order
        const key = i * n + j;
        if (compared.has(key)) continue;
        compared.add(key);
        const pair = compare(prepared[i]!, prepared[j]!, s);
        if (pair) pairs.push(pair);
      }
  }
  return pairs.sort((p, q) => cmp(p.a, q.a) || cmp(p.b, q.b));
}

function compare(p: Prepared, q: Prepared, s: Settings): ProposedPair | null {
  const [small, large] = p.tokens.size <= q.tokens.size ? [p.tokens, q.tokens] : [q.tokens, p.tokens];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  if (shared < Math.min(s.minSharedTokens, small.size) || shared < s.minNameShare * small.size) return null;

  const a = p.record;
  const b = q.record;
  const year = birthYearAgreement(a.birthYear, b.birthYear, s.birthYearTolerance);
  const sex = equalOrMissing(knownSex(a.sex), knownSex(b.sex));
  const nationality = equalOrMissing(a.nationality, b.nationality);
  const province = equalOrMissing(a.province ?? null, b.province ?? null);
  if (year === 'differs' || sex === 'differs' || nationality === 'differs' || province === 'differs') return null;

  const W = DETERMINISTIC_WEIGHTS;
  const nameShare = (shared / small.size + shared / large.size) / 2;
  const reasons: LinkageReason[] = [
    {
      field: 'name',
      agreement: shared === small.size && small.size === large.size ? 'exact' : 'compatible',
      weight: round(W.name * nameShare),
      shared,
      of: small.size,
    },
    { field: 'birthYear', agreement: year, weight: W.birthYear[year] },
    { field: 'sex', agreement: sex, weight: W.sex[sex] },
    { field: 'nationality', agreement: nationality, weight: W.nationality[nationality] },
    { field: 'province', agreement: province, weight: W.province[province] },
  ];
  const score = round(reasons.reduce((sum, r) => sum + r.weight, 0));
  const [first, second] = cmp(a.personId, b.personId) < 0 ? [a, b] : [b, a];
  return { a: first.personId, b: second.personId, score: Math.min(1, score), reasons };
}

function birthYearAgreement(
  a: number | null,
  b: number | null,
  tolerance: number,
): Exclude<Agreement, 'differs'> | 'differs' {
  if (a === null || b === null) return 'missing';
  const gap = Math.abs(a - b);
  return gap === 0 ? 'exact' : gap <= tolerance ? 'compatible' : 'differs';
}

function equalOrMissing(a: string | null, b: string | null): 'exact' | 'missing' | 'differs' {
  if (a === null || b === null) return 'missing';
  return a === b ? 'exact' : 'differs';
}

function knownSex(sex: string | null): string | null {
  return sex === null || sex === 'unknown' ? null : sex;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Code-unit order (not locale order), the same everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
