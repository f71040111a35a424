import { describe, expect, it } from 'vitest';
import { clusterPairs } from './cluster.ts';

const edges = (list: [number, number, number][]) => ({
  i: list.map((e) => e[0]),
  j: list.map((e) => e[1]),
  weight: list.map((e) => e[2]),
});

describe('clusterPairs', () => {
  it('makes connected components of the pairs at or above the threshold', () => {
    const c = clusterPairs(
      6,
      edges([
        [1, 0, 10],
        [1, 2, 9],
        [3, 4, 2],
        [4, 5, 12],
      ]),
      5,
    );
    expect([...c]).toEqual([0, 0, 0, 3, 4, 4]);
  });
  it('names a cluster by its smallest member in the given order', () => {
    const ids = ['c', 'a', 'b'];
    const c = clusterPairs(
      3,
      edges([
        [0, 1, 10],
        [1, 2, 10],
      ]),
      0,
      Infinity,
      (x, y) => ids[x]!.localeCompare(ids[y]!),
    );
    expect([...c]).toEqual([1, 1, 1]);
  });
  it('splits an over-large cluster by dropping its weakest edges', () => {
    // Two tight triangles joined by one weak edge (2-3): with a cap of 3 the weak edge goes.
    const pairs = edges([
      [0, 1, 20],
      [1, 2, 19],
      [0, 2, 18],
      [3, 4, 20],
      [4, 5, 19],
      [3, 5, 18],
      [2, 3, 6],
    ]);
    expect([...clusterPairs(6, pairs, 5)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...clusterPairs(6, pairs, 5, 3)]).toEqual([0, 0, 0, 3, 3, 3]);
  });
  it('gives the same clusters whatever the order of the pairs', () => {
    const list: [number, number, number][] = [
      [0, 1, 9],
      [2, 3, 8],
      [1, 2, 7],
      [4, 5, 7],
    ];
    const a = clusterPairs(6, edges(list), 0, 3);
    const b = clusterPairs(6, edges([...list].reverse()), 0, 3);
    expect([...a]).toEqual([...b]);
    expect([...a]).toEqual([0, 0, 2, 2, 4, 4]); // 1-2 would make a cluster of 4
  });
});

describe('clusterPairs with cannot-link pairs', () => {
  it('drops the edge that would put two plainly different records in one cluster', () => {
    // 0-1 and 1-2 are above the threshold, but 0 and 2 were compared and are two persons: the weaker
    // edge (1-2) is dropped.
    const e = edges([
      [0, 1, 12],
      [1, 2, 9],
      [3, 4, 8],
    ]);
    expect([...clusterPairs(5, e, 5)]).toEqual([0, 0, 0, 3, 3]);
    expect([...clusterPairs(5, e, 5, Infinity, undefined, { i: [0], j: [2] })]).toEqual([0, 0, 2, 3, 3]);
  });
  it('finds the conflict through any member of either cluster', () => {
    const e = edges([
      [0, 1, 20],
      [2, 3, 20],
      [1, 2, 10],
    ]);
    expect([...clusterPairs(4, e, 5, Infinity, undefined, { i: [3], j: [0] })]).toEqual([0, 0, 2, 2]);
    expect([...clusterPairs(4, e, 5, Infinity, undefined, { i: [], j: [] })]).toEqual([0, 0, 0, 0]);
  });
});
