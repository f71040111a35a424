import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { consent, get, lastAudit, openCase, recordOk, referral, uuid } from './case-test-kit.ts';

let t: TestApp;
/** DoSAVY Phnom Penh: owns the cases. */
let sw: Session;
/** Chab Dai: receives referrals. */
let ngo: Session;
/** MFAIC consular department: assists repatriations. */
let consular: Session;
/** AHTJP Phnom Penh: nothing to do with these cases. */
let police: Session;

beforeAll(async () => {
  t = await createTestApp();
  sw = await t.login('social_worker');
  ngo = await t.login('ngo_case_worker');
  consular = await t.login('consular_officer');
  police = await t.login('investigator');
});
afterAll(async () => t.close());

const SW_ORG = 'dosavy-phnom-penh';

/** `date` plus `days`, as YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Alert {
  caseId: string;
  kind: string;
  since: string;
  days: number;
  organisationId: string;
  organisationIds: string[];
  subjectId?: string;
}

async function alerts(s: Session, asOf: string, caseId?: string): Promise<Alert[]> {
  const res = await get(t, s, `/api/cases/alerts?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().asOf).toBe(asOf);
  // Each alert names its case's number for the work queue; the rest is compared exactly below.
  const all = (res.json().alerts as (Alert & { caseNumber: string })[]).map(({ caseNumber, ...a }) => {
    expect(caseNumber).toMatch(/^KHM-[A-Z0-9-]+-\d{4}-\d{5}$/);
    return a as Alert;
  });
  return caseId ? all.filter((a) => a.caseId === caseId) : all;
}

describe('GET /api/cases/alerts', () => {
  it('the thresholds come from the configuration (KHM: the defaults 30 / 60 / 14 / 0; 7 / 60 for prosecution)', () => {
    expect(t.config.alerts).toEqual({
      childWithoutCustodyDays: 30,
      repatriationWaitDays: 60,
      referralUnansweredDays: 14,
      restitutionUnpaidDays: 0,
      absconderWithoutWarrantDays: 7,
      evidenceWithoutChargeDays: 60,
    });
  });

  it('401 without a session, 403 for a role that cannot act on cases, 400 for a bad date', async () => {
    expect((await get(t, null, '/api/cases/alerts')).statusCode).toBe(401);
    const analyst = await t.login('national_analyst');
    expect((await get(t, analyst, '/api/cases/alerts?asOf=2017-01-01')).statusCode).toBe(403);
    const bad = await get(t, sw, '/api/cases/alerts?asOf=2017-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('asOf');
  });

  it('a child without custody: raised for the owner organisation at the threshold, for no one else; cleared by custody', async () => {
    const n = t.config.alerts.childWithoutCustodyDays;
    const opened = '2017-01-10';
    const child = await openCase(t, sw, { birthYear: 2005, occurredOn: opened });
    const adult = await openCase(t, sw, { birthYear: 1990, occurredOn: opened });
    // The NGO reads the child's case (accepted referral) but custody is not its alert.
    await recordOk(t, sw, child.id, consent('2017-01-11'));
    const r = referral('2017-01-11', SW_ORG, 'chab-dai');
    await recordOk(t, sw, child.id, r);
    await recordOk(t, ngo, child.id, {
      type: 'referral_answered',
      occurredOn: '2017-01-12',
      referralId: r.referralId,
      answer: 'accepted',
    });

    expect(await alerts(sw, addDays(opened, n - 1), child.id)).toEqual([]);
    expect(await alerts(sw, addDays(opened, n), child.id)).toEqual([
      {
        caseId: child.id,
        kind: 'child_without_custody',
        since: opened,
        days: n,
        organisationId: SW_ORG,
        organisationIds: [SW_ORG],
      },
    ]);
    expect(await lastAudit(t, 'case.list')).toMatchObject({ actor_organisation_id: SW_ORG, outcome: 'allowed' });
    expect(await alerts(sw, addDays(opened, n + 100), adult.id)).toEqual([]);
    expect((await get(t, ngo, `/api/cases/${child.id}`)).statusCode).toBe(200);
    expect(await alerts(ngo, addDays(opened, n), child.id)).toEqual([]);
    expect(await alerts(police, addDays(opened, n), child.id)).toEqual([]);

    await recordOk(t, sw, child.id, {
      type: 'custody_transferred',
      occurredOn: addDays(opened, n + 1),
      toOrganisationId: 'chab-dai',
    });
    expect(await alerts(sw, addDays(opened, n + 5), child.id)).toEqual([]);
  });

  it('a repatriation awaiting: raised for the assisting mission and consular department after the wait, not the owner', async () => {
    const n = t.config.alerts.repatriationWaitDays;
    const c = await openCase(t, sw, { occurredOn: '2017-01-10' });
    const repatriationId = uuid();
    const recorded = '2017-02-01';
    await recordOk(t, sw, c.id, {
      type: 'repatriation_recorded',
      occurredOn: recorded,
      repatriationId,
      direction: 'home_from_abroad',
      country: 'THA',
      assistingOrganisationIds: ['iom-cambodia', 'mfaic-consular', 'embassy-tha'],
      status: 'awaiting',
    });
    expect(await alerts(consular, addDays(recorded, n - 1), c.id)).toEqual([]);
    expect(await alerts(consular, addDays(recorded, n), c.id)).toEqual([
      {
        caseId: c.id,
        kind: 'repatriation_overdue',
        since: recorded,
        days: n,
        organisationId: 'embassy-tha',
        organisationIds: ['embassy-tha', 'mfaic-consular', 'iom-cambodia'],
        subjectId: repatriationId,
      },
    ]);
    expect(await alerts(sw, addDays(recorded, n), c.id)).toEqual([]);
    expect(await alerts(ngo, addDays(recorded, n), c.id)).toEqual([]);

    await recordOk(t, consular, c.id, { type: 'repatriation_completed', occurredOn: '2017-04-10', repatriationId });
    expect(await alerts(consular, addDays(recorded, n + 30), c.id)).toEqual([]);
  });

  it('a referral unanswered: raised for the receiving organisation after the wait, not the sender; cleared by the answer', async () => {
    const n = t.config.alerts.referralUnansweredDays;
    const c = await openCase(t, sw, { occurredOn: '2017-03-01' });
    await recordOk(t, sw, c.id, consent('2017-03-01'));
    const made = '2017-03-02';
    const r = referral(made, SW_ORG, 'chab-dai');
    await recordOk(t, sw, c.id, r);
    expect(await alerts(ngo, addDays(made, n - 1), c.id)).toEqual([]);
    expect(await alerts(ngo, addDays(made, n), c.id)).toEqual([
      {
        caseId: c.id,
        kind: 'referral_unanswered',
        since: made,
        days: n,
        organisationId: 'chab-dai',
        organisationIds: ['chab-dai'],
        subjectId: r.referralId,
      },
    ]);
    expect(await alerts(sw, addDays(made, n), c.id)).toEqual([]);
    expect(await alerts(police, addDays(made, n), c.id)).toEqual([]);

    await recordOk(t, ngo, c.id, {
      type: 'referral_answered',
      occurredOn: addDays(made, n + 1),
      referralId: r.referralId,
      answer: 'accepted',
    });
    expect(await alerts(ngo, addDays(made, n + 10), c.id)).toEqual([]);
  });

  it('restitution ordered and unpaid: raised for the owner from the order date, also once the case is closed, until paid', async () => {
    const c = await openCase(t, sw, { occurredOn: '2017-04-01' });
    const orderId = uuid();
    const ordered = '2017-05-01';
    await recordOk(t, sw, c.id, {
      type: 'restitution_ordered',
      occurredOn: ordered,
      orderId,
      amount: 1000,
      currency: 'USD',
    });
    const unpaid = (days: number) => ({
      caseId: c.id,
      kind: 'restitution_unpaid',
      since: ordered,
      days,
      organisationId: SW_ORG,
      organisationIds: [SW_ORG],
      subjectId: orderId,
    });
    expect(await alerts(sw, addDays(ordered, -1), c.id)).toEqual([]);
    expect(await alerts(sw, ordered, c.id)).toEqual([unpaid(0)]);
    expect(await alerts(ngo, ordered, c.id)).toEqual([]);

    await recordOk(t, sw, c.id, { type: 'restitution_paid', occurredOn: '2017-05-20', orderId, amount: 400 });
    await recordOk(t, sw, c.id, { type: 'case_closed', occurredOn: '2017-06-01', reason: 'reintegrated' });
    expect(await alerts(sw, '2017-07-01', c.id)).toEqual([unpaid(61)]);

    await recordOk(t, sw, c.id, {
      type: 'case_reopened',
      occurredOn: '2017-07-02',
      reason: 'The rest of the restitution was paid to the court',
    });
    await recordOk(t, sw, c.id, { type: 'restitution_paid', occurredOn: '2017-07-03', orderId, amount: 600 });
    expect(await alerts(sw, '2017-07-04', c.id)).toEqual([]);
  });
});
