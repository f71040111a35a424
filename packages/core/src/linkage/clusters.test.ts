import { describe, expect, it } from 'vitest';
import { clusters, distinctCount } from './clusters.ts';
import { clusterQuality, pairwiseQuality } from './evaluate.ts';

describe('clusters (union-find over confirmed links)', () => {
  it('gives each person its cluster, named by the smallest id, transitively', () => {
    const c = clusters(
      ['d', 'b', 'a', 'c', 'e'],
      [
        { a: 'c', b: 'd' },
        { a: 'b', b: 'c' },
      ],
    );
    expect(Object.fromEntries(c)).toEqual({ a: 'a', b: 'b', c: 'b', d: 'b', e: 'e' });
    expect(
      distinctCount(
        ['a', 'b', 'c', 'd', 'e'],
        [
          { a: 'c', b: 'd' },
          { a: 'b', b: 'c' },
        ],
      ),
    ).toBe(3);
  });

  it('links through persons outside the counted set, and counts repeated ids once', () => {
    const links = [
      { a: 'x', b: 'm' },
      { a: 'm', b: 'y' },
    ];
    expect(distinctCount(['x', 'y', 'y'], links)).toBe(1);
    expect(distinctCount(['x', 'y'], links.slice(0, 1))).toBe(2); // one link undone
    expect(distinctCount([], links)).toBe(0);
  });

  it('does not depend on the order of links', () => {
    const links = Array.from({ length: 50 }, (_, i) => ({ a: `p${i}`, b: `p${(i * 7) % 50}` }));
    const ids = Array.from({ length: 60 }, (_, i) => `p${i}`);
    expect(Object.fromEntries(clusters(ids, [...links].reverse()))).toEqual(Object.fromEntries(clusters(ids, links)));
  });
});

describe('pairwise quality against the truth', () => {
  const truth = new Map([
    ['r1', 'T1'],
    ['r2', 'T1'],
    ['r3', 'T1'],
    ['r4', 'T2'],
    ['r5', 'T3'],
  ]);

  it('counts true pairs, predicted pairs and hits', () => {
    const q = pairwiseQuality(
      [
        { a: 'r1', b: 'r2' },
        { a: 'r2', b: 'r1' },
        { a: 'r3', b: 'r4' },
      ],
      truth,
    );
    expect(q).toMatchObject({ truePairs: 3, predictedPairs: 2, truePositives: 1, precision: 0.5, recall: 1 / 3 });
  });

  it('measures the clusters the pairs make (transitive closure)', () => {
    const q = clusterQuality(
      [
        { a: 'r1', b: 'r2' },
        { a: 'r2', b: 'r3' },
      ],
      truth,
    );
    expect(q).toMatchObject({ truePairs: 3, predictedPairs: 3, truePositives: 3, precision: 1, recall: 1, f1: 1 });
    expect(clusterQuality([{ a: 'r3', b: 'r4' }], truth)).toMatchObject({ predictedPairs: 1, truePositives: 0 });
  });
});
