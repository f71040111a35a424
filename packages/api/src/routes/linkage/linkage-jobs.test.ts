import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsKhmer, IDENTITY_PROPOSER_VERSION, identityProposer } from '@ctis/core';
import { failLinkageRun, reportLinkageProgress } from '@ctis/db';
import { linkageDump } from '../../testing/linkage-dump.ts';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { createPerson, get, pairKey, post, runLinkage, scopedAs } from './linkage-test-kit.ts';

/**
 * Linkage runs as background jobs with the default proposer (Fellegi–Sunter over identities decrypted
 * inside the run), progress while running, one live run at a time, failures recorded, and pairs above
 * the configured probability linked without a reviewer (audited, undoable).
 */
let t: TestApp;
let reviewer: Session;
let sw: Session;
let ngo: Session;
let consular: Session;

/** One woman recorded by three agencies; one man twice; and people who are nobody else. */
const SAME: string[] = [];
const TWICE: string[] = [];
const OTHERS: string[] = [];
const NAMES = ['Sokha Chenda', 'SOKHA CHENDA', 'Chenda Sokha', 'Vannak Roth', 'ROTH VANNAK'];

beforeAll(async () => {
  t = await createTestApp({
    configure: (c) => ({ ...c, linkage: { proposer: 'fellegi-sunter', minProbability: 0.5, autoLinkAbove: 0.99 } }),
  });
  reviewer = await t.login('identification_officer');
  sw = await t.login('social_worker');
  ngo = await t.login('ngo_case_worker');
  consular = await t.login('consular_officer');
  const woman = { birthYear: 1994, sex: 'female' as const, province: 'KH-12' };
  SAME.push(
    await createPerson(t, consular, {
      ...woman,
      identity: {
        names: [{ script: 'latn', family: 'SOKHA', given: 'CHENDA' }],
        dateOfBirth: '1994-06-11',
        documents: [{ type: 'passport', number: 'N1234567', country: 'KHM' }],
      },
    }),
    await createPerson(t, sw, {
      ...woman,
      identity: { names: [{ script: 'latn', family: 'Sokha', given: 'Chenda' }], dateOfBirth: '1994-06-11' },
    }),
    await createPerson(t, ngo, {
      ...woman,
      identity: { names: [{ script: 'latn', family: 'Sokhaa', given: 'Chenda' }], dateOfBirth: '1994-06-11' },
    }),
  );
  const man = { birthYear: 1988, sex: 'male' as const, province: 'KH-1' };
  TWICE.push(
    await createPerson(t, consular, {
      ...man,
      identity: { names: [{ script: 'latn', family: 'ROTH', given: 'VANNAK' }], dateOfBirth: '1988-02-03' },
    }),
    await createPerson(t, ngo, {
      ...man,
      identity: { names: [{ script: 'latn', family: 'Roth', given: 'Vannak' }], dateOfBirth: '1988-03-02' },
    }),
  );
  // Enough distinct people for the model to learn what a non-match looks like.
  const families = ['Chea', 'Keo', 'Lim', 'Mao', 'Nuon', 'Pich', 'Sam', 'Touch', 'Ung', 'Yim', 'Heng', 'Ly'];
  const givens = ['Bopha', 'Dara', 'Kosal', 'Mealea', 'Nary', 'Piseth', 'Rith', 'Sreyleak', 'Thida', 'Vuthy'];
  for (let i = 0; i < 60; i++)
    OTHERS.push(
      await createPerson(t, i % 2 ? sw : ngo, {
        birthYear: 1970 + (i % 35),
        sex: i % 3 ? 'female' : 'male',
        province: `KH-${1 + (i % 20)}`,
        identity: {
          names: [{ script: 'latn', family: families[i % families.length]!, given: givens[(i * 7) % givens.length]! }],
          dateOfBirth: `${1970 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        },
      }),
    );
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const auditRows = (action: string, resourceId?: string) => {
  let q = t.t.owner.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (resourceId) q = q.where('resource_id', '=', resourceId);
  return q.orderBy('seq').execute();
};

describe('a run as a background job', () => {
  it('answers 202 at once, then finishes: pairs proposed, the surest linked automatically', async () => {
    const run = await runLinkage(t, reviewer);
    expect(run).toMatchObject({
      status: 'finished',
      stage: null,
      error: null,
      proposer: { id: 'fellegi-sunter-identity', version: IDENTITY_PROPOSER_VERSION },
    });
    expect(run.persons as number).toBeGreaterThanOrEqual(SAME.length + TWICE.length + OTHERS.length);

    const pairs = await t.t.owner.selectFrom('linkage_proposals').selectAll().execute();
    const keys = new Set(pairs.map((p) => pairKey(p.person_a, p.person_b)));
    for (const [a, b] of [
      [SAME[0]!, SAME[1]!],
      [SAME[0]!, SAME[2]!],
      [SAME[1]!, SAME[2]!],
      [TWICE[0]!, TWICE[1]!],
    ] as const)
      expect(keys.has(pairKey(a, b)), 'a true pair is proposed').toBe(true);
    for (const o of OTHERS) expect(pairs.some((p) => p.person_a === o || p.person_b === o)).toBe(false);

    // Those at or above 0.99 are links now, made without a reviewer, each with its audit row.
    const sure = pairs.filter((p) => p.score >= 0.99);
    expect(sure.length).toBeGreaterThan(0);
    expect(run.autoLinked).toBe(sure.length);
    for (const p of sure) {
      expect(p.status).toBe('confirmed');
      const link = await t.t.owner
        .selectFrom('person_links')
        .selectAll()
        .where('proposal_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(link).toMatchObject({ automatic: true, undone_at: null });
      expect(await auditRows('linkage.auto_link', p.id)).toHaveLength(1);
    }
    for (const p of pairs.filter((x) => x.score < 0.99)) expect(p.status).toBe('proposed');

    // The run's own audit rows: started, and done with how many identities were compared.
    expect(await auditRows('linkage.run_started', run.id)).toHaveLength(1);
    const [done] = await auditRows('linkage.run', run.id);
    expect(done!.details).toMatchObject({ proposer: 'fellegi-sunter-identity', autoLinked: sure.length });
    expect((done!.details as { identitiesCompared: number }).identitiesCompared).toBeGreaterThanOrEqual(
      SAME.length + TWICE.length + OTHERS.length,
    );
  });

  it('an automatic link shows as such and can be undone like any other', async () => {
    const confirmed = (await get(t, reviewer, '/api/linkage/proposals?status=confirmed')).json().proposals as {
      id: string;
      linkId: string;
      automatic: boolean;
    }[];
    const auto = confirmed.find((p) => p.automatic)!;
    expect(auto).toBeDefined();
    const undone = await post(t, reviewer, `/api/linkage/links/${auto.linkId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().proposal).toMatchObject({ status: 'proposed', linkId: null, automatic: false });
  });

  it('lists runs newest first; a run is read by id (401, 403, 404 like the rest of linkage)', async () => {
    const list = await get(t, reviewer, '/api/linkage/runs');
    expect(list.statusCode).toBe(200);
    const runs = list.json().runs as { id: string; status: string }[];
    expect(runs.length).toBeGreaterThan(0);
    expect((await get(t, reviewer, `/api/linkage/runs/${runs[0]!.id}`)).json().run.id).toBe(runs[0]!.id);
    expect((await get(t, null, `/api/linkage/runs/${runs[0]!.id}`)).statusCode).toBe(401);
    expect((await get(t, sw, `/api/linkage/runs/${runs[0]!.id}`)).statusCode).toBe(403);
    expect((await get(t, reviewer, '/api/linkage/runs/0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f')).statusCode).toBe(404);
  });
});

describe('one live run at a time', () => {
  it('409 while a run is alive; a run silent for 15 minutes is marked interrupted and no longer blocks', async () => {
    const id = '0190f5c2-7d3a-7b4e-9c1d-000000000001';
    const now = new Date();
    await t.t.owner
      .insertInto('linkage_runs')
      .values({
        id,
        proposer_id: 'x',
        proposer_version: 1,
        settings: '{}',
        started_by: 'test',
        started_at: now,
        finished_at: null,
        persons: 0,
        pairs: 0,
        new_proposals: 0,
        skipped_decided: 0,
        skipped_linked: 0,
        withdrawn: 0,
        status: 'running',
        stage: 'comparing',
        heartbeat_at: now,
      })
      .execute();
    const busy = await post(t, reviewer, '/api/linkage/run');
    expect(busy.statusCode, busy.body).toBe(409);
    expect(busy.body).toMatch(/already in progress/);
    const summary = (await get(t, reviewer, '/api/linkage/proposals')).json().summary;
    expect(summary.activeRun).toMatchObject({ id, status: 'running', stage: 'comparing' });

    await t.t.owner
      .updateTable('linkage_runs')
      .set({ heartbeat_at: new Date(now.getTime() - 16 * 60_000) })
      .where('id', '=', id)
      .execute();
    const run = await runLinkage(t, reviewer);
    expect(run.status).toBe('finished');
    expect((await get(t, reviewer, `/api/linkage/runs/${id}`)).json().run).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Interrupted/),
    });
  });
});

