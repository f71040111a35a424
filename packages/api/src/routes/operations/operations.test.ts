import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import {
  RANDOM_ID,
  addOfficer,
  auditRows,
  get,
  insertCriminalCase,
  plan,
  planBody,
  post,
  userId,
} from './operation-test-kit.ts';

let t: TestApp;
/** AHTJP Phnom Penh: plans the operations (the owner). */
let owner: Session;
/** Same unit, named on the operations. */
let supervisor: Session;
/** Same unit, same role as the owner, never named. */
let colleague: Session & { userId: string };
/** AHTJP Siem Reap: another police unit. */
let far: Session & { userId: string };
/** DoSAVY: no operation actions at all. */
let sw: Session;
let ownerId: string;
let supervisorId: string;

const UNIT = 'ahtjp-phnom-penh';
const TARGET = planBody().target;

beforeAll(async () => {
  t = await createTestApp({ country: 'KHM' });
  owner = await t.login('investigator');
  supervisor = await t.login('police_supervisor');
  sw = await t.login('social_worker');
  expect(t.account('investigator').organisationId).toBe(UNIT);
  expect(t.account('police_supervisor').organisationId).toBe(UNIT);
  colleague = await addOfficer(t, { username: 'investigator.two', role: 'investigator', organisationId: UNIT });
  far = await addOfficer(t, { username: 'investigator.far', role: 'investigator', organisationId: 'ahtjp-siem-reap' });
  ownerId = await userId(t, 'investigator');
  supervisorId = await userId(t, 'police_supervisor');
});
afterAll(async () => t.close());

