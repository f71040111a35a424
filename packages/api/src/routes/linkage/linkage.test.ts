import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsKhmer, normaliseNameTokens } from '@ctis/core';
import { linkageDump } from '../../testing/linkage-dump.ts';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { createPerson, get, pairKey, post, runLinkage, scopedAs, systemScoped } from './linkage-test-kit.ts';

let t: TestApp;
/** Victim identification officer (ministry): linkage.review at national scope, TOTP required. */
let reviewer: Session;
let reviewerId: string;
/** DoSAVY social worker: records persons, no linkage.review. */
let sw: Session;
let consular: Session;
let ngo: Session;

/** The same woman recorded three times: passport capitals (MFAIC), Khmer script (DoSAVY), as she says it (NGO). */
const P = { mfaic: '', dosavy: '', ngo: '' };
/** Another woman, twice: a compound given name written as one word, then in Khmer script. */
const Q = { mfaic: '', ngo: '' };
/** People who must not be paired with anyone. */
const U: string[] = [];
const ALL: string[] = [];

/** Every name string used, to check that linkage writes none of them. */
const NAMES = [
  'SOKH SOPHIA',
  'សុខ សុភា',
  'Sok Sopha',
  'Sophea Sok',
  'Pov',
  'CHEA SREYPOV',
  'ជា ស្រីពៅ',
  'Sok Dara',
  'Kim Sophea',
  'Sok Sophea',
  'Nguyen Thi Lan',
];

beforeAll(async () => {
  // The deterministic proposer: its pairs on these few records are known exactly (the probabilistic one,
  // the default, learns from the data and is tested in linkage-jobs.test.ts and on the demo).
  t = await createTestApp({
    country: 'KHM',
    configure: (c) => ({ ...c, linkage: { ...c.linkage, proposer: 'deterministic' } }),
  });
  reviewer = await t.login('identification_officer');
  sw = await t.login('social_worker');
  consular = await t.login('consular_officer');
  ngo = await t.login('ngo_case_worker');
  reviewerId = (await t.t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', t.account('identification_officer').username)
    .executeTakeFirstOrThrow())!.id;

  P.mfaic = await createPerson(t, consular, {
    birthYear: 1995,
    identity: { names: [{ script: 'latn', family: 'SOKH', given: 'SOPHIA' }], dateOfBirth: '1995-03-02' },
  });
  P.dosavy = await createPerson(t, sw, {
    birthYear: 1996, // an estimate, one year off
    label: 'N',
    identity: {
      names: [
        { script: 'khmr', family: 'សុខ', given: 'សុភា' },
        { script: 'latn', family: 'Sok', given: 'Sopha' },
      ],
    },
  });
  P.ngo = await createPerson(t, ngo, {
    birthYear: 1995,
    nationality: null, // not recorded
    identity: { names: [{ script: 'latn', full: 'Sophea Sok' }], aliases: ['Pov'] },
  });
  Q.mfaic = await createPerson(t, consular, {
    birthYear: 2000,
    identity: { names: [{ script: 'latn', family: 'CHEA', given: 'SREYPOV' }] },
  });
  Q.ngo = await createPerson(t, ngo, {
    birthYear: 2000,
    label: 'N',
    identity: { names: [{ script: 'khmr', family: 'ជា', given: 'ស្រីពៅ' }] },
  });
  // Unrelated: one shared name token only, another sex, a birth year far apart, another province (same
  // name and birth year as Q, but born elsewhere), another nationality.
  U.push(
    await createPerson(t, sw, { sex: 'male', identity: { names: [{ script: 'latn', family: 'Sok', given: 'Dara' }] } }),
    await createPerson(t, consular, { identity: { names: [{ script: 'latn', family: 'Kim', given: 'Sophea' }] } }),
    await createPerson(t, ngo, {
      birthYear: 1980,
      identity: { names: [{ script: 'latn', family: 'Sok', given: 'Sophea' }] },
    }),
    await createPerson(t, consular, {
      sex: 'male',
      identity: { names: [{ script: 'latn', family: 'SOK', given: 'SOPHEA' }] },
    }),
    await createPerson(t, consular, {
      province: 'KH-1',
      birthYear: 2000,
      identity: { names: [{ script: 'latn', family: 'CHEA', given: 'SREYPOV' }] },
    }),
    await createPerson(t, sw, {
      nationality: 'VNM',
      birthYear: 1998,
      identity: { names: [{ script: 'latn', full: 'Nguyen Thi Lan' }] },
    }),
  );
  ALL.push(P.mfaic, P.dosavy, P.ngo, Q.mfaic, Q.ngo, ...U);
});
afterAll(async () => t?.close());

