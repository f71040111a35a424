/**
 * Clusters of records from scored pairs: connected components over the pairs whose weight is at least
 * the threshold, with no cluster larger than `maxSize`. Edges are joined strongest first (Kruskal); an
 * edge that would make a cluster larger than the cap is dropped. Where no cluster reaches the cap this
 * is exactly the connected components; an over-large component is split by dropping its weakest edges
 * (those that would join two already-strong parts into something too big).
 *
 * Returns each record's cluster as the index of its smallest member (`order` compares record indexes;
 * default numeric), so ids are stable whatever the order of the pairs.
 */
export function clusterPairs(
  n: number,
  pairs: { readonly i: ArrayLike<number>; readonly j: ArrayLike<number>; readonly weight: ArrayLike<number> },
  threshold: number,
  maxSize = Infinity,
  order: (x: number, y: number) => number = (x, y) => x - y,
): Int32Array {
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let x = 0; x < n; x++) parent[x] = x;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const edges: number[] = [];
  for (let e = 0; e < pairs.weight.length; e++) if (pairs.weight[e]! >= threshold) edges.push(e);
  edges.sort((e, f) => pairs.weight[f]! - pairs.weight[e]! || e - f);
  for (const e of edges) {
    const ra = find(pairs.i[e]!);
    const rb = find(pairs.j[e]!);
    if (ra === rb || size[ra]! + size[rb]! > maxSize) continue;
    const [big, small] = size[ra]! >= size[rb]! ? [ra, rb] : [rb, ra];
    parent[small] = big;
    size[big]! += size[small]!;
  }
  const smallest = new Int32Array(n).fill(-1);
  for (let x = 0; x < n; x++) {
    const r = find(x);
    if (smallest[r] === -1 || order(x, smallest[r]!) < 0) smallest[r] = x;
  }
  const out = new Int32Array(n);
  for (let x = 0; x < n; x++) out[x] = smallest[find(x)]!;
  return out;
}
