/**
 * Clusters of records from scored pairs: connected components over the pairs whose weight is at least
 * the threshold, with no cluster larger than `maxSize`. Edges are joined strongest first (Kruskal); an
 * edge that would make a cluster larger than the cap is dropped. Where no cluster reaches the cap this
 * is exactly the connected components; an over-large component is split by dropping its weakest edges
 * (those that would join two already-strong parts into something too big).
 *
 * Returns each record's cluster as the index of its smallest member (`order` compares record indexes;
 * default numeric), so ids are stable whatever the order of the pairs.
 *
 * `cannotLink` lists pairs known to be two persons (compared, and scored far below the threshold): an
 * edge that would put such a pair in one cluster is dropped too. This stops chains (A–B and B–C above
 * the threshold, A and C plainly different) from joining namesakes through a record that resembles both.
 */
export function clusterPairs(
  n: number,
  pairs: { readonly i: ArrayLike<number>; readonly j: ArrayLike<number>; readonly weight: ArrayLike<number> },
  threshold: number,
  maxSize = Infinity,
  order: (x: number, y: number) => number = (x, y) => x - y,
  cannotLink?: { readonly i: ArrayLike<number>; readonly j: ArrayLike<number> },
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
  const conflicts = cannotLink ? adjacency(n, cannotLink) : null;
  // Members of each cluster as a circular list (next), to look for conflicts from the smaller side.
  const next = new Int32Array(n);
  for (let x = 0; x < n; x++) next[x] = x;
  const conflict = (small: number, big: number): boolean => {
    if (!conflicts) return false;
    let x = small;
    do {
      for (let k = conflicts.starts[x]!; k < conflicts.starts[x + 1]!; k++)
        if (find(conflicts.partners[k]!) === big) return true;
      x = next[x]!;
    } while (x !== small);
    return false;
  };
  for (const e of edges) {
    const ra = find(pairs.i[e]!);
    const rb = find(pairs.j[e]!);
    if (ra === rb || size[ra]! + size[rb]! > maxSize) continue;
    const [big, small] = size[ra]! >= size[rb]! ? [ra, rb] : [rb, ra];
    if (conflict(small, big)) continue;
    parent[small] = big;
    size[big]! += size[small]!;
    const t = next[big]!;
    next[big] = next[small]!;
    next[small] = t;
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

/** Both directions of a pair list, grouped by record (CSR). */
function adjacency(
  n: number,
  pairs: { readonly i: ArrayLike<number>; readonly j: ArrayLike<number> },
): { starts: Int32Array; partners: Int32Array } {
  const starts = new Int32Array(n + 1);
  for (let e = 0; e < pairs.i.length; e++) {
    starts[pairs.i[e]! + 1]!++;
    starts[pairs.j[e]! + 1]!++;
  }
  for (let x = 0; x < n; x++) starts[x + 1]! += starts[x]!;
  const fill = starts.slice(0, n);
  const partners = new Int32Array(starts[n]!);
  for (let e = 0; e < pairs.i.length; e++) {
    partners[fill[pairs.i[e]!]!++] = pairs.j[e]!;
    partners[fill[pairs.j[e]!]!++] = pairs.i[e]!;
  }
  return { starts, partners };
}