describe('progress and failure, as the job records them', () => {
  it('progress is visible from another connection while the run’s transaction is still open', async () => {
    const scoped = await scopedAs(t, 'identification_officer');
    const seen: { stage: string; status: string }[] = [];
    // As the route does: begin commits the running run, then execute works in a transaction of its own.
    const runId = (await scoped.transaction((tx) => tx.linkageRuns.begin(identityProposer()))).id;
    await scoped.transaction((tx) =>
      tx.linkageRuns.execute(runId, identityProposer(), {
        progress: async (stage, done, total) => {
          await reportLinkageProgress(t.t.db, runId, stage, done, total);
          const r = (await get(t, reviewer, `/api/linkage/runs/${runId}`)).json().run;
          seen.push({ stage: r.stage, status: r.status });
        },
      }),
    );
    expect(seen.map((s) => s.stage)).toEqual(expect.arrayContaining(['reading', 'comparing', 'writing']));
    expect(seen.every((s) => s.status === 'running')).toBe(true);
    expect((await get(t, reviewer, `/api/linkage/runs/${runId}`)).json().run).toMatchObject({
      status: 'finished',
      stage: null,
    });
  });

  it('a failed run says why and frees the way for the next', async () => {
    const scoped = await scopedAs(t, 'identification_officer');
    const started = await scoped.transaction((tx) => tx.linkageRuns.begin(identityProposer()));
    await failLinkageRun(t.t.db, started.id, 'RangeError: birth_date: not a date');
    expect((await get(t, reviewer, `/api/linkage/runs/${started.id}`)).json().run).toMatchObject({
      status: 'failed',
      error: 'RangeError: birth_date: not a date',
    });
    expect((await runLinkage(t, reviewer)).status).toBe('finished');
  });
});

describe('privacy', () => {
  it('no name, no Khmer text and no birth date in the linkage tables or their audit rows', async () => {
    const dump = (await linkageDump(t)).toLowerCase();
    expect(dump.length).toBeGreaterThan(500);
    expect(containsKhmer(dump)).toBe(false);
    for (const name of NAMES) for (const token of name.toLowerCase().split(' ')) expect(dump).not.toContain(token);
    expect(dump).not.toContain('1994-06-11');
    expect(dump).not.toContain('n1234567');
  });
});
