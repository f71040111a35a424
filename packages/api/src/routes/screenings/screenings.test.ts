import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let sw: Session;
beforeAll(async () => {
  t = await createTestApp();
  sw = await t.login('social_worker');
});
afterAll(async () => t.close());

const RANDOM_ID = '01900000-0000-7000-8000-000000000000';

/**
 * ilo-ec-adult-labour 1.0.0: every element of the case rule met. Each dimension is positive with
 * one strong and one medium indicator: deceptive recruitment (recruitment), exploitative conditions
 * (exploitation), coercion at destination.
 */
const POSITIVE = {
  'dr-job-nature': true,
  'dr-wages': true,
  'ex-excessive-hours': true,
  'ex-low-or-no-pay': true,
  'cd-documents': true,
  'cd-debt-bondage': true,
};
/** Exploitation alone: two of three elements unmet. */
const NEGATIVE = { 'ex-excessive-hours': true, 'ex-low-or-no-pay': true, 'dr-job-nature': false };

const PERSON = {
  sex: 'male',
  birthYear: 1990,
  nationality: 'KHM',
  identity: { names: [{ family: 'Sorn', given: 'Vibol' }], phones: ['+855 12 444 555'] },
};

function screening(body: Record<string, unknown>) {
  return {
    questionnaireId: 'ilo-ec-adult-labour',
    site: 'border_transit_centre',
    occurredOn: '2017-03-21',
    province: 'KH-12',
    answers: NEGATIVE,
    ...body,
  };
}

async function post(s: Session | null, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: s?.headers ?? {}, payload: payload as object });
}

const lastAudit = (action: string) =>
  t.t.owner.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();

const auditCount = async () => (await t.t.owner.selectFrom('audit_log').select('seq').execute()).length;

