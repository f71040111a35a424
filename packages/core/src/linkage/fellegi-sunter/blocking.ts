/**
 * Blocking: only records that share a key under at least one rule are compared. Each rule maps a record
 * to one key (or null: the rule does not apply). A pair found by several rules is compared once (by the
 * first rule that finds it). A key held by more than `maxBlockSize` records is skipped (it would pair
 * nearly everyone), and the recall measurement shows what that costs.
 */
export interface BlockingRule<P> {
  readonly name: string;
  key(p: P): string | null;
}

export interface BlockingOptions<P> {
  /** Keys held by more records than this are not used. Default 1000. */
  readonly maxBlockSize?: number;
  /** Pairs never to compare (e.g. two records of one source when linking two sources). */
  readonly allowed?: (a: P, b: P) => boolean;
}

interface RuleKeys {
  /** Each record's key under the rule, or null when it has none or its block is too large. */
  readonly keys: (string | null)[];
  readonly blocks: Map<string, number[]>;
}

function ruleKeys<P>(records: readonly P[], rule: BlockingRule<P>, maxBlockSize: number): RuleKeys {
  const keys = records.map((r) => rule.key(r));
  const blocks = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null) return;
    const block = blocks.get(k);
    if (block) block.push(i);
    else blocks.set(k, [i]);
  });
  for (const [k, block] of blocks)
    if (block.length > maxBlockSize) {
      blocks.delete(k);
      for (const i of block) keys[i] = null;
    }
  return { keys, blocks };
}

/**
 * Calls `emit(i, j, rule)` once for every candidate pair (i < j, indexes into `records`), in a
 * deterministic order. Returns the number of candidate pairs.
 */
export function forEachCandidate<P>(
  records: readonly P[],
  rules: readonly BlockingRule<P>[],
  emit: (i: number, j: number, rule: number) => void,
  options: BlockingOptions<P> = {},
): number {
  const maxBlockSize = options.maxBlockSize ?? 1000;
  const all: RuleKeys[] = [];
  let count = 0;
  for (let r = 0; r < rules.length; r++) {
    const current = ruleKeys(records, rules[r]!, maxBlockSize);
    for (const block of current.blocks.values()) {
      for (let x = 0; x < block.length; x++) {
        const bi = block[x]!;
        for (let y = x + 1; y < block.length; y++) {
          const bj = block[y]!;
          const i = bi < bj ? bi : bj;
          const j = bi < bj ? bj : bi;
          let seen = false;
          for (const earlier of all) {
            const k = earlier.keys[i];
            if (k !== null && k === earlier.keys[j]) {
              seen = true;
              break;
            }
          }
          if (seen) continue;
          if (options.allowed && !options.allowed(records[i]!, records[j]!)) continue;
          count++;
          emit(i, j, r);
        }
      }
    }
    all.push(current);
  }
  return count;
}

export interface RuleRecall {
  readonly rule: string;
  /** Pairs the rule alone compares. */
  readonly pairs: number;
  /** True pairs it keeps, and their share of all true pairs. */
  readonly truePairsKept: number;
  readonly recall: number;
}

/**
 * Blocking recall against ground truth (`truth[i]`: record i's true person): for each rule and for all
 * rules together, the share of true pairs (allowed ones only) that blocking keeps for comparison.
 */
export function blockingRecall<P>(
  records: readonly P[],
  rules: readonly BlockingRule<P>[],
  truth: readonly string[],
  options: BlockingOptions<P> = {},
): { rules: RuleRecall[]; union: RuleRecall } {
  const maxBlockSize = options.maxBlockSize ?? 1000;
  const keys = rules.map((rule) => ruleKeys(records, rule, maxBlockSize));
  const persons = new Map<string, number[]>();
  truth.forEach((t, i) => {
    const g = persons.get(t);
    if (g) g.push(i);
    else persons.set(t, [i]);
  });
  let truePairs = 0;
  let unionKept = 0;
  const kept = new Array<number>(rules.length).fill(0);
  for (const group of persons.values())
    for (let x = 0; x < group.length; x++)
      for (let y = x + 1; y < group.length; y++) {
        const i = group[x]!;
        const j = group[y]!;
        if (options.allowed && !options.allowed(records[i]!, records[j]!)) continue;
        truePairs++;
        let any = false;
        keys.forEach(({ keys: k }, r) => {
          if (k[i] !== null && k[i] === k[j]) {
            kept[r]!++;
            any = true;
          }
        });
        if (any) unionKept++;
      }
  const share = (x: number) => (truePairs === 0 ? 1 : x / truePairs);
  const pairsOf = (blocks: Map<string, number[]>) => {
    let n = 0;
    for (const b of blocks.values()) n += (b.length * (b.length - 1)) / 2;
    return n;
  };
  const unionPairs = forEachCandidate(records, rules, () => {}, options);
  return {
    rules: rules.map((rule, r) => ({
      rule: rule.name,
      pairs: pairsOf(keys[r]!.blocks),
      truePairsKept: kept[r]!,
      recall: share(kept[r]!),
    })),
    union: { rule: 'all rules', pairs: unionPairs, truePairsKept: unionKept, recall: share(unionKept) },
  };
}
