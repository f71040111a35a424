/**
 * Blocking: only records that share a key under at least one rule are compared. Each rule maps a record
 * to one key (or null: the rule does not apply). A pair found by several rules is compared once (by the
 * first rule that finds it). A key held by more than `maxBlockSize` records is skipped (it would pair
 * nearly everyone), and the recall measurement shows what that costs.
 *
 * Keys become block numbers once per rule, so checking whether an earlier rule already found a pair is
 * an integer comparison, not a string one: this runs for every candidate pair.
 */
export interface BlockingRule<P> {
  readonly name: string;
  key(p: P): string | null;
  /**
   * The comparator fields a shared key makes agree (or nearly): pairs found by this rule say little
   * about those fields, so m-estimation leaves them out when it trains on the rule's pairs.
   */
  readonly fields?: readonly string[];
  /**
   * This rule's own cap on block size, below the overall one: a birth date shared by a few records is
   * a good block, one shared by hundreds (a million young victims) is no block at all.
   */
  readonly maxBlockSize?: number;
}

export interface BlockingOptions<P> {
  /** Keys held by more records than this are not used. Default 1000. */
  readonly maxBlockSize?: number;
  /** Pairs never to compare (e.g. two records of one source when linking two sources). */
  readonly allowed?: (a: P, b: P) => boolean;
}

/** One rule's blocks: each record's block number (-1: no key, or its block is too large) and members. */
export interface RuleBlocks {
  readonly blockOf: Int32Array;
  /** Block b's members are members[starts[b]] .. members[starts[b + 1] - 1], in record order. */
  readonly starts: Int32Array;
  readonly members: Int32Array;
}

export function ruleBlocks<P>(records: readonly P[], rule: BlockingRule<P>, overallMax: number): RuleBlocks {
  const n = records.length;
  const maxBlockSize = Math.min(overallMax, rule.maxBlockSize ?? Infinity);
  const blockOf = new Int32Array(n);
  const ids = new Map<string, number>();
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = rule.key(records[i]!);
    if (k === null) {
      blockOf[i] = -1;
      continue;
    }
    let b = ids.get(k);
    if (b === undefined) {
      b = sizes.length;
      ids.set(k, b);
      sizes.push(0);
    }
    sizes[b]!++;
    blockOf[i] = b;
  }
  // Renumber the blocks worth comparing (two to maxBlockSize members); the rest get -1.
  const renumber = new Int32Array(sizes.length).fill(-1);
  let kept = 0;
  for (let b = 0; b < sizes.length; b++) if (sizes[b]! >= 2 && sizes[b]! <= maxBlockSize) renumber[b] = kept++;
  const starts = new Int32Array(kept + 1);
  for (let i = 0; i < n; i++) {
    const b = blockOf[i]! < 0 ? -1 : renumber[blockOf[i]!]!;
    blockOf[i] = b;
    if (b >= 0) starts[b + 1]!++;
  }
  for (let b = 0; b < kept; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, kept);
  const members = new Int32Array(starts[kept]!);
  for (let i = 0; i < n; i++) if (blockOf[i]! >= 0) members[fill[blockOf[i]!]!++] = i;
  return { blockOf, starts, members };
}

/**
 * Calls `emit(i, j, rule, mask)` once for every candidate pair (i < j, indexes into `records`), in a
 * deterministic order: `rule` is the first rule that finds the pair, `mask` has bit r set for every rule
 * r (of the first 31) whose key the two records share. Returns the number of candidate pairs.
 */
export function forEachCandidate<P>(
  records: readonly P[],
  rules: readonly BlockingRule<P>[],
  emit: (i: number, j: number, rule: number, mask: number) => void,
  options: BlockingOptions<P> = {},
): number {
  const maxBlockSize = options.maxBlockSize ?? 1000;
  const blocks = rules.map((rule) => ruleBlocks(records, rule, maxBlockSize));
  const blockOf = blocks.map((b) => b.blockOf);
  const R = rules.length;
  const allowed = options.allowed;
  let count = 0;
  for (let r = 0; r < R; r++) {
    const { starts, members } = blocks[r]!;
    for (let b = 0; b + 1 < starts.length; b++) {
      const end = starts[b + 1]!;
      for (let x = starts[b]!; x < end; x++) {
        const i = members[x]!;
        for (let y = x + 1; y < end; y++) {
          const j = members[y]!;
          let seen = false;
          for (let e = 0; e < r; e++) {
            const k = blockOf[e]![i]!;
            if (k >= 0 && k === blockOf[e]![j]) {
              seen = true;
              break;
            }
          }
          if (seen) continue;
          if (allowed && !allowed(records[i]!, records[j]!)) continue;
          let mask = 1 << r;
          for (let e = r + 1; e < R && e < 31; e++) {
            const k = blockOf[e]![i]!;
            if (k >= 0 && k === blockOf[e]![j]) mask |= 1 << e;
          }
          count++;
          emit(i, j, r, mask);
        }
      }
    }
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
  const blocks = rules.map((rule) => ruleBlocks(records, rule, maxBlockSize));
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
        blocks.forEach(({ blockOf }, r) => {
          if (blockOf[i]! >= 0 && blockOf[i] === blockOf[j]) {
            kept[r]!++;
            any = true;
          }
        });
        if (any) unionKept++;
      }
  const share = (x: number) => (truePairs === 0 ? 1 : x / truePairs);
  const pairsOf = ({ starts }: RuleBlocks) => {
    let n = 0;
    for (let b = 0; b + 1 < starts.length; b++) {
      const size = starts[b + 1]! - starts[b]!;
      n += (size * (size - 1)) / 2;
    }
    return n;
  };
  const unionPairs = options.allowed ? forEachCandidate(records, rules, () => {}, options) : unionPairCount(blocks);
  return {
    rules: rules.map((rule, r) => ({
      rule: rule.name,
      pairs: pairsOf(blocks[r]!),
      truePairsKept: kept[r]!,
      recall: share(kept[r]!),
    })),
    union: { rule: 'all rules', pairs: unionPairs, truePairsKept: unionKept, recall: share(unionKept) },
  };
}

/** Distinct pairs over all rules' blocks (what forEachCandidate would emit with no `allowed`). */
function unionPairCount(blocks: readonly RuleBlocks[]): number {
  let count = 0;
  blocks.forEach(({ starts, members }, r) => {
    for (let b = 0; b + 1 < starts.length; b++)
      for (let x = starts[b]!; x < starts[b + 1]!; x++)
        for (let y = x + 1; y < starts[b + 1]!; y++) {
          const i = members[x]!;
          const j = members[y]!;
          let seen = false;
          for (let e = 0; e < r && !seen; e++)
            seen = blocks[e]!.blockOf[i]! >= 0 && blocks[e]!.blockOf[i] === blocks[e]!.blockOf[j];
          if (!seen) count++;
        }
  });
  return count;
}
