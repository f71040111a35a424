import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { get, lastAudit, post, RANDOM_ID } from '../criminal-cases/criminal-case-test-kit.ts';

let t: TestApp;
/** NCCT secretariat (national committee): trainings, budgets, plans; reads every register. */
let secretariat: Session;
/** Banteay Meanchey provincial committee (KH-1): its own records, its province's. */
let coordinator: Session;
/** MLVT labour inspection: establishments, inspections. */
let inspector: Session;
/** AHTJP Phnom Penh: sees an inspection once referred to it. */
let police: Session;
/** MFAIC consular department: may record visa screenings, not trainings. */
let consular: Session;
/** DoSAVY: no register action. */
let socialWorker: Session;

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await t.login('secretariat_officer');
  coordinator = await t.login('provincial_coordinator');
  inspector = await t.login('labour_inspector');
  police = await t.login('investigator');
  consular = await t.login('consular_officer');
  socialWorker = await t.login('social_worker');
});
afterAll(async () => t.close());

const training = (extra: Record<string, unknown> = {}) => ({
  organiserOrganisationId: 'ncct',
  date: '2017-05-02',
  province: 'KH-12',
  topic: 'Identifying victims of trafficking',
  audience: 'law_enforcement',
  participantsFemale: 6,
  participantsMale: 19,
  ...extra,
});
const put = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, headers: s.headers, payload: payload as object });

describe('registers: definitions and list', () => {
  it('401 without a session, 403 without register.read; definitions say who may write', async () => {
    expect((await get(t, null, '/api/registers')).statusCode).toBe(401);
    expect((await get(t, socialWorker, '/api/registers')).statusCode).toBe(403);
    const defs = (await get(t, secretariat, '/api/registers')).json();
    const byId = Object.fromEntries(defs.registers.map((r: { id: string }) => [r.id, r]));
    expect(byId.trainings.canWrite).toBe(true);
    expect(byId.inspections.canWrite).toBe(false);
    expect(defs.checklists.brick_kiln).toContain('advance_payment_debt');
    expect((await get(t, secretariat, '/api/registers/unicorns')).statusCode).toBe(400);
  });

  it('the CSV template is the header of the importable fields', async () => {
    const res = await get(t, secretariat, '/api/registers/trainings/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.trim()).toBe(
      'organiserOrganisationId,date,province,topic,audience,participantsFemale,participantsMale',
    );
  });
});

