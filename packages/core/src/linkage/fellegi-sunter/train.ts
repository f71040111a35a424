import type { BlockingRule } from './blocking.ts';
import type { Comparator } from './comparators.ts';
import { estimateMFixedU, type PatternTable } from './model.ts';

/**
 * No level's m below this. A session whose key leaves one field free cannot tell a rare disagreement among
 * matches from none at all, and would make a birth date that differs rule out a match however much else
 * agrees; people do give two different dates now and then.
 */
const M_MIN = 0.005;

/**
 * Raises each probability to at least `min`, taking the difference from the others in proportion;
 * repeated, since scaling the others down may take one of them below `min` in turn.
 */
export function atLeast(p: readonly number[], min: number): number[] {
  const fixed = p.map(() => false);
  let q = [...p];
  for (let round = 0; round < p.length; round++) {
    const low = q.map((x, k) => !fixed[k] && x < min);
    if (!low.includes(true)) break;
    low.forEach((l, k) => (fixed[k] ||= l));
    const raised = fixed.reduce((s, f) => s + (f ? min : 0), 0);
    const rest = q.reduce((s, x, k) => s + (fixed[k] ? 0 : x), 0);
    if (rest <= 0 || raised >= 1) return q;
    q = q.map((x, k) => (fixed[k] ? min : (x * (1 - raised)) / rest));
  }
  return q;
}

/**
 * m per field from one EM session per blocking rule that declares its fields (estimateMFixedU), each
 * on the pairs whose records share the rule's key, leaving out the rule's fields. A field's m is the
 * average over the sessions that estimated it, weighted by their expected matches; fields no session
 * estimated keep `fallback` (the two-class EM over all blocked pairs).
 *
 * `byRules` counts pairs by `pattern * 2^R + mask`, mask having bit r set when rule r shares a key.
 */
export function trainPerRule<P>(
  rules: readonly BlockingRule<P>[],
  comparators: readonly Comparator<P>[],
  byRules: ReadonlyMap<number, number>,
  table: PatternTable,
  u: readonly (readonly number[])[],
  fallback: readonly (readonly number[])[],
  options: { maxIterations?: number; tolerance?: number },
): { m: number[][]; sessions: number; trained: number } {
  const R = rules.length;
  const F = comparators.length;
  const sums = comparators.map((c) => new Float64Array(c.levels.length));
  const mass = new Float64Array(F);
  let sessions = 0;
  for (let r = 0; r < R; r++) {
    const fields = rules[r]!.fields;
    if (fields === undefined) continue;
    const include = comparators.map((c) => !fields.includes(c.field));
    if (!include.some(Boolean)) continue;
    const counts = new Float64Array(table.levels.length);
    let total = 0;
    for (const [key, count] of byRules) {
      const mask = key % 2 ** R;
      if ((mask & (1 << r)) === 0) continue;
      counts[(key - mask) / 2 ** R]! += count;
      total += count;
    }
    if (total === 0) continue;
    const session = estimateMFixedU({ levels: table.levels, counts: [...counts] }, u, include, options);
    if (session.matches < 1) continue;
    sessions++;
    for (let f = 0; f < F; f++) {
      if (!include[f]) continue;
      mass[f]! += session.matches;
      session.m[f]!.forEach((x, l) => (sums[f]![l]! += x * session.matches));
    }
  }
  let trained = 0;
  const m = comparators.map((_, f) => {
    if (mass[f] === 0) return [...fallback[f]!];
    trained++;
    return atLeast(
      [...sums[f]!].map((x) => x / mass[f]!),
      M_MIN,
    );
  });
  return { m, sessions, trained };
}
