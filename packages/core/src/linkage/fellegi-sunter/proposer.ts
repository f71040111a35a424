import type { Agreement, LinkageReason, LinkageRecord, ProposedPair, SyncMatchProposer } from '../types.ts';
import type { BlockingRule } from './blocking.ts';
import { MISSING, type Comparator } from './comparators.ts';
import { linkRecords, type LinkOptions } from './link.ts';

export const FELLEGI_SUNTER_PROPOSER_ID = 'fellegi-sunter';
// 2: the linker's comparators and training changed (2026-11-29).
export const FELLEGI_SUNTER_PROPOSER_VERSION = 2;

/** A LinkageRecord with what the comparators need, computed once. */
interface Wrapped {
  readonly id: string;
  readonly source: string;
  readonly record: LinkageRecord;
  readonly tokens: ReadonlySet<string>;
  readonly sorted: readonly string[];
}

/**
 * The name over blind indexes (the proposer never sees a name): all indexes shared; at least half of the
 * shorter record's; at least one; none.
 */
const tokensComparator: Comparator<Wrapped> = {
  field: 'name',
  levels: ['all', 'most', 'some', 'none'],
  compare(a, b) {
    if (a.tokens.size === 0 || b.tokens.size === 0) return MISSING;
    let shared = 0;
    for (const t of a.tokens) if (b.tokens.has(t)) shared++;
    if (shared === a.tokens.size && shared === b.tokens.size) return 0;
    if (shared * 2 >= Math.min(a.tokens.size, b.tokens.size)) return 1;
    return shared > 0 ? 2 : 3;
  },
};

const birthYearComparator: Comparator<Wrapped> = {
  field: 'birthYear',
  levels: ['exact', '±1', 'else'],
  compare(a, b) {
    const x = a.record.birthYear;
    const y = b.record.birthYear;
    if (x === null || y === null) return MISSING;
    return x === y ? 0 : Math.abs(x - y) <= 1 ? 1 : 2;
  },
};

const exact = (field: string, pick: (r: LinkageRecord) => string | null | undefined): Comparator<Wrapped> => ({
  field,
  levels: ['exact', 'else'],
  compare(a, b) {
    const x = pick(a.record) ?? null;
    const y = pick(b.record) ?? null;
    if (x === null || y === null) return MISSING;
    return x === y ? 0 : 1;
  },
});

const knownSex = (r: LinkageRecord) => (r.sex === 'unknown' ? null : r.sex);

const COMPARATORS: readonly Comparator<Wrapped>[] = [
  tokensComparator,
  birthYearComparator,
  exact('sex', knownSex),
  exact('nationality', (r) => r.nationality),
  exact('province', (r) => r.province),
];

/** Records sharing one of their three smallest blind indexes (in code-unit order) are compared. */
const RULES: readonly BlockingRule<Wrapped>[] = [0, 1, 2].map((k) => ({
  name: `name index ${k}`,
  key: (w: Wrapped) => w.sorted[k] ?? null,
}));

export interface FellegiSunterProposerOptions {
  /** Pairs with a match probability below this are not proposed. Default 0.5. */
  readonly minProbability?: number;
  readonly maxBlockSize?: number;
  readonly seed?: number;
}

/**
 * The Fellegi–Sunter linker behind the product seam: it works on what a LinkageRecord carries (blind
 * name indexes, birth year, sex, nationality, province), learns m and u from the records themselves,
 * and proposes each pair above the threshold with its match probability and each field's weight.
 */
export function fellegiSunterProposer(options: FellegiSunterProposerOptions = {}): SyncMatchProposer {
  const settings = {
    minProbability: options.minProbability ?? 0.5,
    maxBlockSize: options.maxBlockSize ?? 1000,
    seed: options.seed ?? 1,
  };
  return {
    id: FELLEGI_SUNTER_PROPOSER_ID,
    version: FELLEGI_SUNTER_PROPOSER_VERSION,
    settings: Object.freeze({ ...settings }),
    propose(records) {
      const wrapped: Wrapped[] = records.map((r) => ({
        id: r.personId,
        source: r.organisationId,
        record: r,
        tokens: new Set(r.tokens),
        sorted: [...new Set(r.tokens)].sort(),
      }));
      const linkOptions: LinkOptions<Wrapped> = {
        comparators: COMPARATORS,
        rules: RULES,
        ...settings,
      };
      const result = linkRecords(wrapped, linkOptions);
      const out: ProposedPair[] = [];
      for (let e = 0; e < result.pairs.i.length; e++) {
        const i = result.pairs.i[e]!;
        const j = result.pairs.j[e]!;
        const reasons: LinkageReason[] = result.explain(i, j).map((x, f) => ({
          field: x.field,
          agreement: agreement(x.level, COMPARATORS[f]!.levels),
          weight: x.weight,
        }));
        const [a, b] =
          wrapped[i]!.id < wrapped[j]!.id ? [wrapped[i]!.id, wrapped[j]!.id] : [wrapped[j]!.id, wrapped[i]!.id];
        if (a === b) continue;
        out.push({ a, b, score: result.probability(result.pairs.weight[e]!), reasons });
      }
      return out.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    },
  };
}

function agreement(level: string, levels: readonly string[]): Agreement {
  if (level === 'missing') return 'missing';
  const l = levels.indexOf(level);
  return l === 0 ? 'exact' : l === levels.length - 1 ? 'differs' : 'compatible';
}
