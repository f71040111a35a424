import { describe, expect, it } from 'vitest';
import { clusterQuality } from '../evaluate.ts';
import { blockingRecall } from '../fellegi-sunter/blocking.ts';
import { linkRecords, PERSON_BLOCKING_RULES } from '../fellegi-sunter/link.ts';
import { prepare } from '../fellegi-sunter/record.ts';
import type { PersonLink } from '../types.ts';
import { generateLinkageData, truthMap } from './generate.ts';

describe('linking generated multi-agency records', () => {
  // A small run of what scripts/bench-linkage.ts --generated measures at 100k and 1M.
  const data = generateLinkageData({ records: 5_000, seed: 3 });
  const prepared = data.records.map(prepare);

  it('keeps most true pairs in blocking', () => {
    const { union } = blockingRecall(prepared, PERSON_BLOCKING_RULES, data.personOf);
    expect(union.recall).toBeGreaterThan(0.85);
    expect(union.pairs).toBeLessThan(20 * prepared.length);
  });

  it('finds the persons behind the records without labels', () => {
    const result = linkRecords(prepared);
    const links: PersonLink[] = [];
    result.clusterOf.forEach((c, x) => {
      if (c !== x) links.push({ a: prepared[x]!.id, b: prepared[c]!.id });
    });
    const q = clusterQuality(links, truthMap(data));
    expect(q.precision).toBeGreaterThan(0.85);
    expect(q.recall).toBeGreaterThan(0.8);
    // Sex and nationality agreement adds nothing (names imply them); disagreement still counts against.
    const sex = result.model.fields.indexOf('sex');
    expect(result.model.weights[sex]![0]).toBe(0);
    expect(result.model.weights[sex]![1]).toBeLessThan(-2);
  });
});
