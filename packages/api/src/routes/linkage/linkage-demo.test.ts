import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clusterQuality,
  deterministicProposer,
  distinctCount,
  pairwiseQuality,
  type PairwiseQuality,
} from '@ctis/core';
import { linkageRecords } from '@ctis/db';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { loadProtectionDemo, type ProtectionDemoResult } from '../../demo/protection/load.ts';
import { PROTECTION_DEMO_SEED, protectionGroundTruth } from '../../demo/protection/plan.ts';
import { systemScoped } from './linkage-test-kit.ts';
import { configuredProposer } from '../../linkage/proposer.ts';

/**
 * The proposers measured against the protection demo's ground truth: the same true person
 * recorded by MFAIC, MOSAVY, the NGO and the police, with spelling variants, Khmer script, estimated
 * birth years. Pairwise precision and recall are printed (and asserted against floors).
 *
 *   npx vitest run packages/api/src/routes/linkage/linkage-demo.test.ts
 */
let t: TestApp;
let loaded: ProtectionDemoResult;
/** Person id -> the hidden true person behind the record. */
const truth = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  loaded = await loadProtectionDemo(t.t.db, t.config, t.keys, { seed: PROTECTION_DEMO_SEED });
  const byKey = new Map(protectionGroundTruth(PROTECTION_DEMO_SEED).map((g) => [g.recordKey, g.truePersonId]));
  for (const r of loaded.records) truth.set(r.personId, byKey.get(r.key)!);
}, 900_000);

afterAll(async () => {
  await t?.close();
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (q: PairwiseQuality) =>
  `precision ${pct(q.precision)} recall ${pct(q.recall)} F1 ${pct(q.f1)} ` +
  `(${q.truePositives} of ${q.predictedPairs} predicted, ${q.truePairs} true pairs)`;

describe('linkage on the protection demo', () => {
  // The product's default proposer (Fellegi–Sunter over identities decrypted inside the run), then the
  // deterministic one over blind indexes, each through the repository as a run does it.
  for (const [name, proposer, floors] of [
    [
      'Fellegi–Sunter over identities (the default)',
      () => configuredProposer(t.config),
      { precision: 0.9, recall: 0.85 },
    ],
    ['deterministic over blind indexes', () => deterministicProposer(), { precision: 0.9, recall: 0.7 }],
  ] as const)
    it(`${name}: a run proposes pairs with high precision and useful recall (printed)`, async () => {
      await t.t.owner.deleteFrom('linkage_proposals').execute();
      const started = performance.now();
      const run = await systemScoped(t).transaction((tx) => tx.linkageRuns.run(proposer()));
      const ms = Math.round(performance.now() - started);
      const proposals = await t.t.owner.selectFrom('linkage_proposals').select(['person_a', 'person_b']).execute();
      const pairs = proposals.map((p) => ({ a: p.person_a, b: p.person_b }));
      const pairwise = pairwiseQuality(pairs, truth);
      const clustered = clusterQuality(pairs, truth);
      const ids = [...truth.keys()];
      const trueDistinct = new Set(truth.values()).size;
      console.log(
        `${name} on the protection demo (${ids.length} person records, ${trueDistinct} true persons; run ${ms} ms):\n` +
          `  proposed pairs:             ${line(pairwise)}\n` +
          `  clusters if all confirmed:  ${line(clustered)}\n` +
          `  distinct persons: ${ids.length} records, ${distinctCount(ids, pairs)} if every proposal were confirmed, ` +
          `${trueDistinct} in truth`,
      );
      expect(run.persons).toBe(ids.length);
      expect(run.pairs).toBe(pairs.length);
      expect(pairwise.precision).toBeGreaterThanOrEqual(floors.precision);
      expect(pairwise.recall).toBeGreaterThanOrEqual(floors.recall);
    });

  it('settings compared (printed): the frequency cap and the birth-year tolerance', async () => {
    const records = await linkageRecords(t.t.owner);
    const report: string[] = [];
    for (const settings of [
      { birthYearTolerance: 0, maxBlockSize: 100 },
      { birthYearTolerance: 1, maxBlockSize: 100 },
      { birthYearTolerance: 1, maxBlockSize: 50 },
      { birthYearTolerance: 1, maxBlockSize: 400 },
      { birthYearTolerance: 1, maxBlockSize: 100, minNameShare: 0.6 },
      { birthYearTolerance: 1, maxBlockSize: 100, minSharedTokens: 3 },
    ]) {
      const started = performance.now();
      const pairs = deterministicProposer(settings).propose(records);
      const ms = Math.round(performance.now() - started);
      report.push(`  ${JSON.stringify(settings)} (${ms} ms): ${line(pairwiseQuality(pairs, truth))}`);
    }
    console.log(`deterministic proposer settings on the protection demo:\n${report.join('\n')}`);
    expect(report).toHaveLength(6);
  });
});
