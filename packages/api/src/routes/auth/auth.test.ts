import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFrom, type TestApp } from '../../testing/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { totpNow } from '../../auth/totp.ts';

// A clock the tests move, so session timeouts are checked without waiting.
let clock = new Date('2026-11-28T08:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => t.close());

const login = (username: string, password: string, totp?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });

async function auditRows(action: string) {
  return t.t.owner.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
}

describe('login', () => {
  it('asks for the TOTP code after a right password, then opens a session', async () => {
    const a = t.account('social_worker');
    const first = await login(a.username, DEMO_PASSWORD);
    expect(first.statusCode).toBe(401);
    expect(first.json().code).toBe('mfa_required');
    expect(first.headers['content-type']).toContain('application/problem+json');
    const ok = await login(a.username, DEMO_PASSWORD, totpNow(a.totpSecret, clock));
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'ctis_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(ok.json().user).toMatchObject({ username: a.username, roles: ['social_worker'], mfaEnabled: true });
    expect(ok.json().user.actions).toContain('person.read_identity');
    const rows = await auditRows('auth.login');
    expect(rows.at(-1)).toMatchObject({ outcome: 'allowed', actor_id: ok.json().user.id });
  });

  it('rejects a wrong TOTP code', async () => {
    const a = t.account('prosecutor');
    const res = await login(a.username, DEMO_PASSWORD, '000000');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('mfa_invalid');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const wrong = await login(t.account('court_clerk').username, 'not-the-password-1');
    const unknown = await login('nobody.at.all', 'not-the-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    const denied = await auditRows('auth.login');
    expect(denied.filter((r) => r.reason === 'invalid-credentials').length).toBeGreaterThanOrEqual(2);
    // No identity value (the user name typed) is written to the audit row.
    expect(JSON.stringify(denied)).not.toContain('nobody.at.all');
  });

  it('locks an account after 5 failures, for known and unknown names alike', async () => {
    for (const name of [t.account('consular_officer').username, 'ghost.user']) {
      for (let i = 0; i < 5; i++) expect((await login(name, `wrong-password-${i}`)).statusCode).toBe(401);
      const locked = await login(name, DEMO_PASSWORD);
      expect(locked.statusCode, name).toBe(429);
      expect(locked.json().code).toBe('locked');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
    clock = new Date(clock.getTime() + 16 * 60_000); // the window passes
    const a = t.account('consular_officer');
    expect((await login(a.username, DEMO_PASSWORD, totpNow(a.totpSecret, clock))).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session on the server', async () => {
    const s = await t.login('national_analyst');
    expect((await t.app.inject({ url: '/api/session', headers: s.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await auditRows('auth.logout')).length).toBeGreaterThanOrEqual(1);
  });

  it('expires after 15 idle minutes but not while in use', async () => {
    const s = await t.login('national_analyst');
    clock = new Date(clock.getTime() + 14 * 60_000);
    expect((await t.app.inject({ url: '/api/session', headers: s.headers })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 14 * 60_000);
    expect((await t.app.inject({ url: '/api/session', headers: s.headers })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect((await t.app.inject({ url: '/api/session', headers: s.headers })).statusCode).toBe(401);
  });

  it('ends after 10 hours however active', async () => {
    const s = await t.login('national_analyst');
    const start = clock.getTime();
    let elapsedMinutes = 0;
    while (elapsedMinutes < 600) {
      clock = new Date(clock.getTime() + 14.5 * 60_000); // always within the idle limit
      elapsedMinutes = (clock.getTime() - start) / 60_000;
      const res = await t.app.inject({ url: '/api/session', headers: s.headers });
      expect(res.statusCode, `after ${elapsedMinutes} min`).toBe(elapsedMinutes < 600 ? 200 : 401);
    }
  });

  it('requires the CSRF header on writes', async () => {
    const s = await t.login('national_admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('a disabled user loses every session at the next request', async () => {
    const admin = await t.login('national_admin');
    const a = t.account('labour_inspector');
    const s1 = sessionFrom(await login(a.username, DEMO_PASSWORD, totpNow(a.totpSecret, clock)), a);
    const users = (await t.app.inject({ url: '/api/users', headers: admin.headers })).json().users as {
      id: string;
      username: string;
    }[];
    const id = users.find((u) => u.username === a.username)!.id;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${id}/disable`, headers: admin.headers, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/session', headers: s1.headers })).statusCode).toBe(401);
    expect((await login(a.username, DEMO_PASSWORD, totpNow(a.totpSecret, clock))).statusCode).toBe(401);
  });
});

describe('one-time set-password link with MFA enrolment', () => {
  it('creates a user, sets a password through the link, enrols TOTP, and signs in', async () => {
    const admin = await t.login('national_admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'new.worker',
        displayName: 'New Worker',
        organisationId: 'mosavy',
        roles: ['social_worker'],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.status).toBe('pending');
    const token = created.json().resetToken as string;

    const start = await t.app.inject({ method: 'POST', url: '/api/auth/reset/start', payload: { token } });
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({ username: 'new.worker', mfaRequired: true });
    const secret = start.json().totpSecret as string;
    expect(start.json().otpauthUri).toMatch(/^otpauth:\/\/totp\//);

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset/complete',
      payload: { token, password: 'password1234', totp: totpNow(secret, clock) },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('password');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset/complete',
      payload: { token, password: 'short-pw', totp: totpNow(secret, clock) },
    });
    expect(short.json().errors[0].message).toMatch(/at least 12/);
    const noCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset/complete',
      payload: { token, password: 'a long river crossing at dawn' },
    });
    expect(noCode.json().errors[0].path).toBe('totp');

    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset/complete',
      payload: { token, password: 'a long river crossing at dawn', totp: totpNow(secret, clock) },
    });
    expect(done.statusCode).toBe(204);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset/complete',
      payload: { token, password: 'another long phrase here', totp: totpNow(secret, clock) },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');

    expect((await login('new.worker', 'a long river crossing at dawn', totpNow(secret, clock))).statusCode).toBe(200);
  });
});