describe('POST /api/operations', () => {
  it('401 without a session; 403 without operation.write', async () => {
    expect((await post(t, null, '/api/operations', planBody())).statusCode).toBe(401);
    expect((await post(t, sw, '/api/operations', planBody())).statusCode).toBe(403);
    const prosecutor = await t.login('prosecutor');
    expect((await post(t, prosecutor, '/api/operations', planBody())).statusCode).toBe(403);
  });

  it('plans a V operation owned by the caller, named officers incl. the caller; audited without the target', async () => {
    const op = await plan(t, owner, { namedOfficerIds: [supervisorId] });
    expect(op).toMatchObject({
      codeName: 'NIGHT HERON',
      plannedFor: '2026-02-14',
      target: TARGET,
      status: 'planned',
      label: 'V',
      executedOn: null,
      outcome: null,
      criminalCaseId: null,
      organisationId: UNIT,
      ownerUserId: ownerId,
      isOwner: true,
    });
    expect([...(op.namedOfficerIds as string[])].sort()).toEqual([ownerId, supervisorId].sort());
    const access = await t.t.owner.selectFrom('record_access').selectAll().where('record_id', '=', op.id).execute();
    expect(access.map((a) => a.kind)).toEqual(['named', 'named']);
    const [created] = await auditRows(t, op.id, 'operation.create');
    expect(created).toMatchObject({ outcome: 'allowed', actor_organisation_id: UNIT, resource_type: 'operation' });
    expect(created!.rule).toMatch(/^investigator#/);
    expect(created!.details).toEqual({ namedOfficers: 2, criminalCase: false });
  });

  it('bad input names the field; nothing is written', async () => {
    const count = async () => (await t.t.owner.selectFrom('operations').select('id').execute()).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ codeName: '  ' }, 'codeName'],
      [{ plannedFor: '2026-02-30' }, 'plannedFor'],
      [{ target: undefined }, 'target'],
      [{ namedOfficerIds: ['not-a-user'] }, 'namedOfficerIds.0'],
    ];
    for (const [patch, path] of cases) {
      const res = await post(t, owner, '/api/operations', planBody(patch));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    // An officer of another unit, or a social worker, cannot be named.
    for (const id of [far.userId, await userId(t, 'social_worker')]) {
      const res = await post(t, owner, '/api/operations', planBody({ namedOfficerIds: [supervisorId, id] }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe('namedOfficerIds.1');
      expect(res.json().detail).toContain('GET /api/operations/officers');
    }
    expect(await count()).toBe(before);
  });

  it('links a criminal case the caller may read; another unit’s case or an unknown one is 404', async () => {
    const own = await insertCriminalCase(t, UNIT, ownerId);
    const linked = await plan(t, owner, { criminalCaseId: own });
    expect(linked.criminalCaseId).toBe(own);
    const other = await insertCriminalCase(t, 'ahtjp-siem-reap', far.userId);
    for (const id of [other, RANDOM_ID]) {
      const res = await post(t, owner, '/api/operations', planBody({ criminalCaseId: id }));
      expect(res.statusCode, res.body).toBe(404);
    }
  });
});

describe('GET /api/operations/officers', () => {
  it('401 without a session; 403 without operation.write', async () => {
    expect((await get(t, null, '/api/operations/officers')).statusCode).toBe(401);
    expect((await get(t, sw, '/api/operations/officers')).statusCode).toBe(403);
  });

  it("lists the active officers of the caller's unit who hold operation.read", async () => {
    const disabled = await addOfficer(t, {
      username: 'investigator.gone',
      role: 'investigator',
      organisationId: UNIT,
      status: 'disabled',
    });
    const res = await get(t, owner, '/api/operations/officers');
    expect(res.statusCode).toBe(200);
    const ids = (res.json().officers as { id: string; username: string; displayName: string }[]).map((o) => o.id);
    expect(ids.sort()).toEqual([ownerId, supervisorId, colleague.userId].sort());
    expect(ids).not.toContain(disabled.userId);
    expect(res.json().officers[0]).toEqual({
      id: expect.any(String),
      displayName: expect.any(String),
      username: expect.any(String),
    });
  });
});

describe('a planned operation (label V)', () => {
  let op: { id: string };

  beforeAll(async () => {
    op = await plan(t, owner, { namedOfficerIds: [supervisorId] });
  });

  it('GET: 401 without a session, 403 without operation.read, 404 for an unknown id', async () => {
    expect((await get(t, null, `/api/operations/${op.id}`)).statusCode).toBe(401);
    expect((await get(t, sw, `/api/operations/${op.id}`)).statusCode).toBe(403);
    expect((await get(t, owner, `/api/operations/${RANDOM_ID}`)).statusCode).toBe(404);
  });

  it('named officers open it, each opening audited; a non-named colleague gets 404, audited as denied', async () => {
    const mine = await get(t, owner, `/api/operations/${op.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().operation).toMatchObject({ id: op.id, target: TARGET, isOwner: true });
    const named = await get(t, supervisor, `/api/operations/${op.id}`);
    expect(named.statusCode).toBe(200);
    expect(named.json().operation).toMatchObject({ id: op.id, isOwner: false });
    expect((await get(t, colleague, `/api/operations/${op.id}`)).statusCode).toBe(404);
    expect((await get(t, far, `/api/operations/${op.id}`)).statusCode).toBe(404);
    const reads = await auditRows(t, op.id, 'operation.read');
    expect(reads.map((r) => [r.actor_id, r.outcome])).toEqual([
      [ownerId, 'allowed'],
      [supervisorId, 'allowed'],
      [colleague.userId, 'denied'],
      [far.userId, 'denied'],
    ]);
    expect(reads[0]!.rule).toMatch(/^investigator#/);
  });

  it('break-glass never opens it', async () => {
    await t.t.owner
      .insertInto('break_glass')
      .values({
        id: RANDOM_ID,
        user_id: colleague.userId,
        resource_type: 'operation',
        record_id: op.id,
        reason: 'Urgent: need to see the raid plan now',
        granted_at: new Date(),
        expires_at: new Date(Date.now() + 3_600_000),
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
      })
      .execute();
    expect((await get(t, colleague, `/api/operations/${op.id}`)).statusCode).toBe(404);
  });

  it('the list shows it to named officers only; a listed planned operation counts as an opening', async () => {
    expect((await get(t, null, '/api/operations')).statusCode).toBe(401);
    expect((await get(t, sw, '/api/operations')).statusCode).toBe(403);
    const ids = async (s: Session) =>
      ((await get(t, s, '/api/operations')).json().operations as { id: string }[]).map((o) => o.id);
    expect(await ids(supervisor)).toContain(op.id);
    expect(await ids(colleague)).not.toContain(op.id);
    expect(await ids(far)).toEqual([]);
    const [last] = (await auditRows(t, op.id, 'operation.read')).slice(-1);
    expect(last).toMatchObject({
      actor_id: supervisorId,
      outcome: 'allowed',
      details: { via: 'list', status: 'planned' },
    });
  });

  it('openers: 401, 403 without operation.read, 403 for a named non-owner, 404 for anyone not named', async () => {
    const url = `/api/operations/${op.id}/openers`;
    expect((await get(t, null, url)).statusCode).toBe(401);
    expect((await get(t, sw, url)).statusCode).toBe(403);
    expect((await get(t, supervisor, url)).statusCode).toBe(403);
    expect((await get(t, colleague, url)).statusCode).toBe(404);
  });

  it('the owner sees who opened it and who tried, with names and times; audited', async () => {
    const res = await get(t, owner, `/api/operations/${op.id}/openers`);
    expect(res.statusCode).toBe(200);
    const openers = res.json().openers as { userId: string; displayName: string; at: string; outcome: string }[];
    expect(openers).toContainEqual({
      userId: supervisorId,
      displayName: t.account('police_supervisor').displayName,
      at: expect.any(String),
      outcome: 'allowed',
    });
    expect(openers).toContainEqual({
      userId: colleague.userId,
      displayName: 'Test investigator.two',
      at: expect.any(String),
      outcome: 'denied',
    });
    expect(openers.filter((o) => o.userId === far.userId).map((o) => o.outcome)).toEqual(['denied']);
    // The supervisor's refused look at the list was audited too, before the owner's.
    const audits = await auditRows(t, op.id, 'operation.openers');
    expect(audits.map((a) => [a.actor_id, a.outcome])).toEqual([
      [supervisorId, 'denied'],
      [ownerId, 'allowed'],
    ]);
    expect(audits[1]!.details).toEqual({ count: openers.length });
  });
});

describe('POST /api/operations/:id/execute', () => {
  let op: { id: string };

  beforeAll(async () => {
    op = await plan(t, owner, { namedOfficerIds: [supervisorId] });
    expect((await get(t, colleague, `/api/operations/${op.id}`)).statusCode).toBe(404);
  });

  it('401 without a session; 403 without operation.write; 404 for a non-named colleague; 400 names the field', async () => {
    const url = `/api/operations/${op.id}/execute`;
    const body = { executedOn: '2026-02-14', outcome: 'Three adults removed to safety.' };
    expect((await post(t, null, url, body)).statusCode).toBe(401);
    expect((await post(t, sw, url, body)).statusCode).toBe(403);
    expect((await post(t, colleague, url, body)).statusCode).toBe(404);
    expect((await post(t, owner, `/api/operations/${RANDOM_ID}/execute`, body)).statusCode).toBe(404);
    const bad = await post(t, owner, url, { ...body, executedOn: '14/02/2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('executedOn');
    const empty = await post(t, owner, url, { ...body, outcome: '' });
    expect(empty.json().errors[0].path).toBe('outcome');
  });

  it('a named officer records it: label N, readable by the unit, still 404 to another organisation', async () => {
    const res = await post(t, supervisor, `/api/operations/${op.id}/execute`, {
      executedOn: '2026-02-14',
      outcome: 'Three adults removed to safety.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().operation).toMatchObject({
      status: 'executed',
      label: 'N',
      executedOn: '2026-02-14',
      outcome: 'Three adults removed to safety.',
    });
    const [audit] = await auditRows(t, op.id, 'operation.execute');
    expect(audit).toMatchObject({ actor_id: supervisorId, outcome: 'allowed', details: { executedOn: '2026-02-14' } });
    const row = await t.t.owner.selectFrom('operations').selectAll().where('id', '=', op.id).executeTakeFirstOrThrow();
    expect(row.executed_at).toBeInstanceOf(Date);

    const read = await get(t, colleague, `/api/operations/${op.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().operation).toMatchObject({ target: TARGET, label: 'N', isOwner: false });
    expect(
      ((await get(t, colleague, '/api/operations')).json().operations as { id: string }[]).map((o) => o.id),
    ).toContain(op.id);
    expect((await get(t, far, `/api/operations/${op.id}`)).statusCode).toBe(404);
  });

  it('a second execution is 409', async () => {
    const res = await post(t, owner, `/api/operations/${op.id}/execute`, {
      executedOn: '2026-02-15',
      outcome: 'again',
    });
    expect(res.statusCode).toBe(409);
  });

  it('openers lists only what happened before the execution', async () => {
    const res = await get(t, owner, `/api/operations/${op.id}/openers`);
    expect(res.statusCode).toBe(200);
    const openers = res.json().openers as { userId: string; outcome: string }[];
    // The colleague's refused attempt before; their allowed read after the execution is not an opening.
    expect(openers.filter((o) => o.userId === colleague.userId).map((o) => o.outcome)).toEqual(['denied']);
    // Now visible to the unit, the list is still the owner's: a colleague gets 403, not 404.
    expect((await get(t, colleague, `/api/operations/${op.id}/openers`)).statusCode).toBe(403);
  });
});

describe('POST /api/operations/:id/cancel', () => {
  let op: { id: string };

  beforeAll(async () => {
    op = await plan(t, owner);
  });

  it('401, 403 without operation.write, 404 for a non-named colleague, 400 on a short reason', async () => {
    const url = `/api/operations/${op.id}/cancel`;
    const body = { reason: 'The target moved before the planned date.' };
    expect((await post(t, null, url, body)).statusCode).toBe(401);
    expect((await post(t, sw, url, body)).statusCode).toBe(403);
    expect((await post(t, colleague, url, body)).statusCode).toBe(404);
    const bad = await post(t, owner, url, { reason: 'moved' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('reason');
  });

  it('the owner cancels it: label N, the reason kept as outcome and not in the audit row; then 409', async () => {
    const reason = 'The target moved before the planned date.';
    const res = await post(t, owner, `/api/operations/${op.id}/cancel`, { reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().operation).toMatchObject({ status: 'cancelled', label: 'N', outcome: reason, executedOn: null });
    const [audit] = await auditRows(t, op.id, 'operation.cancel');
    expect(audit).toMatchObject({ actor_id: ownerId, outcome: 'allowed', reason: null, details: {} });
    expect((await get(t, colleague, `/api/operations/${op.id}`)).statusCode).toBe(200);
    expect((await post(t, owner, `/api/operations/${op.id}/cancel`, { reason })).statusCode).toBe(409);
  });
});

it('no audit row carries the target or briefing text', async () => {
  const rows = await t.t.owner.selectFrom('audit_log').select(['details', 'reason']).execute();
  const text = JSON.stringify(rows);
  expect(text).not.toContain('street 51');
  expect(text).not.toContain('back door');
});