describe('registers: write and read', () => {
  it('creates a record (derived fields added), audited; reads it with its history', async () => {
    const res = await post(t, secretariat, '/api/registers/trainings', training());
    expect(res.statusCode, res.body).toBe(201);
    const rec = res.json().record;
    expect(rec.data.participantsTotal).toBe(25);
    expect(rec).toMatchObject({ organisationId: 'ncct', province: 'KH-12', version: 1 });
    expect(await lastAudit(t, 'register.create')).toMatchObject({ resource_id: rec.id, outcome: 'allowed' });
    const edited = await put(secretariat, `/api/registers/trainings/${rec.id}?expectedVersion=1`, {
      ...rec.data,
      participantsMale: 20,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().record.data.participantsTotal).toBe(26);
    const read = (await get(t, secretariat, `/api/registers/trainings/${rec.id}`)).json();
    expect(read.history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'updated']);
    expect(read.history[0].data.participantsMale).toBe(19);
    const stale = await put(secretariat, `/api/registers/trainings/${rec.id}?expectedVersion=1`, training());
    expect(stale.statusCode).toBe(409);
  });

  it('400 names the field and writes nothing', async () => {
    const before = await t.t.owner
      .selectFrom('register_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const res = await post(t, secretariat, '/api/registers/trainings', training({ participantsMale: 'many' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('participantsMale');
    const unknown = await post(t, secretariat, '/api/registers/trainings', training({ participantsTotal: 99 }));
    expect(unknown.statusCode).toBe(400);
    const after = await t.t.owner
      .selectFrom('register_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('403 for an organisation type the register does not name, or a role without register.write', async () => {
    expect((await post(t, consular, '/api/registers/trainings', training())).statusCode).toBe(403);
    expect((await post(t, police, '/api/registers/trainings', training())).statusCode).toBe(403);
    expect((await post(t, null, '/api/registers/trainings', training())).statusCode).toBe(401);
    const screening = {
      missionOrganisationId: 'mfaic-consular',
      date: '2017-08-01',
      riskIndicators: ['broker_arranged', 'large_age_gap'],
      outcome: 'counselled',
    };
    expect((await post(t, consular, '/api/registers/visa_screenings', screening)).statusCode).toBe(201);
  });

  it('scopes: a provincial committee sees its province’s records, not others’; 404 out of scope', async () => {
    const phnomPenh = (await post(t, secretariat, '/api/registers/trainings', training())).json().record;
    const own = await post(
      t,
      coordinator,
      '/api/registers/trainings',
      training({ organiserOrganisationId: 'pctc-banteay-meanchey', province: 'KH-1' }),
    );
    expect(own.statusCode, own.body).toBe(201);
    const list = (await get(t, coordinator, '/api/registers/trainings?limit=1000'))
      .json()
      .records.map((r: { id: string }) => r.id);
    expect(list).toContain(own.json().record.id);
    expect(list).not.toContain(phnomPenh.id);
    expect((await get(t, coordinator, `/api/registers/trainings/${phnomPenh.id}`)).statusCode).toBe(404);
    expect((await put(coordinator, `/api/registers/trainings/${phnomPenh.id}`, training())).statusCode).toBe(404);
    expect((await get(t, secretariat, `/api/registers/trainings/${RANDOM_ID}`)).statusCode).toBe(404);
  });
});

describe('labour inspections: findings lead to protection or police in one step', () => {
  async function inspect() {
    const kiln = await post(t, inspector, '/api/registers/establishments', {
      kind: 'brick_kiln',
      name: 'Kiln 14, Kandal Stueng',
      province: 'KH-12',
      location: 'Prek Ho commune',
      ownerName: 'Kiln owner',
    });
    expect(kiln.statusCode, kiln.body).toBe(201);
    const res = await post(t, inspector, '/api/registers/inspections', {
      inspectorOrganisationId: 'mlvt-labour-inspection',
      date: '2017-04-11',
      province: 'KH-12',
      sector: 'brick_kiln',
      subjectId: kiln.json().record.id,
      indicators: ['advance_payment_debt', 'debt_passed_to_family'],
      workersInterviewed: 9,
      outcome: 'referred_protection',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().record.data.debtBondage).toBe(true);
    return res.json().record as { id: string };
  }

  it('refer-protection opens a victim case for a worker and links it on the inspection', async () => {
    const i = await inspect();
    const url = `/api/registers/inspections/${i.id}/refer-protection`;
    const body = {
      occurredOn: '2017-04-11',
      person: { sex: 'male', birthYear: 1990, nationality: 'KHM', identity: null },
    };
    expect((await post(t, null, url, body)).statusCode).toBe(401);
    expect((await post(t, secretariat, url, body)).statusCode).toBe(403);
    const res = await post(t, inspector, url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().record.data.victimCaseIds).toEqual([res.json().caseId]);
    const vc = await t.t.owner
      .selectFrom('victim_cases')
      .selectAll()
      .where('id', '=', res.json().caseId)
      .executeTakeFirstOrThrow();
    expect(vc).toMatchObject({ organisation_id: 'mlvt-labour-inspection', province: 'KH-12' });
    expect((vc.state as { source: string }).source).toBe('labour_inspection');
  });

  it('refer-police shares the inspection with the police unit, which could not see it before', async () => {
    const i = await inspect();
    const url = `/api/registers/inspections/${i.id}`;
    expect((await get(t, police, url)).statusCode).toBe(404);
    const bad = await post(t, inspector, `${url}/refer-police`, {
      occurredOn: '2017-04-12',
      policeOrganisationId: 'ncct',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('referredToPoliceOrganisationId');
    const res = await post(t, inspector, `${url}/refer-police`, {
      occurredOn: '2017-04-12',
      policeOrganisationId: 'ahtjp-phnom-penh',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(t, police, url)).statusCode).toBe(200);
    expect(await lastAudit(t, 'register.share')).toMatchObject({ resource_id: i.id });
    // An edit of the form's fields keeps the referral.
    const read = (await get(t, inspector, url)).json().record;
    const { referredToPoliceOrganisationId: _r, referredToPoliceOn: _o, ...form } = read.data;
    const edited = await put(inspector, url, { ...form, workersInterviewed: 11 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().record.data.referredToPoliceOrganisationId).toBe('ahtjp-phnom-penh');
  });
});
