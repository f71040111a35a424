import { expect } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { sealMfaSecret } from '@ctis/db';
import { sessionFrom, type Session, type TestApp } from '../../testing/test-app.ts';
import { DEMO_PASSWORD, type DemoAccount } from '../../demo/accounts.ts';
import { newTotpSecret, totpNow } from '../../auth/totp.ts';

/** Helpers for the operation API tests: extra officers, a criminal case row, and the API calls. */

export const RANDOM_ID = '01900000-0000-7000-8000-000000000000';

/**
 * One more active user (the demo has one per role), signed in. The password hash is the demo
 * accounts' one, so the same password works; the TOTP seed is new and sealed to the new user.
 */
export async function addOfficer(
  t: TestApp,
  opts: { username: string; role: string; organisationId: string; status?: 'active' | 'disabled' },
): Promise<Session & { userId: string }> {
  const demo = await t.t.owner
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', t.account('investigator').username)
    .executeTakeFirstOrThrow();
  const id = uuidv7();
  const totpSecret = newTotpSecret();
  const account: DemoAccount = {
    username: opts.username,
    displayName: `Test ${opts.username}`,
    role: opts.role,
    organisationId: opts.organisationId,
    totpSecret,
  };
  await t.t.owner
    .insertInto('users')
    .values({
      id,
      username: opts.username,
      display_name: account.displayName,
      organisation_id: opts.organisationId,
      roles: [opts.role],
      status: 'active',
      password_hash: demo.password_hash,
      mfa_secret: sealMfaSecret(t.keys.ring, id, totpSecret),
    })
    .execute();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: opts.username, password: DEMO_PASSWORD, totp: totpNow(totpSecret) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const session = sessionFrom(res, account);
  if (opts.status === 'disabled')
    await t.t.owner.updateTable('users').set({ status: 'disabled' }).where('id', '=', id).execute();
  return { ...session, userId: id };
}

export async function userId(t: TestApp, role: string): Promise<string> {
  const row = await t.t.owner
    .selectFrom('users')
    .select('id')
    .where('username', '=', t.account(role).username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A bare criminal case row, led by `organisationId` (its repository is not what is tested here). */
export async function insertCriminalCase(t: TestApp, organisationId: string, ownerUserId: string): Promise<string> {
  const id = uuidv7();
  await t.t.owner
    .insertInto('criminal_cases')
    .values({
      id,
      case_number: `TEST-${id}`,
      owner_user_id: ownerUserId,
      organisation_id: organisationId,
      province: null,
      label: 'N',
      status: 'open',
      opened_on: '2026-01-05',
      trafficking_offence: true,
      version: 1,
      state: JSON.stringify({}),
      updated_at: new Date(),
    })
    .execute();
  return id;
}

export const planBody = (extra: Record<string, unknown> = {}) => ({
  codeName: 'NIGHT HERON',
  plannedFor: '2026-02-14',
  target: 'Karaoke bar, street 51, house 12B',
  briefing: 'Two entrances; the back door opens on the alley.',
  namedOfficerIds: [],
  ...extra,
});

export function post(t: TestApp, s: Session | null, url: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: s?.headers ?? {}, payload });
}

export function get(t: TestApp, s: Session | null, url: string) {
  return t.app.inject({ url, headers: s?.headers ?? {} });
}

/** Plans an operation as `s`; returns its DTO. */
export async function plan(t: TestApp, s: Session, extra: Record<string, unknown> = {}) {
  const res = await post(t, s, '/api/operations', planBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().operation as { id: string; [k: string]: unknown };
}

export function auditRows(t: TestApp, resourceId: string, action?: string) {
  let q = t.t.owner.selectFrom('audit_log').selectAll().where('resource_id', '=', resourceId).orderBy('seq');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}
