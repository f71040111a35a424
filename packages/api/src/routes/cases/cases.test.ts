import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import {
  RANDOM_ID,
  consent,
  get,
  lastAudit,
  openCase,
  record,
  recordOk,
  referral,
  uuid,
  type OpenedCase,
} from './case-test-kit.ts';

let t: TestApp;
/** DoSAVY Phnom Penh (KH-12): opens the cases. */
let sw: Session;
/** Chab Dai (NGO): receives referrals. */
let ngo: Session;
/** AHTJP Phnom Penh (KH-12): a third organisation. */
let police: Session;
/** MFAIC consular department: assists repatriations. */
let consular: Session;
/** Ministry of Interior: formal identification, national scope. */
let moi: Session;
/** NCCT: national statistics, never identities. */
let analyst: Session;

beforeAll(async () => {
  t = await createTestApp();
  sw = await t.login('social_worker');
  ngo = await t.login('ngo_case_worker');
  police = await t.login('investigator');
  consular = await t.login('consular_officer');
  moi = await t.login('identification_officer');
  analyst = await t.login('national_analyst');
});
afterAll(async () => t.close());

const SW_ORG = 'dosavy-phnom-penh';

describe('POST /api/cases', () => {
  it('401 without a session; 403 for a role without case.write', async () => {
    const body = { occurredOn: '2017-03-21', source: 'hotline' };
    expect((await t.app.inject({ method: 'POST', url: '/api/cases', payload: body })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: analyst.headers, payload: body });
    expect(res.statusCode).toBe(403);
  });

  it('opens a case with its person (label R), numbered by country, province and year; audited', async () => {
    const c = await openCase(t, sw);
    expect(c.caseNumber).toMatch(/^KHM-KH-12-2017-\d{5}$/);
    const person = await t.t.owner
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', c.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ label: 'R', organisation_id: SW_ORG, province: 'KH-12' });
    const res = await get(t, sw, `/api/cases/${c.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().case).toMatchObject({
      id: c.id,
      caseNumber: c.caseNumber,
      personId: c.personId,
      state: { version: 1, status: 'open', organisationId: SW_ORG, province: 'KH-12', source: 'shelter_intake' },
    });
    expect(await lastAudit(t, 'case.open')).toMatchObject({
      resource_id: c.id,
      outcome: 'allowed',
      actor_organisation_id: SW_ORG,
    });
    const second = await openCase(t, sw);
    expect(Number(second.caseNumber.slice(-5))).toBe(Number(c.caseNumber.slice(-5)) + 1);
  });

  it('bad input: an unknown province and an impossible date are 400 with field paths; nothing is written', async () => {
    const count = async () => (await t.t.owner.selectFrom('persons').select('id').execute()).length;
    const before = await count();
    const province = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: sw.headers,
      payload: { occurredOn: '2017-03-21', source: 'hotline', province: 'KH-99' },
    });
    expect(province.statusCode).toBe(400);
    expect(province.json().errors[0].path).toBe('province');
    const date = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: sw.headers,
      payload: { occurredOn: '2017-02-30', source: 'hotline' },
    });
    expect(date.statusCode).toBe(400);
    expect(date.json().errors[0].path).toBe('occurredOn');
    expect(await count()).toBe(before);
  });

  it("a case for another organisation's person that the actor cannot see is 404", async () => {
    const other = await openCase(t, police);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: ngo.headers,
      payload: { occurredOn: '2017-03-21', source: 'referral', personId: other.personId },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('the lifecycle, step by step through POST /api/cases/:id/events', () => {
  let c: OpenedCase;
  const referralId = uuid();
  const serviceId = uuid();
  const repatriationId = uuid();
  const orderId = uuid();

  beforeAll(async () => {
    // A child, so custody applies too.
    c = await openCase(t, sw, { birthYear: 2003, family: 'Keo', given: 'Srey Leak' });
  });

  it('401 without a session; 404 for an unknown case', async () => {
    const ev = { type: 'follow_up_recorded', occurredOn: '2017-03-22', outcome: 'other' };
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/events`, payload: ev });
    expect(res.statusCode).toBe(401);
    expect((await record(t, sw, RANDOM_ID, ev)).statusCode).toBe(404);
  });

  it('identification_recorded by the Ministry of Interior (national scope), audited with its rule', async () => {
    const state = await recordOk(t, moi, c.id, {
      type: 'identification_recorded',
      occurredOn: '2017-03-25',
      status: 'identified',
      authorityOrganisationId: 'moi',
      reference: 'MOI-2017-0042',
    });
    expect(state.identification).toEqual({
      status: 'identified',
      on: '2017-03-25',
      authorityOrganisationId: 'moi',
      reference: 'MOI-2017-0042',
    });
    expect(state.version).toBe(2);
    const audit = await lastAudit(t, 'case.identification_recorded');
    expect(audit).toMatchObject({ resource_id: c.id, outcome: 'allowed', actor_organisation_id: 'moi' });
    expect(audit!.rule).toMatch(/^identification_officer#/);
    expect(audit!.details).toEqual({ version: 2 });
  });

  it('exploitation_recorded with codes from the configured lists; an unknown code is a 400 at its path', async () => {
    const exploitation = {
      type: 'exploitation_recorded',
      occurredOn: '2017-03-25',
      types: ['forced_labour'],
      sectors: ['fishing'],
      methodsOfControl: ['debt_bondage', 'withholding_documents'],
      recruitmentMethods: ['broker'],
      recruitmentCountry: 'KHM',
      recruitmentProvince: 'KH-12',
      exploitationCountry: 'THA',
      from: '2016-05-01',
      to: '2017-02-28',
    };
    const unknown = await record(t, sw, c.id, { ...exploitation, types: ['forced_labour', 'slavery'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('types.1');
    expect(unknown.json().detail).toContain('"slavery"');
    const country = await record(t, sw, c.id, { ...exploitation, exploitationCountry: 'BRA' });
    expect(country.statusCode).toBe(400);
    expect(country.json().errors[0].path).toBe('exploitationCountry');
    const dates = await record(t, sw, c.id, { ...exploitation, to: '2016-01-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors[0].path).toBe('to');
    const state = await recordOk(t, sw, c.id, exploitation);
    expect(state.exploitation).toMatchObject({
      types: ['forced_labour'],
      sectors: ['fishing'],
      recordedOn: '2017-03-25',
    });
    expect(state.version).toBe(3);
  });

  it('a referral without consent is a 400 on `consentOverride`', async () => {
    const res = await record(t, sw, c.id, referral('2017-03-26', SW_ORG, 'chab-dai'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('consentOverride');
  });

  it('consent_given, then referral_made to the NGO: the NGO reads the case and the person, a third organisation gets 404', async () => {
    // Before the referral the NGO knows nothing of the case.
    expect((await get(t, ngo, `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await get(t, ngo, `/api/persons/${c.personId}`)).statusCode).toBe(404);

    const given = await recordOk(t, sw, c.id, consent('2017-03-26'));
    expect(given.consents).toEqual([expect.objectContaining({ purposes: ['referral', 'services'], active: true })]);
    const state = await recordOk(t, sw, c.id, { ...referral('2017-03-27', SW_ORG, 'chab-dai'), referralId });
    expect(state.referrals).toEqual([
      expect.objectContaining({ referralId, toOrganisationId: 'chab-dai', status: 'pending', madeOn: '2017-03-27' }),
    ]);
    expect(await lastAudit(t, 'case.referral_made')).toMatchObject({ resource_id: c.id, reason: null });

    const kase = await get(t, ngo, `/api/cases/${c.id}`);
    expect(kase.statusCode).toBe(200);
    expect(kase.json().case.state.referrals[0].referralId).toBe(referralId);
    const person = await get(t, ngo, `/api/persons/${c.personId}?identity=true`);
    expect(person.statusCode).toBe(200);
    expect(person.json().person.identity.names[0]).toMatchObject({ family: 'Keo', given: 'Srey Leak' });
    expect(await lastAudit(t, 'person.read_identity')).toMatchObject({
      resource_id: c.personId,
      actor_organisation_id: 'chab-dai',
    });

    expect((await get(t, police, `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect(await lastAudit(t, 'case.read')).toMatchObject({
      resource_id: c.id,
      outcome: 'denied',
      reason: 'out-of-scope',
      actor_organisation_id: 'ahtjp-phnom-penh',
    });
    expect((await get(t, police, `/api/persons/${c.personId}?identity=true`)).statusCode).toBe(404);
    expect((await record(t, police, c.id, consent('2017-03-27'))).statusCode).toBe(404);
    expect(await lastAudit(t, 'case.write')).toMatchObject({ resource_id: c.id, outcome: 'denied' });
  });

  it('referral_answered: only the receiving organisation answers; it accepts', async () => {
    const answer = { type: 'referral_answered', occurredOn: '2017-03-28', referralId, answer: 'accepted' };
    const bySender = await record(t, sw, c.id, answer);
    expect(bySender.statusCode).toBe(403);
    expect(await lastAudit(t, 'case.referral_answered')).toMatchObject({
      resource_id: c.id,
      outcome: 'denied',
      actor_organisation_id: SW_ORG,
    });
    const state = await recordOk(t, ngo, c.id, answer);
    expect(state.referrals).toEqual([
      expect.objectContaining({ referralId, status: 'accepted', answeredOn: '2017-03-28' }),
    ]);
    expect(await lastAudit(t, 'case.referral_answered')).toMatchObject({
      resource_id: c.id,
      actor_organisation_id: 'chab-dai',
    });
    const again = await record(t, ngo, c.id, answer);
    expect(again.statusCode).toBe(409);
  });

  it('service_started and service_ended by the NGO (a compartment member may write)', async () => {
    const started = await recordOk(t, ngo, c.id, {
      type: 'service_started',
      occurredOn: '2017-04-01',
      serviceId,
      serviceType: 'shelter',
      providerOrganisationId: 'chab-dai',
      governmentFunded: false,
    });
    expect(started.services).toEqual([expect.objectContaining({ serviceId, status: 'open', startedOn: '2017-04-01' })]);
    const early = await record(t, ngo, c.id, { type: 'service_ended', occurredOn: '2017-03-01', serviceId });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('occurredOn');
    const ended = await recordOk(t, ngo, c.id, { type: 'service_ended', occurredOn: '2017-04-20', serviceId });
    expect(ended.services).toEqual([expect.objectContaining({ status: 'ended', endedOn: '2017-04-20' })]);
  });

  it('custody_transferred to the NGO', async () => {
    const state = await recordOk(t, sw, c.id, {
      type: 'custody_transferred',
      occurredOn: '2017-04-02',
      toOrganisationId: 'chab-dai',
      legalReference: 'DoSAVY-PP-2017-17',
    });
    expect(state.custody).toMatchObject({ formal: true, toOrganisationId: 'chab-dai', since: '2017-04-02' });
  });

  it('repatriation_recorded awaiting: the assisting consular department then sees the case and person; completed', async () => {
    expect((await get(t, consular, `/api/cases/${c.id}`)).statusCode).toBe(404);
    const awaiting = await recordOk(t, sw, c.id, {
      type: 'repatriation_recorded',
      occurredOn: '2017-04-05',
      repatriationId,
      direction: 'home_from_abroad',
      country: 'THA',
      assistingOrganisationIds: ['embassy-tha', 'mfaic-consular', 'iom-cambodia'],
      status: 'awaiting',
    });
    expect(awaiting.repatriations).toEqual([expect.objectContaining({ repatriationId, status: 'awaiting' })]);
    const kase = await get(t, consular, `/api/cases/${c.id}`);
    expect(kase.statusCode).toBe(200);
    const person = await get(t, consular, `/api/persons/${c.personId}?identity=true`);
    expect(person.statusCode).toBe(200);
    expect(person.json().person.identity.names[0].family).toBe('Keo');
    const done = await recordOk(t, consular, c.id, {
      type: 'repatriation_completed',
      occurredOn: '2017-04-20',
      repatriationId,
    });
    expect(done.repatriations).toEqual([
      expect.objectContaining({ status: 'completed', completedOn: '2017-04-20', recordedOn: '2017-04-05' }),
    ]);
    expect(await lastAudit(t, 'case.repatriation_completed')).toMatchObject({
      resource_id: c.id,
      actor_organisation_id: 'mfaic-consular',
    });
  });

  it('restitution_ordered, then paid in parts; paying more than the balance is a 400 on `amount`', async () => {
    await recordOk(t, sw, c.id, {
      type: 'restitution_ordered',
      occurredOn: '2017-06-01',
      orderId,
      amount: 2_000_000,
      currency: 'KHR',
      courtCaseReference: 'PP-2017-311',
    });
    const part = await recordOk(t, sw, c.id, {
      type: 'restitution_paid',
      occurredOn: '2017-06-15',
      orderId,
      amount: 500_000,
    });
    expect(part.restitutionOrders).toEqual([expect.objectContaining({ paid: 500_000 })]);
    const over = await record(t, sw, c.id, {
      type: 'restitution_paid',
      occurredOn: '2017-06-20',
      orderId,
      amount: 1_600_000,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].path).toBe('amount');
    const rest = await recordOk(t, sw, c.id, {
      type: 'restitution_paid',
      occurredOn: '2017-06-20',
      orderId,
      amount: 1_500_000,
    });
    expect(rest.restitutionOrders).toEqual([
      expect.objectContaining({ amount: 2_000_000, paid: 2_000_000, payments: [expect.anything(), expect.anything()] }),
    ]);
    const zero = await record(t, sw, c.id, { type: 'restitution_paid', occurredOn: '2017-06-21', orderId, amount: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe('amount');
  });

  it('expectedVersion: a stale version is 409 and writes nothing; the current one is accepted', async () => {
    const current = (await get(t, sw, `/api/cases/${c.id}`)).json().case.state.version as number;
    const followUp = { type: 'follow_up_recorded', occurredOn: '2017-06-25', outcome: 'reintegrated' };
    const stale = await record(t, sw, c.id, followUp, current - 1);
    expect(stale.statusCode).toBe(409);
    expect((await get(t, sw, `/api/cases/${c.id}`)).json().case.state.version).toBe(current);
    const res = await record(t, sw, c.id, followUp, current);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case.state.version).toBe(current + 1);
  });

  it('case_closed; any further event is a 409 until the case is reopened', async () => {
    const closed = await recordOk(t, sw, c.id, {
      type: 'case_closed',
      occurredOn: '2017-07-01',
      reason: 'reintegrated',
    });
    expect(closed).toMatchObject({ status: 'closed', closure: { reason: 'reintegrated', on: '2017-07-01' } });
    const after = await record(t, sw, c.id, {
      type: 'follow_up_recorded',
      occurredOn: '2017-07-02',
      outcome: 'at_risk',
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('conflict');
    const refer = await record(t, ngo, c.id, consent('2017-07-02'));
    expect(refer.statusCode).toBe(409);
    const reopened = await recordOk(t, sw, c.id, {
      type: 'case_reopened',
      occurredOn: '2017-08-01',
      reason: 'The family reported renewed contact by the broker',
    });
    expect(reopened.status).toBe('open');
  });

  it('GET /api/cases/:id returns every event, in order, with the projection', async () => {
    const res = await get(t, sw, `/api/cases/${c.id}`);
    expect(res.statusCode).toBe(200);
    const { case: kase, events } = res.json();
    expect(events.map((e: { event: { type: string } }) => e.event.type)).toEqual([
      'case_opened',
      'identification_recorded',
      'exploitation_recorded',
      'consent_given',
      'referral_made',
      'referral_answered',
      'service_started',
      'service_ended',
      'custody_transferred',
      'repatriation_recorded',
      'repatriation_completed',
      'restitution_ordered',
      'restitution_paid',
      'restitution_paid',
      'follow_up_recorded',
      'case_closed',
      'case_reopened',
    ]);
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(kase.state.version).toBe(events.length);
    expect(await lastAudit(t, 'case.read')).toMatchObject({ resource_id: c.id, outcome: 'allowed' });
  });
});

describe('consent override', () => {
  it('a role holding case.consent_override refers without consent; the reason is audited', async () => {
    const c = await openCase(t, sw);
    const reason = 'The victim is unconscious in hospital and needs shelter on discharge tonight';
    const state = await recordOk(
      t,
      sw,
      c.id,
      referral('2017-03-22', SW_ORG, 'chab-dai', { consentOverride: { reason } }),
    );
    expect(state.referrals).toEqual([expect.objectContaining({ consentOverride: { reason } })]);
    const audit = await lastAudit(t, 'case.referral_made');
    expect(audit).toMatchObject({ resource_id: c.id, reason, outcome: 'allowed' });
    expect(audit!.rule).toMatch(/^social_worker#/);
  });

  it('a short override reason is a 400 at `consentOverride.reason`', async () => {
    const c = await openCase(t, sw);
    const res = await record(
      t,
      sw,
      c.id,
      referral('2017-03-22', SW_ORG, 'chab-dai', { consentOverride: { reason: 'urgent' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('consentOverride.reason');
  });

  it('a role without it gets 403, audited as denied, and nothing is recorded', async () => {
    const c = await openCase(t, ngo);
    const res = await record(
      t,
      ngo,
      c.id,
      referral('2017-03-22', 'chab-dai', SW_ORG, {
        consentOverride: { reason: 'We think it is urgent enough to skip the consent step' },
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(await lastAudit(t, 'case.consent_override')).toMatchObject({ resource_id: c.id, outcome: 'denied' });
    expect((await get(t, ngo, `/api/cases/${c.id}`)).json().case.state.referrals).toEqual([]);
  });

  it('a referral must come from the actor’s own organisation', async () => {
    const c = await openCase(t, sw);
    await recordOk(t, sw, c.id, consent('2017-03-22'));
    const res = await record(t, sw, c.id, referral('2017-03-23', 'hagar-cambodia', 'chab-dai'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('fromOrganisationId');
  });
});

describe('record-level refusals on events', () => {
  it('403 for a role that sees the case but may not write it; 403 for a role without case.write', async () => {
    // A case of the police in Phnom Penh: the DoSAVY social worker reads it (province scope) but writes only its own.
    const c = await openCase(t, police);
    expect((await get(t, sw, `/api/cases/${c.id}`)).statusCode).toBe(200);
    const res = await record(t, sw, c.id, consent('2017-03-22'));
    expect(res.statusCode).toBe(403);
    expect((await record(t, analyst, c.id, consent('2017-03-22'))).statusCode).toBe(403);
  });

  it('a declined referral takes the case out of the receiver’s compartment', async () => {
    const c = await openCase(t, sw, { family: 'Nhem', given: 'Bopha' });
    await recordOk(t, sw, c.id, consent('2017-03-22'));
    const r = referral('2017-03-23', SW_ORG, 'chab-dai');
    await recordOk(t, sw, c.id, r);
    expect((await get(t, ngo, `/api/persons/${c.personId}`)).statusCode).toBe(200);
    const declined = await recordOk(t, ngo, c.id, {
      type: 'referral_answered',
      occurredOn: '2017-03-24',
      referralId: r.referralId,
      answer: 'declined',
      reason: 'No shelter place for adults this month',
    });
    expect(declined.referrals).toEqual([expect.objectContaining({ status: 'declined' })]);
    expect((await get(t, ngo, `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await get(t, ngo, `/api/persons/${c.personId}`)).statusCode).toBe(404);
  });

  it('a person with two cases keeps the compartments of both', async () => {
    // DoSAVY refers its client to the NGO, which then opens its own case for the same person.
    const a = await openCase(t, sw, { family: 'Ouk', given: 'Chanthy' });
    await recordOk(t, sw, a.id, consent('2017-03-22'));
    await recordOk(t, sw, a.id, referral('2017-03-23', SW_ORG, 'chab-dai'));
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: ngo.headers,
      payload: { occurredOn: '2017-03-24', source: 'referral', personId: a.personId },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const b = opened.json().case.id as string;
    await recordOk(t, ngo, b, consent('2017-03-25'));
    // The NGO still sees its client...
    const person = await get(t, ngo, `/api/persons/${a.personId}?identity=true`);
    expect(person.statusCode).toBe(200);
    expect(person.json().person.identity.names[0].family).toBe('Ouk');
    // ...and a change to the DoSAVY case does not take the person away from the NGO's own case.
    await recordOk(t, sw, a.id, { type: 'follow_up_recorded', occurredOn: '2017-03-26', outcome: 'other' });
    expect((await get(t, ngo, `/api/persons/${a.personId}`)).statusCode).toBe(200);
  });

  it('concurrent events on one case are applied one after the other (no lost update, no 500)', async () => {
    const c = await openCase(t, sw);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        record(t, sw, c.id, { type: 'follow_up_recorded', occurredOn: `2017-04-0${i + 1}`, outcome: 'other' }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const res = (await get(t, sw, `/api/cases/${c.id}`)).json();
    expect(res.case.state.version).toBe(7);
    expect(res.case.state.followUps).toHaveLength(6);
    expect(res.events).toHaveLength(7);
  });
});

describe('GET /api/cases', () => {
  it('401 without a session; 403 for a role without case.read', async () => {
    expect((await get(t, null, '/api/cases')).statusCode).toBe(401);
    expect((await get(t, null, `/api/cases/${RANDOM_ID}`)).statusCode).toBe(401);
    const admin = await t.login('national_admin');
    expect((await get(t, admin, '/api/cases')).statusCode).toBe(403);
    expect((await get(t, admin, `/api/cases/${RANDOM_ID}`)).statusCode).toBe(403);
  });

  it('lists only the cases the actor may read; audited with the count', async () => {
    const mine = await openCase(t, ngo, { province: '' });
    const theirs = await openCase(t, sw);
    const ids = async (s: Session, query = '') =>
      ((await get(t, s, `/api/cases${query}`)).json().cases as { id: string }[]).map((c) => c.id);
    const ngoIds = await ids(ngo);
    expect(ngoIds).toContain(mine.id);
    expect(ngoIds).not.toContain(theirs.id);
    expect(await lastAudit(t, 'case.list')).toMatchObject({ actor_organisation_id: 'chab-dai', outcome: 'allowed' });
    const swIds = await ids(sw);
    expect(swIds).toContain(theirs.id);
    expect(swIds).not.toContain(mine.id);
    expect(await ids(police)).not.toContain(theirs.id);
    expect(await ids(sw, '?status=closed')).not.toContain(theirs.id);
    expect((await ids(sw, '?limit=1')).length).toBe(1);
  });
});

describe('who sees what', () => {
  it('NGO case workers: identities of their own clients (allow), not of other organisations’ clients (deny)', async () => {
    const own = await openCase(t, ngo, { province: '', family: 'Mao', given: 'Sokha' });
    const res = await get(t, ngo, `/api/persons/${own.personId}?identity=true`);
    expect(res.statusCode).toBe(200);
    expect(res.json().person.identity.names[0].given).toBe('Sokha');
    const other = await openCase(t, sw, { family: 'Mao', given: 'Dary' });
    expect((await get(t, ngo, `/api/persons/${other.personId}?identity=true`)).statusCode).toBe(404);
    expect((await get(t, ngo, `/api/cases/${other.id}`)).statusCode).toBe(404);
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: ngo.headers,
      payload: { name: 'Mao' },
    });
    expect(search.statusCode).toBe(200);
    const found = search.json().persons.map((p: { id: string }) => p.id);
    expect(found).toContain(own.personId);
    expect(found).not.toContain(other.personId);
  });

  it('consular officers: cases of their mission (allow), no others (deny)', async () => {
    const assisted = await openCase(t, sw);
    await recordOk(t, sw, assisted.id, {
      type: 'repatriation_recorded',
      occurredOn: '2017-04-01',
      repatriationId: uuid(),
      direction: 'home_from_abroad',
      country: 'MYS',
      assistingOrganisationIds: ['mfaic-consular'],
      status: 'awaiting',
    });
    const elsewhere = await openCase(t, sw);
    await recordOk(t, sw, elsewhere.id, {
      type: 'repatriation_recorded',
      occurredOn: '2017-04-01',
      repatriationId: uuid(),
      direction: 'home_from_abroad',
      country: 'THA',
      assistingOrganisationIds: ['embassy-tha', 'iom-cambodia'],
      status: 'awaiting',
    });
    expect((await get(t, consular, `/api/cases/${assisted.id}`)).statusCode).toBe(200);
    expect((await get(t, consular, `/api/persons/${assisted.personId}?identity=true`)).statusCode).toBe(200);
    expect((await get(t, consular, `/api/cases/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await get(t, consular, `/api/persons/${elsewhere.personId}`)).statusCode).toBe(404);
    const listed = (await get(t, consular, '/api/cases')).json().cases.map((c: { id: string }) => c.id);
    expect(listed).toContain(assisted.id);
    expect(listed).not.toContain(elsewhere.id);
  });

  it('social workers: cases of their province, also opened by another organisation (allow), not another province (deny)', async () => {
    const sameProvince = await openCase(t, police, { province: 'KH-12' });
    const otherProvince = await openCase(t, police, { province: 'KH-17' });
    expect((await get(t, sw, `/api/cases/${sameProvince.id}`)).statusCode).toBe(200);
    expect((await get(t, sw, `/api/cases/${otherProvince.id}`)).statusCode).toBe(404);
    const listed = (await get(t, sw, '/api/cases')).json().cases.map((c: { id: string }) => c.id);
    expect(listed).toContain(sameProvince.id);
    expect(listed).not.toContain(otherProvince.id);
    // The identity of another organisation's person (label R) in the province needs break-glass;
    // in another province it does not exist for them.
    const identity = await get(t, sw, `/api/persons/${sameProvince.personId}?identity=true`);
    expect(identity.statusCode).toBe(403);
    expect(identity.json().code).toBe('break_glass_required');
    expect((await get(t, sw, `/api/persons/${otherProvince.personId}?identity=true`)).statusCode).toBe(404);
  });

  it('national analysts: read cases nationally (allow) but never an identity (deny)', async () => {
    const c = await openCase(t, sw, { family: 'Lim', given: 'Thida' });
    const res = await get(t, analyst, `/api/cases/${c.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().case.state.organisationId).toBe(SW_ORG);
    expect(res.body).not.toMatch(/Thida|Lim/);
    // Pseudonyms stand for the person: stable, and never the person's id.
    expect(res.json().case.personId).toMatch(/^p_[0-9a-f]{20}$/);
    expect(res.json().case.personPseudonymous).toBe(true);
    expect(res.body).not.toContain(c.personId);
    expect((await get(t, analyst, `/api/cases/${c.id}`)).json().case.personId).toBe(res.json().case.personId);
    expect((await get(t, sw, `/api/cases/${c.id}`)).json().case.personId).toBe(c.personId);
    expect((await get(t, analyst, '/api/cases')).json().cases.map((x: { id: string }) => x.id)).toContain(c.id);
    const person = await get(t, analyst, `/api/persons/${c.personId}?identity=true`);
    expect(person.statusCode).toBe(403);
    expect(person.body).not.toMatch(/Thida|Lim/);
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: analyst.headers,
      payload: { name: 'Lim Thida' },
    });
    expect(search.statusCode).toBe(403);
  });
});

describe('GET /api/cases at national volume', () => {
  it("an organisation's own cases are listed however many newer cases other organisations have", async () => {
    const own = await openCase(t, ngo, { province: '' });
    // 6,000 newer cases of another organisation (copies of one, enough to pass any fixed window).
    const template = await openCase(t, police);
    await sql`
      INSERT INTO victim_cases (id, case_number, person_id, owner_user_id, organisation_id, province, label,
                                status, opened_on, version, state, updated_at)
      SELECT gen_random_uuid(), 'BULK-' || g, person_id, owner_user_id, 'licadho', NULL, 'N',
             status, opened_on, version, state, now() + g * interval '1 second'
      FROM victim_cases, generate_series(1, 6000) AS g
      WHERE id = ${template.id}`.execute(t.t.owner);
    const listed = (await get(t, ngo, '/api/cases?limit=500')).json().cases.map((c: { id: string }) => c.id);
    expect(listed).toContain(own.id);
  });
});
