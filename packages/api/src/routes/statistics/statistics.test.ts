import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import {
  addSuspect,
  charge,
  evidence,
  get,
  lastAudit,
  openInvestigation,
  post,
  recordOk,
} from '../criminal-cases/criminal-case-test-kit.ts';

let t: TestApp;
let analyst: Session;
/** Banteay Meanchey provincial committee (KH-1): approves its province's figures. */
let coordinator: Session;
/** NCCT secretariat: accepts provincial figures. */
let secretariat: Session;
let socialWorker: Session;

const prosecuted = (body: { figures: { id: string; values: Record<string, number> }[] }) =>
  body.figures.find((f) => f.id === 'prosecution.individuals_prosecuted')!.values;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.login('national_analyst');
  coordinator = await t.login('provincial_coordinator');
  secretariat = await t.login('secretariat_officer');
  socialWorker = await t.login('social_worker');
  // One trafficking case charged in Phnom Penh (KH-12), 2017.
  const investigator = await t.login('investigator');
  const prosecutor = await t.login('prosecutor');
  const c = await openInvestigation(t, investigator);
  const s = await addSuspect(t, investigator, c.id);
  await recordOk(t, investigator, c.id, evidence());
  await recordOk(t, prosecutor, c.id, charge(s.suspectId));
});
afterAll(async () => t.close());

describe('GET /api/statistics/annual', () => {
  it('401 without a session; 403 without stats.read', async () => {
    expect((await get(t, null, '/api/statistics/annual?year=2017')).statusCode).toBe(401);
    expect((await get(t, socialWorker, '/api/statistics/annual?year=2017')).statusCode).toBe(403);
  });

  it('national figures with the previous year, styled, with the checkpoint; audited', async () => {
    const res = await get(t, analyst, '/api/statistics/annual?year=2017');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(prosecuted(body)).toEqual({ 2017: 1, 2016: 0 });
    const f = body.figures.find((x: { id: string }) => x.id === 'prosecution.individuals_prosecuted');
    expect(f.style.en).toBe('1 (0 in 2016)');
    expect(f.indicator).toEqual({ id: 'individuals_prosecuted', version: 1 });
    expect(body.checkpoint.seq).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/"persons"/);
    expect(await lastAudit(t, 'stats.report')).toMatchObject({ outcome: 'allowed' });
  });

  it('a province’s figures: the coordinator always gets their own province', async () => {
    const mine = (await get(t, coordinator, '/api/statistics/annual?year=2017')).json();
    expect(mine.province).toBe('KH-1');
    expect(prosecuted(mine)['2017']).toBe(0);
    expect((await get(t, coordinator, '/api/statistics/annual?year=2017&province=KH-12')).statusCode).toBe(404);
    const phnomPenh = (await get(t, analyst, '/api/statistics/annual?year=2017&province=KH-12')).json();
    expect(prosecuted(phnomPenh)['2017']).toBe(1);
    expect((await get(t, analyst, '/api/statistics/annual?year=2017&province=KH-99')).statusCode).toBe(400);
  });

  it('CSV and XLSX downloads', async () => {
    const csv = await get(t, analyst, '/api/statistics/annual.csv?year=2017');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('prosecution.individuals_prosecuted');
    const xlsx = await get(t, analyst, '/api/statistics/annual.xlsx?year=2017');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('provincial figures approved, accepted, then compared', () => {
  it('approve (stats.approve), accept (stats.accept), and later changes as differences', async () => {
    expect((await post(t, analyst, '/api/statistics/snapshots', { year: 2017 })).statusCode).toBe(403);
    const approved = await post(t, coordinator, '/api/statistics/snapshots', { year: 2017 });
    expect(approved.statusCode, approved.body).toBe(201);
    const snap = approved.json().snapshot;
    expect(snap).toMatchObject({ province: 'KH-1', year: 2017, status: 'approved' });
    expect(await lastAudit(t, 'stats.approve')).toMatchObject({ resource_id: snap.id });
    expect((await post(t, coordinator, `/api/statistics/snapshots/${snap.id}/accept`, {})).statusCode).toBe(403);
    const accepted = await post(t, secretariat, `/api/statistics/snapshots/${snap.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().snapshot.status).toBe('accepted');
    expect((await post(t, secretariat, `/api/statistics/snapshots/${snap.id}/accept`, {})).statusCode).toBe(409);

    // A training recorded later in Banteay Meanchey for 2017: a difference, not an edit of the snapshot.
    const res = await post(t, coordinator, '/api/registers/trainings', {
      organiserOrganisationId: 'ncct',
      date: '2017-06-01',
      province: 'KH-1',
      topic: 'Victim identification',
      audience: 'law_enforcement',
      participantsFemale: 4,
      participantsMale: 8,
    });
    expect(res.statusCode, res.body).toBe(201);
    const read = (await get(t, coordinator, `/api/statistics/snapshots/${snap.id}`)).json();
    expect(read.differences).toEqual([
      {
        figureId: 'prosecution.trainings_law_enforcement',
        year: '2017',
        snapshot: null,
        now: { trainings: 1, participants: 12 },
      },
    ]);
    await expect(
      t.t.owner.updateTable('statistics_snapshots').set({ status: 'approved' }).where('id', '=', snap.id).execute(),
    ).rejects.toThrow(/frozen/);
    const list = (await get(t, analyst, '/api/statistics/snapshots?year=2017')).json().snapshots;
    expect(list.map((s: { id: string }) => s.id)).toContain(snap.id);
  });
});
