import { describe, expect, it } from 'vitest';
import { blockingRecall, forEachCandidate, type BlockingRule } from './blocking.ts';

interface R {
  readonly name: string;
  readonly year: number | null;
  readonly source: string;
}
const records: R[] = [
  { name: 'sok', year: 1990, source: 'a' },
  { name: 'sok', year: 1991, source: 'b' },
  { name: 'sock', year: 1990, source: 'b' },
  { name: 'dara', year: 1980, source: 'a' },
  { name: 'dara', year: null, source: 'b' },
];
const byName: BlockingRule<R> = { name: 'name', key: (r) => r.name };
const byYear: BlockingRule<R> = { name: 'year', key: (r) => (r.year === null ? null : String(r.year)) };

describe('forEachCandidate', () => {
  it('emits each pair once, by the first rule that finds it', () => {
    const seen: string[] = [];
    const n = forEachCandidate(records, [byName, byYear], (i, j, r) => seen.push(`${i}-${j}:${r}`));
    expect(seen).toEqual(['0-1:0', '3-4:0', '0-2:1']);
    expect(n).toBe(3);
  });
  it('skips blocks larger than the cap and pairs that are not allowed', () => {
    const all: BlockingRule<R> = { name: 'all', key: () => 'x' };
    expect(forEachCandidate(records, [all], () => {}, { maxBlockSize: 4 })).toBe(0);
    expect(forEachCandidate(records, [all], () => {}, { allowed: (a, b) => a.source !== b.source })).toBe(6);
  });
});

describe('blockingRecall', () => {
  it('measures the share of true pairs each rule and all rules keep', () => {
    // Truth: records 0, 1, 2 are one person; 3 and 4 another. True pairs: 0-1, 0-2, 1-2, 3-4.
    const truth = ['p', 'p', 'p', 'q', 'q'];
    const { rules, union } = blockingRecall(records, [byName, byYear], truth);
    expect(rules.map((r) => [r.rule, r.truePairsKept, r.recall])).toEqual([
      ['name', 2, 0.5],
      ['year', 1, 0.25],
    ]);
    expect(rules.map((r) => r.pairs)).toEqual([2, 1]);
    expect(union).toMatchObject({ truePairsKept: 3, recall: 0.75, pairs: 3 });
  });
  it('counts a rule whose block is over the cap as losing its pairs', () => {
    const { rules } = blockingRecall(records, [byName], ['p', 'p', 'p', 'q', 'q'], { maxBlockSize: 1 });
    expect(rules[0]!.recall).toBe(0);
  });
});
