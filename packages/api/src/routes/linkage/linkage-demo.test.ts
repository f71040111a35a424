import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clusterQuality,
  deterministicProposer,
  distinctCount,
  pairwiseQuality,
  type LinkageRecord,
  type PairwiseQuality,
} from '@ctis/core';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { loadProtectionDemo, type ProtectionDemoResult } from '../../demo/protection/load.ts';
import { PROTECTION_DEMO_SEED, protectionGroundTruth } from '../../demo/protection/plan.ts';
import { systemScoped } from './linkage-test-kit.ts';

/**
 * The deterministic proposer measured against the protection demo's ground truth: the same true person
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
  it('a run through the repository proposes pairs with high precision and useful recall (printed)', async () => {
    const started = performance.now();
    const run = await systemScoped(t).transaction((tx) => tx.linkage.run(deterministicProposer()));
    const ms = Math.round(performance.now() - started);
    const proposals = await t.t.owner.selectFrom('linkage_proposals').select(['person_a', 'person_b']).execute();
    const pairs = proposals.map((p) => ({ a: p.person_a, b: p.person_b }));
    const pairwise = pairwiseQuality(pairs, truth);
    const clustered = clusterQuality(pairs, truth);
    const ids = [...truth.keys()];
    const trueDistinct = new Set(truth.values()).size;
    console.log(
      `linkage on the protection demo (${ids.length} person records, ${trueDistinct} true persons; run ${ms} ms):\n` +
        `  proposed pairs:             ${line(pairwise)}\n` +
        `  clusters if all confirmed:  ${line(clustered)}\n` +
        `  distinct persons: ${ids.length} records, ${distinctCount(ids, pairs)} if every proposal were confirmed, ` +
        `${trueDistinct} in truth`,
    );
    expect(run.persons).toBe(ids.length);
    expect(run.pairs).toBe(pairs.length);
    expect(pairwise.precision).toBeGreaterThanOrEqual(0.9);
    expect(pairwise.recall).toBeGreaterThanOrEqual(0.7);
    expect(clustered.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('settings compared (printed): the frequency cap and the birth-year tolerance', async () => {
    const rows = await sql<{
      id: string;
      organisation_id: string;
      province: string | null;
      sex: string | null;
      birth_year: number | null;
      nationality: string | null;
      tokens: string[];
    }>`SELECT p.id, p.organisation_id, p.province, p.sex, p.birth_year, p.nationality, array_agg(t.token ORDER BY t.token) AS tokens
       FROM persons p JOIN person_name_index t ON t.person_id = p.id GROUP BY p.id ORDER BY p.id`.execute(t.t.owner);
    const records: LinkageRecord[] = rows.rows.map((r) => ({
      personId: r.id,
      tokens: r.tokens,
      birthYear: r.birth_year,
      sex: r.sex,
      nationality: r.nationality,
      province: r.province,
      organisationId: r.organisation_id,
    }));
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