async function counts() {
  const n = async (table: 'persons' | 'screenings' | 'victim_cases' | 'person_identity') =>
    Number(
      (
        await t.t.owner
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    persons: await n('persons'),
    identities: await n('person_identity'),
    screenings: await n('screenings'),
    cases: await n('victim_cases'),
  };
}

describe('POST /api/screenings', () => {
  it('a positive screening records it, creates the person (R) and opens the victim case in one step', async () => {
    const before = await counts();
    const res = await post(sw, '/api/screenings', screening({ answers: POSITIVE, person: PERSON }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.result).toBe('possible_victim');
    expect(body.caseNumber).toBe('KHM-KH-12-2017-00001');
    expect(body.reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('dimension deceptive-recruitment is positive'),
        'element recruitment is met by: deceptive-recruitment',
        'element exploitation is met by: exploitative-conditions',
        'element coercion-at-destination is met by: coercion-at-destination',
      ]),
    );
    expect(await counts()).toEqual({
      persons: before.persons + 1,
      identities: before.identities + 1,
      screenings: before.screenings + 1,
      cases: before.cases + 1,
    });

    const person = await t.t.owner
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', body.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      label: 'R',
      organisation_id: sw.account.organisationId,
      province: 'KH-12',
      birth_year: 1990,
    });
    const row = await t.t.owner
      .selectFrom('screenings')
      .selectAll()
      .where('id', '=', body.screeningId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ result: 'possible_victim', person_id: body.personId, case_id: body.caseId });

    const kase = await t.app.inject({ url: `/api/cases/${body.caseId}`, headers: sw.headers });
    expect(kase.statusCode, kase.body).toBe(200);
    expect(kase.json().case.state).toMatchObject({
      source: 'screening',
      screeningId: body.screeningId,
      personId: body.personId,
      organisationId: sw.account.organisationId,
      identification: { status: 'possible' },
    });

    const audit = await lastAudit('screening.record');
    expect(audit).toMatchObject({
      resource_id: body.screeningId,
      outcome: 'allowed',
      actor_organisation_id: 'dosavy-phnom-penh',
    });
    expect(audit!.details).toMatchObject({ result: 'possible_victim', site: 'border_transit_centre' });
    expect(await lastAudit('case.open')).toMatchObject({ resource_id: body.caseId, outcome: 'allowed' });
    expect(JSON.stringify(await t.t.owner.selectFrom('audit_log').selectAll().execute())).not.toMatch(/Vibol|Sorn/);
  });

  it('the read of the screening is audited; answers and links come back', async () => {
    const created = (await post(sw, '/api/screenings', screening({ answers: POSITIVE, person: PERSON }))).json();
    const res = await t.app.inject({ url: `/api/screenings/${created.screeningId}`, headers: sw.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().screening).toMatchObject({
      id: created.screeningId,
      questionnaireId: 'ilo-ec-adult-labour',
      questionnaireVersion: '1.0.0',
      result: 'possible_victim',
      occurredOn: '2017-03-21',
      answers: POSITIVE,
      personId: created.personId,
      caseId: created.caseId,
    });
    expect(await lastAudit('screening.read')).toMatchObject({ resource_id: created.screeningId, outcome: 'allowed' });
  });

  it('a positive screening without a person is refused (a case needs one) and writes nothing', async () => {
    const before = await counts();
    const res = await post(sw, '/api/screenings', screening({ answers: POSITIVE }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['person']);
    expect(await counts()).toEqual(before);
  });

  it('not indicated, with a person but without consent: refused on `person`, nothing written', async () => {
    const before = await counts();
    const audits = await auditCount();
    const res = await post(sw, '/api/screenings', screening({ person: PERSON }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['person']);
    expect(await counts()).toEqual(before);
    expect(await auditCount()).toBe(audits);
    expect(JSON.stringify(res.json())).not.toMatch(/Vibol|Sorn/);
  });

  it('not indicated, with consent: the person is kept, no case is opened', async () => {
    const before = await counts();
    const res = await post(sw, '/api/screenings', screening({ person: PERSON, consentToKeepIdentity: true }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ result: 'not_indicated', caseId: null, caseNumber: null });
    expect(body.personId).toEqual(expect.any(String));
    expect(await counts()).toEqual({
      ...before,
      persons: before.persons + 1,
      identities: before.identities + 1,
      screenings: before.screenings + 1,
    });
    const person = await t.app.inject({ url: `/api/persons/${body.personId}?identity=true`, headers: sw.headers });
    expect(person.json().person.identity.names[0].given).toBe('Vibol');
  });

  it('not indicated, without a person: the screening is stored with no person', async () => {
    const before = await counts();
    const res = await post(sw, '/api/screenings', screening({}));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ result: 'not_indicated', personId: null, caseId: null });
    expect(body.reasons).toContain(
      'element recruitment is not met: needs one positive of deceptive-recruitment, coercive-recruitment, recruitment-abuse-of-vulnerability',
    );
    expect(await counts()).toEqual({ ...before, screenings: before.screenings + 1 });
    const row = await t.t.owner
      .selectFrom('screenings')
      .selectAll()
      .where('id', '=', body.screeningId)
      .executeTakeFirstOrThrow();
    expect(row.person_id).toBeNull();
  });

  it('an unknown questionnaire is a 400 on `questionnaireId`', async () => {
    const before = await counts();
    const res = await post(sw, '/api/screenings', screening({ questionnaireId: 'ilo-ec-adult-fishing' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('questionnaireId');
    expect(res.json().errors[0].message).toContain('ilo-ec-adult-labour');
    expect(await counts()).toEqual(before);
  });

  it('an unknown indicator id is a 400 naming it', async () => {
    const res = await post(
      sw,
      '/api/screenings',
      screening({ answers: { ...POSITIVE, 'cd-chained-to-boat': true }, person: PERSON }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('answers.cd-chained-to-boat');
    expect(res.json().detail).toContain('"cd-chained-to-boat"');
  });

  it('bad input gets field paths: site, date, province', async () => {
    const before = await counts();
    const res = await post(sw, '/api/screenings', screening({ site: 'karaoke', occurredOn: '2017-02-30' }));
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['occurredOn', 'site']);
    const province = await post(sw, '/api/screenings', screening({ province: 'KH-99' }));
    expect(province.statusCode).toBe(400);
    expect(province.json().errors[0].path).toBe('province');
    expect(await counts()).toEqual(before);
  });

  it('401 without a session', async () => {
    expect((await post(null, '/api/screenings', screening({}))).statusCode).toBe(401);
    expect(
      (await post(null, '/api/screenings/tallies', { site: 'hotline', day: '2017-01-01', screened: 1 })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ url: `/api/screenings/${RANDOM_ID}` })).statusCode).toBe(401);
  });

  it('403 for roles without screening.write (national analyst, identification officer), audited', async () => {
    for (const role of ['national_analyst', 'identification_officer', 'prosecutor']) {
      const s = await t.login(role);
      const res = await post(s, '/api/screenings', screening({ answers: POSITIVE, person: PERSON }));
      expect(res.statusCode, role).toBe(403);
      const tally = await post(s, '/api/screenings/tallies', { site: 'hotline', day: '2017-01-01', screened: 1 });
      expect(tally.statusCode, role).toBe(403);
    }
    const denied = await t.t.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('outcome', '=', 'denied')
      .where('reason', '=', 'no-rule:screening.write')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });

  it('a labour inspector (own scope) screens and opens a case too', async () => {
    const li = await t.login('labour_inspector');
    const res = await post(
      li,
      '/api/screenings',
      screening({ site: 'labour_inspection', province: 'KH-1', answers: POSITIVE, person: PERSON }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().caseNumber).toMatch(/^KHM-KH-1-2017-\d{5}$/);
  });
});

describe('GET /api/screenings/:id', () => {
  it('404 for another organisation without scope; 404 for an unknown id; 403 without screening.read', async () => {
    const created = (await post(sw, '/api/screenings', screening({}))).json();
    const ngo = await t.login('ngo_case_worker');
    const res = await t.app.inject({ url: `/api/screenings/${created.screeningId}`, headers: ngo.headers });
    expect(res.statusCode).toBe(404);
    expect(await lastAudit('screening.read')).toMatchObject({
      resource_id: created.screeningId,
      outcome: 'denied',
      actor_organisation_id: 'chab-dai',
    });
    expect((await t.app.inject({ url: `/api/screenings/${RANDOM_ID}`, headers: sw.headers })).statusCode).toBe(404);
    const analyst = await t.login('national_analyst');
    expect(
      (await t.app.inject({ url: `/api/screenings/${created.screeningId}`, headers: analyst.headers })).statusCode,
    ).toBe(403);
  });

  it('national scope (identification officer) reads any screening', async () => {
    const created = (await post(sw, '/api/screenings', screening({}))).json();
    const moi = await t.login('identification_officer');
    const res = await t.app.inject({ url: `/api/screenings/${created.screeningId}`, headers: moi.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().screening.organisationId).toBe('dosavy-phnom-penh');
  });
});

describe('POST /api/screenings/tallies', () => {
  const tally = (body: Record<string, unknown>) =>
    post(sw, '/api/screenings/tallies', { site: 'border_transit_centre', day: '2017-06-01', ...body });

  it('tallies for the same site and day add up; another day or site is its own tally; audited', async () => {
    expect((await tally({ screened: 180, indicated: 2 })).json()).toEqual({ screened: 180, indicated: 2 });
    const second = await tally({ screened: 20, indicated: 1 });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ screened: 200, indicated: 3 });
    expect((await tally({ day: '2017-06-02', screened: 5 })).json()).toEqual({ screened: 5, indicated: 0 });
    expect((await tally({ site: 'hotline', screened: 7 })).json()).toEqual({ screened: 7, indicated: 0 });
    const rows = await t.t.owner
      .selectFrom('screening_tallies')
      .selectAll()
      .where('organisation_id', '=', 'dosavy-phnom-penh')
      .where('site', '=', 'border_transit_centre')
      .execute();
    expect(rows.map((r) => r.screened).sort()).toEqual([200, 5]);
    const audit = await lastAudit('screening.tally');
    expect(audit).toMatchObject({ outcome: 'allowed', actor_organisation_id: 'dosavy-phnom-penh' });
    expect(audit!.details).toMatchObject({ site: 'hotline', day: '2017-06-01', screened: 7 });
  });

  it('indicated > screened is refused and adds nothing to the day total', async () => {
    const res = await tally({ day: '2017-07-01', screened: 3, indicated: 4 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('indicated');
    expect((await tally({ day: '2017-07-01', screened: 10, indicated: 2 })).statusCode).toBe(200);
    const over = await tally({ day: '2017-07-01', screened: 1, indicated: 9 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].path).toBe('indicated');
    expect((await tally({ day: '2017-07-01', screened: 1 })).json()).toEqual({ screened: 11, indicated: 2 });
  });

  it('bad days and negative counts are 400 with field paths', async () => {
    const res = await tally({ day: '2017-13-01', screened: -1 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['day', 'screened']);
  });
});
