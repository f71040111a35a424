import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const lastAudit = (action: string) =>
  t.t.owner.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();
const userId = async (username: string) =>
  (await t.t.owner.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('GET /api/users', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/users' })).statusCode).toBe(401);
  });
  it('403 for a role without user.read, and the denial is audited', async () => {
    const s = await t.login('social_worker');
    const res = await t.app.inject({ url: '/api/users', headers: s.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await lastAudit('http.get')).toMatchObject({ outcome: 'denied', reason: 'no-rule:user.read' });
  });
  it('national scope lists everyone; organisation scope only its own organisation', async () => {
    const admin = await t.login('national_admin');
    const all = (await t.app.inject({ url: '/api/users', headers: admin.headers })).json().users;
    expect(all.length).toBe(t.config.roles.length);
    expect(JSON.stringify(all)).not.toMatch(/password|mfa_secret|argon2/);
    const sup = await t.login('police_supervisor');
    const own = (await t.app.inject({ url: '/api/users', headers: sup.headers })).json().users as {
      organisationId: string;
    }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((u) => u.organisationId))).toEqual(new Set([t.account('police_supervisor').organisationId]));
    expect(await lastAudit('user.list')).toMatchObject({
      outcome: 'allowed',
      actor_id: await userId('police.supervisor'),
    });
  });
  it("404 for a user outside the actor's scope, 200 inside", async () => {
    const sup = await t.login('police_supervisor');
    const outside = await t.app.inject({ url: `/api/users/${await userId('prosecutor')}`, headers: sup.headers });
    expect(outside.statusCode).toBe(404);
    expect(await lastAudit('user.read')).toMatchObject({ outcome: 'denied', reason: 'out-of-scope' });
    const inside = await t.app.inject({ url: `/api/users/${await userId('investigator')}`, headers: sup.headers });
    expect(inside.statusCode).toBe(200);
    expect(inside.json().user.username).toBe('investigator');
  });
});

describe('POST /api/users', () => {
  it('validates organisation and roles with field paths, creating nothing', async () => {
    const admin = await t.login('national_admin');
    const before = (await t.t.owner.selectFrom('users').select('id').execute()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'x.user',
        displayName: 'X',
        organisationId: 'nowhere',
        roles: ['national_analyst', 'wizard'],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'organisationId', message: 'unknown organisation "nowhere"' },
      { path: 'roles.1', message: 'unknown role "wizard"' },
    ]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'a', displayName: '', organisationId: 'ncct', roles: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['displayName', 'roles', 'username']);
    expect((await t.t.owner.selectFrom('users').select('id').execute()).length).toBe(before);
  });
  it('creates a pending user with a one-time token and audits it (no identity values)', async () => {
    const admin = await t.login('national_admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'Dara.Sok', displayName: 'Sok Dara', organisationId: 'mosavy', roles: ['social_worker'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ username: 'dara.sok', status: 'pending', mfaEnabled: false });
    expect(res.json().resetToken).toMatch(/^[\w-]{40,}$/);
    const row = await lastAudit('user.create');
    expect(row).toMatchObject({ outcome: 'allowed', resource_id: res.json().user.id, rule: 'national_admin#1' });
    expect(JSON.stringify(row)).not.toContain('Sok Dara');
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'dara.sok', displayName: 'Other', organisationId: 'mosavy', roles: ['social_worker'] },
    });
    expect(dup.statusCode).toBe(409);
  });
  it('a supervisor without user.manage gets 403', async () => {
    const sup = await t.login('police_supervisor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: sup.headers,
      payload: { username: 'x.y', displayName: 'X', organisationId: 'ncct', roles: ['national_analyst'] },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('user actions', () => {
  it('reset issues a new token and mfa-reset clears MFA, both audited', async () => {
    const admin = await t.login('national_admin');
    const id = await userId('court.clerk');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${id}/reset`,
      headers: admin.headers,
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().resetToken).toBeTruthy();
    expect(await lastAudit('user.password_reset')).toMatchObject({ resource_id: id, outcome: 'allowed' });
    const mfa = await t.app.inject({
      method: 'POST',
      url: `/api/users/${id}/mfa-reset`,
      headers: admin.headers,
      payload: {},
    });
    expect(mfa.json().user.mfaEnabled).toBe(false);
    expect(await lastAudit('user.mfa_reset')).toMatchObject({ resource_id: id });
  });
  it('an unknown id answers 404, a malformed id 400 with the field', async () => {
    const admin = await t.login('national_admin');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/users/01900000-0000-7000-8000-000000000000/disable',
          headers: admin.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/users/not-a-uuid/disable',
      headers: admin.headers,
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('id');
  });
});
