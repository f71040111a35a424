import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import {
  addSuspect,
  charge,
  evidence,
  get,
  openInvestigation,
  PROSECUTOR,
  recordOk,
  supervision,
} from './criminal-case-test-kit.ts';

let t: TestApp;
let investigator: Session;
let prosecutor: Session;
let clerk: Session;
let oversight: Session;
let socialWorker: Session;

beforeAll(async () => {
  t = await createTestApp();
  investigator = await t.login('investigator');
  prosecutor = await t.login('prosecutor');
  clerk = await t.login('court_clerk');
  oversight = await t.login('oversight_auditor');
  socialWorker = await t.login('social_worker');
});
afterAll(async () => t.close());

type Alert = {
  caseId: string;
  kind: string;
  days: number;
  since: string;
  basis?: string;
  prosecutorOrganisationId?: string;
};
async function alerts(s: Session, asOf: string, caseId: string): Promise<Alert[]> {
  const res = await get(t, s, `/api/criminal-cases/alerts?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().alerts as Alert[]).filter((a) => a.caseId === caseId);
}
const kinds = (xs: Alert[]) => xs.map((a) => a.kind).sort();

describe('GET /api/criminal-cases/alerts', () => {
  it('401 without a session; 403 without criminal_case.read', async () => {
    expect((await get(t, null, '/api/criminal-cases/alerts')).statusCode).toBe(401);
    expect((await get(t, socialWorker, '/api/criminal-cases/alerts')).statusCode).toBe(403);
  });

  it('a missed check-in the same day; an absconder without a warrant after 7 days, gone once the warrant is issued', async () => {
    const c = await openInvestigation(t, investigator);
    const s = await addSuspect(t, investigator, c.id);
    await recordOk(t, investigator, c.id, evidence());
    await recordOk(t, prosecutor, c.id, charge(s.suspectId));
    await recordOk(t, clerk, c.id, supervision(s.suspectId, '2017-03-21', 7));
    await recordOk(t, investigator, c.id, {
      type: 'check_in_recorded',
      occurredOn: '2017-03-28',
      suspectId: s.suspectId,
    });
    expect(await alerts(investigator, '2017-04-04', c.id)).toEqual([]); // due today, not yet missed
    await recordOk(t, investigator, c.id, {
      type: 'check_in_missed',
      occurredOn: '2017-04-04',
      suspectId: s.suspectId,
    });
    const missed = await alerts(investigator, '2017-04-04', c.id);
    expect(missed).toMatchObject([{ kind: 'missed_check_in', days: 0, basis: 'recorded', since: '2017-04-04' }]);
    expect(kinds(await alerts(clerk, '2017-04-04', c.id))).toEqual(['missed_check_in']);

    await recordOk(t, investigator, c.id, { type: 'absconded', occurredOn: '2017-04-05', suspectId: s.suspectId });
    expect(await alerts(clerk, '2017-04-11', c.id)).toEqual([]); // 6 days
    expect(await alerts(clerk, '2017-04-12', c.id)).toMatchObject([{ kind: 'absconded_without_warrant', days: 7 }]);
    expect(kinds(await alerts(investigator, '2017-04-12', c.id))).toEqual(['absconded_without_warrant']);
    await recordOk(t, clerk, c.id, { type: 'arrest_warrant_issued', occurredOn: '2017-04-13', suspectId: s.suspectId });
    expect(await alerts(clerk, '2017-04-20', c.id)).toEqual([]);
  });

  it('evidence with no charge after 60 days, for the prosecutor and the lead unit, listed by prosecutor', async () => {
    const c = await openInvestigation(t, investigator);
    await addSuspect(t, investigator, c.id);
    await recordOk(t, investigator, c.id, evidence('2017-03-10'));
    expect(await alerts(prosecutor, '2017-05-08', c.id)).toEqual([]); // 59 days
    const due = await alerts(prosecutor, '2017-05-09', c.id);
    expect(due).toMatchObject([{ kind: 'stalled_after_evidence', days: 60, prosecutorOrganisationId: PROSECUTOR }]);
    expect(kinds(await alerts(investigator, '2017-05-09', c.id))).toEqual(['stalled_after_evidence']);
    expect(await alerts(clerk, '2017-05-09', c.id)).toEqual([]); // the court has not got the file
  });

  it('settlements and public-official suspects go to oversight only', async () => {
    const c = await openInvestigation(t, investigator);
    const s = await addSuspect(t, investigator, c.id);
    await addSuspect(t, investigator, c.id, {
      publicOfficial: { position: 'Commune chief', agency: 'Commune council' },
      person: { identity: { names: [{ family: 'Keo', given: 'Sambath' }] } },
    });
    await recordOk(t, investigator, c.id, evidence());
    await recordOk(t, prosecutor, c.id, charge(s.suspectId));
    await recordOk(t, clerk, c.id, {
      type: 'verdict',
      occurredOn: '2017-06-01',
      suspectId: s.suspectId,
      outcome: 'settled_out_of_court',
    });
    expect(kinds(await alerts(oversight, '2017-06-01', c.id))).toEqual([
      'public_official_suspect',
      'settled_out_of_court',
    ]);
    // Closed, the case keeps its oversight flags (and raises nothing else).
    await recordOk(t, investigator, c.id, { type: 'case_closed', occurredOn: '2017-06-02', reason: 'judgment_final' });
    expect(kinds(await alerts(oversight, '2017-07-01', c.id))).toEqual([
      'public_official_suspect',
      'settled_out_of_court',
    ]);
    for (const other of [investigator, prosecutor, clerk]) {
      expect(kinds(await alerts(other, '2017-06-01', c.id))).not.toContain('settled_out_of_court');
      expect(kinds(await alerts(other, '2017-06-01', c.id))).not.toContain('public_official_suspect');
    }
  });

  it('400 for a date that is not one', async () => {
    expect((await get(t, investigator, '/api/criminal-cases/alerts?asOf=2017-02-30')).statusCode).toBe(400);
  });
});
