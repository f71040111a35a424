import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { openCase } from '../cases/case-test-kit.ts';
import { addOfficer } from '../operations/operation-test-kit.ts';
import {
  addSuspect,
  charge,
  COURT,
  evidence,
  get,
  LAW,
  lastAudit,
  LEAD,
  openInvestigation,
  post,
  PROSECUTOR,
  RANDOM_ID,
  record,
  recordOk,
  supervision,
} from './criminal-case-test-kit.ts';

let t: TestApp;
/** AHTJP Phnom Penh (KH-12): leads the investigations. */
let investigator: Session;
/** Same unit, supervisor. */
let supervisor: Session;
/** Phnom Penh prosecutor's office. */
let prosecutor: Session;
/** Phnom Penh court. */
let clerk: Session;
/** Anti-Corruption Unit. */
let oversight: Session;
/** NCCT: national scope, no identities, no victims. */
let analyst: Session;
/** Banteay Meanchey provincial committee (KH-1): another province. */
let coordinator: Session;
/** DoSAVY: no criminal-case action. */
let socialWorker: Session;

beforeAll(async () => {
  t = await createTestApp();
  investigator = await t.login('investigator');
  supervisor = await t.login('police_supervisor');
  prosecutor = await t.login('prosecutor');
  clerk = await t.login('court_clerk');
  oversight = await t.login('oversight_auditor');
  analyst = await t.login('national_analyst');
  coordinator = await t.login('provincial_coordinator');
  socialWorker = await t.login('social_worker');
});
afterAll(async () => t.close());

