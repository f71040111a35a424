import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let investigator: Session;
beforeAll(async () => {
  t = await createTestApp();
  investigator = await t.login('investigator');
});
afterAll(async () => t.close());

const lastAudit = (action: string) =>
  t.t.owner.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();

async function createPerson(s: Session, body: Record<string, unknown>): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: s.headers,
    payload: {
      sex: 'female',
      birthYear: 2001,
      nationality: 'KHM',
      identity: { names: [{ script: 'latn', family: 'Sok', given: 'Dara' }], phones: ['+855 12 345 678'] },
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('persons: need to know', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/persons/01900000-0000-7000-8000-000000000000' })).statusCode).toBe(401);
  });

  it('the owner reads identity; the read is audited without identity values', async () => {
    const id = await createPerson(investigator, { label: 'R', province: 'KH-12' });
    const res = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: investigator.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.identity).toMatchObject({
      names: [{ family: 'Sok', given: 'Dara' }],
      phones: ['+855 12 345 678'],
    });
    const row = await lastAudit('person.read_identity');
    expect(row).toMatchObject({ resource_id: id, outcome: 'allowed' });
    expect(JSON.stringify(row)).not.toMatch(/Dara|Sok/);
  });

  it('another organisation gets 404, until the record is shared with it (compartment)', async () => {
    const id = await createPerson(investigator, { label: 'N' });
    const sw = await t.login('social_worker');
    expect((await t.app.inject({ url: `/api/persons/${id}`, headers: sw.headers })).statusCode).toBe(404);
    expect(await lastAudit('person.read')).toMatchObject({
      outcome: 'denied',
      resource_id: id,
      reason: 'out-of-scope',
    });
    const share = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${id}/share`,
      headers: investigator.headers,
      payload: { organisationId: t.account('social_worker').organisationId },
    });
    expect(share.statusCode).toBe(204);
    const res = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: sw.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.identity.names[0].given).toBe('Dara');
  });

  it('a role without the action gets 403', async () => {
    const id = await createPerson(investigator, { label: 'N' });
    const analyst = await t.login('national_analyst');
    expect((await t.app.inject({ url: `/api/persons/${id}`, headers: analyst.headers })).statusCode).toBe(403);
  });

  it('R: a supervisor in the same unit must break the glass with a reason; it is time-boxed, audited and listed for review', async () => {
    const id = await createPerson(investigator, { label: 'R' });
    const sup = await t.login('police_supervisor');
    const refused = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: sup.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('break_glass_required');

    const short = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${id}/break-glass`,
      headers: sup.headers,
      payload: { reason: 'need it' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('reason');

    const reason = 'Court hearing tomorrow, verifying the victim statement';
    const bg = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${id}/break-glass`,
      headers: sup.headers,
      payload: { reason, minutes: 30 },
    });
    expect(bg.statusCode).toBe(200);
    expect(await lastAudit('person.break_glass')).toMatchObject({ resource_id: id, reason });
    const opened = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: sup.headers });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().person.identity.names[0].family).toBe('Sok');

    const list = await t.app.inject({ url: '/api/break-glass', headers: sup.headers });
    const event = list.json().events.find((e: { recordId: string }) => e.recordId === id);
    expect(event).toMatchObject({ reason, reviewedAt: null });
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/break-glass/${event.id}/review`,
      headers: sup.headers,
      payload: { note: 'Justified: hearing confirmed' },
    });
    expect(review.statusCode).toBe(204);
    expect(await lastAudit('breakglass.review')).toMatchObject({ resource_id: event.id });
  });

  it('V: only named officers; no break-glass, 404 for everyone else', async () => {
    const colleague = t.account('police_supervisor');
    const colleagueId = (
      await t.t.owner
        .selectFrom('users')
        .select('id')
        .where('username', '=', colleague.username)
        .executeTakeFirstOrThrow()
    ).id;
    const id = await createPerson(investigator, { label: 'V' });
    const sup = await t.login('police_supervisor');
    expect((await t.app.inject({ url: `/api/persons/${id}`, headers: sup.headers })).statusCode).toBe(404);
    const bg = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${id}/break-glass`,
      headers: sup.headers,
      payload: { reason: 'I want to see the raid target please' },
    });
    expect(bg.statusCode).toBe(404);
    const named = await createPerson(investigator, { label: 'V', named: [colleagueId] });
    expect((await t.app.inject({ url: `/api/persons/${named}`, headers: sup.headers })).statusCode).toBe(200);
  });

  it('rejects bad input with field paths and writes nothing', async () => {
    const before = (await t.t.owner.selectFrom('persons').select('id').execute()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: investigator.headers,
      payload: { label: 'X', birthYear: 1800, nationality: 'kh' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['birthYear', 'label', 'nationality']);
    expect((await t.t.owner.selectFrom('persons').select('id').execute()).length).toBe(before);
  });

  it('refuses a birth date no calendar has, naming the field', async () => {
    const before = (await t.t.owner.selectFrom('persons').select('id').execute()).length;
    for (const dateOfBirth of ['1995-13-40', '2019-02-29', '1850-01-01']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: investigator.headers,
        payload: {
          label: 'R',
          identity: { names: [{ script: 'latn', given: 'Dara' }], dateOfBirth },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        res.body,
      ).toEqual(['identity.dateOfBirth']);
      expect(res.body).not.toContain(dateOfBirth);
    }
    expect((await t.t.owner.selectFrom('persons').select('id').execute()).length).toBe(before);
  });
});
