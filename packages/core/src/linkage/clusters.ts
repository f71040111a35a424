import { cmp } from './deterministic.ts';
import type { PersonLink } from './types.ts';

/**
 * Persons joined by links, as clusters (union-find with path halving and union by size). Each person of
 * `personIds` gets its cluster's id: the smallest person id (code-unit order) in the cluster, counting the
 * links' other persons too, so that A-B and B-C put A and C together even when B is not counted.
 */
export function clusters(personIds: readonly string[], links: readonly PersonLink[]): Map<string, string> {
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    if (!parent.has(x)) {
      parent.set(x, x);
      size.set(x, 1);
      return x;
    }
    let node = x;
    for (;;) {
      const up = parent.get(node)!;
      if (up === node) return node;
      const grand = parent.get(up)!;
      parent.set(node, grand);
      node = grand;
    }
  };
  for (const { a, b } of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const [big, small] = size.get(ra)! >= size.get(rb)! ? [ra, rb] : [rb, ra];
    parent.set(small, big);
    size.set(big, size.get(big)! + size.get(small)!);
  }
  // The cluster's id: its smallest member, stable whatever the order of the links.
  const smallest = new Map<string, string>();
  for (const node of parent.keys()) {
    const root = find(node);
    const current = smallest.get(root);
    if (current === undefined || cmp(node, current) < 0) smallest.set(root, node);
  }
  const out = new Map<string, string>();
  for (const id of personIds) {
    const root = find(id);
    out.set(id, smallest.get(root) ?? id);
  }
  return out;
}

/** How many distinct people the records `personIds` are, once linked records count once. */
export function distinctCount(personIds: readonly string[], links: readonly PersonLink[]): number {
  return new Set(clusters(personIds, links).values()).size;
}