describe('POST /api/criminal-cases', () => {
  it('401 without a session; 403 without criminal_case.write', async () => {
    const body = {
      occurredOn: '2017-03-01',
      legalBasis: { lawId: LAW, article: '15' },
      exploitation: 'sex',
      traffickingOffence: true,
    };
    expect((await post(t, null, '/api/criminal-cases', body)).statusCode).toBe(401);
    expect((await post(t, socialWorker, '/api/criminal-cases', body)).statusCode).toBe(403);
  });

  it('opens an investigation led by the caller’s unit, numbered by country, province and year; audited', async () => {
    const c = await openInvestigation(t, investigator);
    expect(c.caseNumber).toMatch(/^KHM-CR-KH-12-2017-\d{5}$/);
    const row = await t.t.owner
      .selectFrom('criminal_cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      organisation_id: LEAD,
      label: 'N',
      trafficking_offence: true,
      status: 'open',
      version: 1,
    });
    const audit = await lastAudit(t, 'criminal_case.open');
    expect(audit).toMatchObject({ resource_id: c.id, outcome: 'allowed', actor_organisation_id: LEAD });
  });

  it('400 naming the field: another unit as lead, an unknown article; nothing written', async () => {
    const before = await t.t.owner
      .selectFrom('criminal_cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const base = {
      occurredOn: '2017-03-01',
      legalBasis: { lawId: LAW, article: '15' },
      exploitation: 'sex',
      traffickingOffence: true,
    };
    const other = await post(t, investigator, '/api/criminal-cases', {
      ...base,
      leadUnitOrganisationId: 'ahtjp-siem-reap',
    });
    expect(other.statusCode).toBe(400);
    expect(JSON.stringify(other.json())).toContain('leadUnitOrganisationId');
    const article = await post(t, investigator, '/api/criminal-cases', {
      ...base,
      legalBasis: { lawId: LAW, article: '99' },
    });
    expect(article.statusCode).toBe(400);
    expect(JSON.stringify(article.json())).toContain('legalBasis.article');
    const missing = await post(t, investigator, '/api/criminal-cases', { ...base, traffickingOffence: undefined });
    expect(missing.statusCode).toBe(400);
    const after = await t.t.owner
      .selectFrom('criminal_cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('who sees a criminal case', () => {
  it('the lead unit; the prosecutor once evidence is supplied; the court once charged; not another province', async () => {
    const c = await openInvestigation(t, investigator);
    const suspect = await addSuspect(t, investigator, c.id);
    const url = `/api/criminal-cases/${c.id}`;
    expect((await get(t, null, url)).statusCode).toBe(401);
    expect((await get(t, socialWorker, url)).statusCode).toBe(403);
    expect((await get(t, investigator, url)).statusCode).toBe(200);
    expect((await get(t, supervisor, url)).statusCode).toBe(200);
    expect((await get(t, prosecutor, url)).statusCode).toBe(404);
    expect((await get(t, clerk, url)).statusCode).toBe(404);
    expect((await get(t, coordinator, url)).statusCode).toBe(404);
    expect((await get(t, oversight, url)).statusCode).toBe(404);

    await recordOk(t, investigator, c.id, evidence());
    expect((await get(t, prosecutor, url)).statusCode).toBe(200);
    expect((await get(t, clerk, url)).statusCode).toBe(404);
    await recordOk(t, prosecutor, c.id, charge(suspect.suspectId));
    expect((await get(t, clerk, url)).statusCode).toBe(200);

    const audit = await lastAudit(t, 'criminal_case.read');
    expect(audit).toMatchObject({ resource_id: c.id, outcome: 'allowed' });
    // The suspect's person record follows the file to the prosecutor and the court.
    const shares = await t.t.owner
      .selectFrom('record_access')
      .select('subject')
      .where('record_id', '=', suspect.personId)
      .where('kind', '=', 'shared')
      .execute();
    expect(shares.map((s) => s.subject).sort()).toEqual([COURT, PROSECUTOR].sort());
  });

  it('not another unit’s investigator, another prosecutor’s office or another court', async () => {
    const c = await openInvestigation(t, investigator);
    const s = await addSuspect(t, investigator, c.id);
    await recordOk(t, investigator, c.id, evidence());
    await recordOk(t, prosecutor, c.id, charge(s.suspectId));
    const url = `/api/criminal-cases/${c.id}`;
    const others = [
      await addOfficer(t, { username: 'inv.siem.reap', role: 'investigator', organisationId: 'ahtjp-siem-reap' }),
      await addOfficer(t, { username: 'pros.siem.reap', role: 'prosecutor', organisationId: 'prosecutor-siem-reap' }),
      await addOfficer(t, { username: 'clerk.siem.reap', role: 'court_clerk', organisationId: 'court-siem-reap' }),
    ];
    for (const other of others) {
      expect((await get(t, other, url)).statusCode).toBe(404);
      expect((await record(t, other, c.id, evidence('2017-04-01'))).statusCode).toBe(404);
    }
    const denied = await t.t.owner
      .selectFrom('audit_log')
      .select('outcome')
      .where('resource_id', '=', c.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });

  it('the national analyst sees every case with pseudonymous suspects and no victims', async () => {
    const c = await openInvestigation(t, investigator);
    const suspect = await addSuspect(t, investigator, c.id);
    const victim = await openCase(t, investigator);
    await recordOk(t, investigator, c.id, { type: 'victim_linked', occurredOn: '2017-03-03', victimCaseId: victim.id });
    const res = await get(t, analyst, `/api/criminal-cases/${c.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.case.personsPseudonymous).toBe(true);
    expect(body.case.state.suspects[0].personId).not.toBe(suspect.personId);
    expect(body.case.state.victims).toBeUndefined();
    expect(res.body).not.toContain(victim.id);
    expect(res.body).not.toContain(suspect.personId);
    expect(body.case.allowedActions).toEqual([]);
    // The investigator sees the links.
    const own = (await get(t, investigator, `/api/criminal-cases/${c.id}`)).json();
    expect(own.case.state.victims).toEqual([{ victimCaseId: victim.id, linkedOn: '2017-03-03' }]);
    expect(own.case.allowedActions).toEqual(['criminal_case.write']);
  });

  it('oversight sees a case with a public-official suspect (no victims), and not other cases', async () => {
    const plain = await openInvestigation(t, investigator);
    const complicit = await openInvestigation(t, investigator);
    await addSuspect(t, investigator, complicit.id, {
      publicOfficial: { position: 'Police officer', agency: 'Provincial police' },
    });
    expect((await get(t, oversight, `/api/criminal-cases/${plain.id}`)).statusCode).toBe(404);
    const res = await get(t, oversight, `/api/criminal-cases/${complicit.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().case.victimsHidden).toBe(true);
    const list = (await get(t, oversight, '/api/criminal-cases')).json().cases.map((x: { id: string }) => x.id);
    expect(list).toContain(complicit.id);
    expect(list).not.toContain(plain.id);
  });

  it('a prosecutor may not read a suspect’s identity before the file reaches them', async () => {
    const c = await openInvestigation(t, investigator);
    const suspect = await addSuspect(t, investigator, c.id);
    expect((await get(t, prosecutor, `/api/persons/${suspect.personId}?identity=true`)).statusCode).toBe(404);
    await recordOk(t, investigator, c.id, evidence());
    const res = await get(t, prosecutor, `/api/persons/${suspect.personId}?identity=true`);
    expect(res.statusCode, res.body).toBe(200); // through the compartment the file opened
    expect(res.json().person.identity.names[0].family).toBe('Heng');
  });

  it('lists only visible cases', async () => {
    const c = await openInvestigation(t, investigator);
    const mine = (await get(t, investigator, '/api/criminal-cases?limit=500'))
      .json()
      .cases.map((x: { id: string }) => x.id);
    expect(mine).toContain(c.id);
    const theirs = (await get(t, coordinator, '/api/criminal-cases?limit=500'))
      .json()
      .cases.map((x: { id: string }) => x.id);
    expect(theirs).not.toContain(c.id);
    expect((await get(t, socialWorker, '/api/criminal-cases')).statusCode).toBe(403);
    expect((await get(t, null, '/api/criminal-cases')).statusCode).toBe(401);
  });
});

describe('POST /api/criminal-cases/:id/events', () => {
  it('401, 403 without the action, 404 out of scope, 200 with its audit row', async () => {
    const c = await openInvestigation(t, investigator);
    const url = `/api/criminal-cases/${c.id}/events`;
    expect((await post(t, null, url, evidence())).statusCode).toBe(401);
    expect((await post(t, socialWorker, url, evidence())).statusCode).toBe(403);
    expect((await post(t, clerk, url, evidence())).statusCode).toBe(404);
    expect((await post(t, investigator, `/api/criminal-cases/${RANDOM_ID}/events`, evidence())).statusCode).toBe(404);
    const state = await recordOk(t, investigator, c.id, evidence());
    expect(state.version).toBe(2);
    expect(await lastAudit(t, 'criminal_case.evidence_supplied')).toMatchObject({
      resource_id: c.id,
      outcome: 'allowed',
    });
  });

  it('only the named prosecutor charges; only the supervising unit records check-ins', async () => {
    const c = await openInvestigation(t, investigator);
    const s = await addSuspect(t, investigator, c.id);
    await recordOk(t, investigator, c.id, evidence());
    expect((await record(t, investigator, c.id, charge(s.suspectId))).statusCode).toBe(403);
    await recordOk(t, prosecutor, c.id, charge(s.suspectId));
    await recordOk(t, clerk, c.id, supervision(s.suspectId));
    const checkIn = { type: 'check_in_recorded', occurredOn: '2017-03-28', suspectId: s.suspectId };
    expect((await record(t, prosecutor, c.id, checkIn)).statusCode).toBe(403);
    expect((await record(t, clerk, c.id, checkIn)).statusCode).toBe(403);
    await recordOk(t, investigator, c.id, checkIn);
  });

  it('400 with the field path and 409 for a step out of order; nothing changes', async () => {
    const c = await openInvestigation(t, investigator);
    const s = await addSuspect(t, investigator, c.id);
    const bad = await record(t, investigator, c.id, { ...evidence(), prosecutorOrganisationId: COURT });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('prosecutorOrganisationId');
    const early = await record(t, investigator, c.id, {
      type: 'absconded',
      occurredOn: '2017-04-01',
      suspectId: s.suspectId,
    });
    expect(early.statusCode).toBe(409);
    const stale = await record(t, investigator, c.id, evidence(), 1);
    expect(stale.statusCode).toBe(409);
    const row = await t.t.owner
      .selectFrom('criminal_cases')
      .select('version')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    const events = await t.t.owner
      .selectFrom('criminal_case_events')
      .select('seq')
      .where('case_id', '=', c.id)
      .execute();
    expect(events).toHaveLength(2);
  });

  it('a victim link must name an existing victim case', async () => {
    const c = await openInvestigation(t, investigator);
    const res = await record(t, investigator, c.id, {
      type: 'victim_linked',
      occurredOn: '2017-03-03',
      victimCaseId: RANDOM_ID,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('victimCaseId');
  });

  it('events are history: the database refuses to change them', async () => {
    const c = await openInvestigation(t, investigator);
    await expect(
      sql`UPDATE criminal_case_events SET type = 'x' WHERE case_id = ${c.id}`.execute(t.t.owner),
    ).rejects.toThrow();
    await expect(sql`DELETE FROM criminal_case_events WHERE case_id = ${c.id}`.execute(t.t.owner)).rejects.toThrow();
  });
});

describe('POST /api/criminal-cases/:id/suspects', () => {
  it('401, 403, 404 out of scope; 201 creates the person (label R, identity encrypted) and the suspect', async () => {
    const c = await openInvestigation(t, investigator);
    const url = `/api/criminal-cases/${c.id}/suspects`;
    const body = {
      occurredOn: '2017-03-02',
      nationality: 'VNM',
      person: { identity: { names: [{ family: 'Nguyen', given: 'Van An' }] } },
    };
    expect((await post(t, null, url, body)).statusCode).toBe(401);
    expect((await post(t, socialWorker, url, body)).statusCode).toBe(403);
    expect((await post(t, prosecutor, url, body)).statusCode).toBe(404);
    const res = await post(t, investigator, url, body);
    expect(res.statusCode, res.body).toBe(201);
    const suspect = res.json().case.state.suspects[0];
    expect(suspect).toMatchObject({ nationality: 'VNM', status: 'investigated' });
    const person = await t.t.owner
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', suspect.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ label: 'R', organisation_id: LEAD });
    const dump = JSON.stringify(
      await t.t.owner.selectFrom('criminal_case_events').selectAll().where('case_id', '=', c.id).execute(),
    );
    expect(dump).not.toContain('Nguyen');
    expect(await lastAudit(t, 'criminal_case.suspect_added')).toMatchObject({ resource_id: c.id });
  });

  it('400 when neither or both of personId and person are given', async () => {
    const c = await openInvestigation(t, investigator);
    const res = await post(t, investigator, `/api/criminal-cases/${c.id}/suspects`, {
      occurredOn: '2017-03-02',
      nationality: 'KHM',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('personId');
  });
});