type Proposal = {
  id: string;
  a: { personId: string; organisationId: string; sex: string | null; birthYear: number | null };
  b: { personId: string; organisationId: string };
  score: number;
  reasons: { field: string; agreement: string; weight: number; shared?: number; of?: number }[];
  status: string;
  decidedBy: string | null;
  linkId: string | null;
};

async function queue(status = 'proposed'): Promise<Proposal[]> {
  const res = await get(t, reviewer, `/api/linkage/proposals?status=${status}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { proposals: Proposal[] }).proposals;
}

const proposalFor = async (a: string, b: string) => {
  const p = (await queue()).find((x) => pairKey(x.a.personId, x.b.personId) === pairKey(a, b));
  if (!p) throw new Error('pair not in the queue');
  return p;
};

async function auditRows(action: string, resourceId?: string) {
  let q = t.t.owner.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (resourceId) q = q.where('resource_id', '=', resourceId);
  return q.orderBy('seq').execute();
}

describe('access', () => {
  const routes: [string, string][] = [
    ['POST', '/api/linkage/run'],
    ['GET', '/api/linkage/runs'],
    ['GET', '/api/linkage/runs/0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f'],
    ['GET', '/api/linkage/proposals'],
    ['GET', '/api/linkage/proposals/0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f'],
    ['POST', '/api/linkage/proposals/0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f/confirm'],
    ['POST', '/api/linkage/proposals/0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f/reject'],
    ['POST', '/api/linkage/links/0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f/undo'],
  ];

  it('401 without a session, 403 without linkage.review (a social worker, a consular officer)', async () => {
    for (const [method, url] of routes) {
      const call = (s: Session | null) => (method === 'GET' ? get(t, s, url) : post(t, s, url));
      expect((await call(null)).statusCode, `${method} ${url}`).toBe(401);
      expect((await call(sw)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(consular)).statusCode, `${method} ${url}`).toBe(403);
    }
    const denied = await t.t.owner
      .selectFrom('audit_log')
      .select(['reason'])
      .where('outcome', '=', 'denied')
      .where('reason', '=', 'no-rule:linkage.review')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(routes.length * 2);
  });

  it('404 for a proposal or link that does not exist; 400 for a malformed id', async () => {
    const missing = '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f';
    expect((await get(t, reviewer, `/api/linkage/proposals/${missing}`)).statusCode).toBe(404);
    expect((await get(t, reviewer, `/api/linkage/runs/${missing}`)).statusCode).toBe(404);
    expect((await post(t, reviewer, `/api/linkage/proposals/${missing}/confirm`)).statusCode).toBe(404);
    expect((await post(t, reviewer, `/api/linkage/links/${missing}/undo`)).statusCode).toBe(404);
    expect((await get(t, reviewer, '/api/linkage/proposals/not-a-uuid')).statusCode).toBe(400);
    expect((await get(t, reviewer, '/api/linkage/proposals?status=maybe')).statusCode).toBe(400);
  });
});

describe('a run over persons recorded by three agencies', () => {
  it('proposes the spelling variants and Khmer script of one person, and nobody unrelated', async () => {
    const run = await runLinkage(t, reviewer);
    const summary = (await get(t, reviewer, '/api/linkage/proposals')).json().summary as {
      proposed: number;
      lastRun: { id: string };
      activeRun: unknown;
    };
    expect(run).toMatchObject({
      status: 'finished',
      stage: null,
      error: null,
      autoLinked: 0,
      proposer: { id: 'deterministic-blind-index', version: 1 },
      settings: { maxBlockSize: 100, minSharedTokens: 2, birthYearTolerance: 1, minNameShare: 0.5 },
      pairs: 4,
      newProposals: 4,
      refreshed: 0,
      skippedDecided: 0,
      skippedLinked: 0,
      withdrawn: 0,
    });
    expect(run.persons).toBeGreaterThanOrEqual(ALL.length);
    expect(summary).toMatchObject({ proposed: 4, lastRun: { id: run.id }, activeRun: null });

    const proposals = await queue();
    expect(new Set(proposals.map((p) => pairKey(p.a.personId, p.b.personId)))).toEqual(
      new Set([pairKey(P.mfaic, P.dosavy), pairKey(P.mfaic, P.ngo), pairKey(P.dosavy, P.ngo), pairKey(Q.mfaic, Q.ngo)]),
    );
    for (const u of U) expect(proposals.some((p) => p.a.personId === u || p.b.personId === u)).toBe(false);
    // Best first; each pair explains itself field by field.
    expect(proposals.map((p) => p.score)).toEqual([...proposals.map((p) => p.score)].sort((x, y) => y - x));
    const pq = proposals.find((p) => pairKey(p.a.personId, p.b.personId) === pairKey(Q.mfaic, Q.ngo))!;
    expect(pq.reasons.map((r) => [r.field, r.agreement])).toEqual([
      ['name', 'exact'],
      ['birthYear', 'exact'],
      ['sex', 'exact'],
      ['nationality', 'exact'],
      ['province', 'exact'],
    ]);
    expect(pq.score).toBe(1);
    const p12 = proposals.find((p) => pairKey(p.a.personId, p.b.personId) === pairKey(P.mfaic, P.dosavy))!;
    expect(p12.reasons.find((r) => r.field === 'birthYear')).toMatchObject({ agreement: 'compatible' });
    expect(p12.a.personId < p12.b.personId).toBe(true);
    expect(new Set([p12.a.organisationId, p12.b.organisationId])).toEqual(
      new Set([t.account('consular_officer').organisationId, t.account('social_worker').organisationId]),
    );

    expect(await auditRows('linkage.run_started', run.id)).toHaveLength(1);
    const [audit] = await auditRows('linkage.run', run.id as string);
    expect(audit).toMatchObject({ actor_id: reviewerId, outcome: 'allowed', resource_type: 'linkage_run' });
    expect(audit!.rule).toMatch(/^identification_officer#/);
    expect(audit!.details).toMatchObject({
      proposer: 'deterministic-blind-index',
      version: 1,
      pairs: 4,
      newProposals: 4,
    });
  });

  it('a second run refreshes the undecided pairs and adds nothing', async () => {
    expect(await runLinkage(t, reviewer)).toMatchObject({ pairs: 4, newProposals: 0, refreshed: 4, withdrawn: 0 });
    expect((await queue()).length).toBe(4);
  });
});

describe('the pair view', () => {
  it('shows both sides; identities only where the reviewer may read them, each read audited', async () => {
    const p = await proposalFor(P.mfaic, P.dosavy);
    const res = await get(t, reviewer, `/api/linkage/proposals/${p.id}`);
    expect(res.statusCode, res.body).toBe(200);
    type Side = { personId: string; identityAccess: string; identity: { names: unknown[] } | null; sex: string };
    const persons = (res.json() as { persons: Side[] }).persons;
    const of = (id: string) => persons.find((x) => x.personId === id)!;
    // DoSAVY's record is label N: national identity readers see it. MFAIC's is R: break-glass first.
    expect(of(P.dosavy)).toMatchObject({ identityAccess: 'shown', sex: 'female' });
    expect(of(P.dosavy).identity!.names).toHaveLength(2);
    expect(of(P.mfaic)).toMatchObject({ identityAccess: 'break-glass-required', identity: null, sex: 'female' });
    expect(await auditRows('person.read_identity', P.dosavy)).toHaveLength(1);
    expect(await auditRows('person.read_identity', P.mfaic)).toHaveLength(0);
    expect(await auditRows('linkage.view', p.id)).toHaveLength(1);

    const glass = await post(t, reviewer, `/api/persons/${P.mfaic}/break-glass`, {
      reason: 'Checking whether two agency records are the same victim before linking them',
      minutes: 30,
    });
    expect(glass.statusCode, glass.body).toBe(200);
    const again = (await get(t, reviewer, `/api/linkage/proposals/${p.id}`)).json() as { persons: Side[] };
    expect(again.persons.find((x) => x.personId === P.mfaic)).toMatchObject({ identityAccess: 'shown' });
    const reads = await auditRows('person.read_identity', P.mfaic);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.details).toEqual({ via: 'break-glass' });
  });
});

describe('decisions', () => {
  const distinct = () => systemScoped(t).transaction((tx) => tx.linkage.distinctPersons(ALL));

  it('confirm links the pair (audited) and the persons count once; undo restores the count and the queue', async () => {
    expect(await distinct()).toBe(ALL.length);
    const p = await proposalFor(P.mfaic, P.dosavy);
    const res = await post(t, reviewer, `/api/linkage/proposals/${p.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    const confirmed = res.json().proposal as Proposal;
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: reviewerId });
    expect(confirmed.linkId).toEqual(expect.any(String));
    expect(await distinct()).toBe(ALL.length - 1);
    const [audit] = await auditRows('linkage.confirm', p.id);
    expect(audit).toMatchObject({ actor_id: reviewerId, outcome: 'allowed', resource_type: 'linkage_proposal' });
    expect(audit!.details).toEqual({ score: p.score, linkId: confirmed.linkId });
    expect((await post(t, reviewer, `/api/linkage/proposals/${p.id}/confirm`)).statusCode).toBe(409);
    expect((await post(t, reviewer, `/api/linkage/proposals/${p.id}/reject`)).statusCode).toBe(409);
    expect((await queue('confirmed')).map((x) => x.id)).toEqual([p.id]);

    const undo = await post(t, reviewer, `/api/linkage/links/${confirmed.linkId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().link).toMatchObject({ id: confirmed.linkId, undoneBy: reviewerId });
    expect(undo.json().proposal).toMatchObject({ id: p.id, status: 'proposed', linkId: null, decidedBy: null });
    expect(await distinct()).toBe(ALL.length);
    expect((await post(t, reviewer, `/api/linkage/links/${confirmed.linkId}/undo`)).statusCode).toBe(409);
    const [undone] = await auditRows('linkage.undo', confirmed.linkId!);
    expect(undone).toMatchObject({ actor_id: reviewerId, resource_type: 'person_link', details: { proposalId: p.id } });
    // The link's row stays, marked undone: figures as of the time it was in force can be recomputed.
    const rows = await t.t.owner.selectFrom('person_links').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.undone_at).not.toBeNull();
    const asOf = new Date(rows[0]!.linked_at.getTime() + 1);
    expect(await systemScoped(t).transaction((tx) => tx.linkage.distinctPersons(ALL, { asOf }))).toBe(ALL.length - 1);
  });

  it('links are transitive; a later run leaves decided pairs alone and withdraws pairs already joined', async () => {
    for (const [a, b] of [
      [P.mfaic, P.dosavy],
      [P.dosavy, P.ngo],
    ] as const) {
      const p = await proposalFor(a, b);
      expect((await post(t, reviewer, `/api/linkage/proposals/${p.id}/confirm`)).statusCode).toBe(200);
    }
    const q = await proposalFor(Q.mfaic, Q.ngo);
    const rejected = await post(t, reviewer, `/api/linkage/proposals/${q.id}/reject`);
    expect(rejected.json().proposal).toMatchObject({ status: 'rejected', linkId: null });
    expect((await auditRows('linkage.reject', q.id))[0]).toMatchObject({ actor_id: reviewerId });
    // Three records of P are one person now; Q's two stay two.
    expect(await distinct()).toBe(ALL.length - 2);
    expect(await systemScoped(t).transaction((tx) => tx.linkage.distinctPersons([P.mfaic, P.ngo]))).toBe(1);

    const run = await runLinkage(t, reviewer);
    expect(run).toMatchObject({ pairs: 4, newProposals: 0, skippedDecided: 3, skippedLinked: 1, withdrawn: 1 });
    expect(await queue()).toEqual([]);
    expect((await queue('rejected')).map((x) => x.id)).toEqual([q.id]);
  });

  it('statistics count through the links (stats.read) without reviewing them; others may not', async () => {
    const analyst = await scopedAs(t, 'national_analyst');
    expect(await analyst.transaction((tx) => tx.linkage.confirmedLinks())).toHaveLength(2);
    expect(await analyst.transaction((tx) => tx.linkage.distinctPersons(ALL))).toBe(ALL.length - 2);
    await expect(analyst.transaction((tx) => tx.linkage.queue())).rejects.toMatchObject({ status: 403 });
    const social = await scopedAs(t, 'social_worker');
    await expect(social.transaction((tx) => tx.linkage.distinctPersons(ALL))).rejects.toMatchObject({ status: 403 });
  });
});

describe('privacy', () => {
  it('writes no name, no name token and no Khmer text into the linkage tables or its audit rows', async () => {
    const dump = await linkageDump(t);
    expect(dump.length).toBeGreaterThan(500);
    expect(containsKhmer(dump)).toBe(false);
    const lower = dump.toLowerCase();
    const needles = new Set<string>();
    for (const name of NAMES) {
      needles.add(name.toLowerCase());
      for (const token of name.toLowerCase().split(/\s+/)) needles.add(token);
      for (const token of normaliseNameTokens(name)) needles.add(token);
    }
    // Hex ids hold letters a-f only: every needle checked has a letter beyond f (and 3 letters or more).
    const found = [...needles].filter((n) => n.length >= 3 && /[g-z]/.test(n) && lower.includes(n));
    expect(found).toEqual([]);
    // Reasons hold field names, agreement words and numbers only.
    const reasons = await t.t.owner.selectFrom('linkage_proposals').select('reasons').execute();
    for (const { reasons: rs } of reasons)
      for (const r of rs) {
        expect(Object.keys(r).every((k) => ['field', 'agreement', 'weight', 'shared', 'of'].includes(k))).toBe(true);
        expect(['name', 'birthYear', 'sex', 'nationality', 'province']).toContain(r.field);
      }
  });
});
