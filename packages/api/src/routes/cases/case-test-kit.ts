import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../testing/test-app.ts';

/** Helpers shared by the victim-case API tests: every step goes through the API, as a client would. */

export const RANDOM_ID = '01900000-0000-7000-8000-000000000000';
export const uuid = (): string => randomUUID();

export interface OpenedCase {
  readonly id: string;
  readonly personId: string;
  readonly caseNumber: string;
}

/** Opens a case (and its person, label R) as `s`, through POST /api/cases. */
export async function openCase(
  t: TestApp,
  s: Session,
  opts: { province?: string; birthYear?: number; occurredOn?: string; family?: string; given?: string } = {},
): Promise<OpenedCase> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: s.headers,
    payload: {
      occurredOn: opts.occurredOn ?? '2017-03-21',
      source: 'shelter_intake',
      ...(opts.province === undefined ? { province: 'KH-12' } : opts.province ? { province: opts.province } : {}),
      person: {
        sex: 'female',
        birthYear: opts.birthYear ?? 1995,
        nationality: 'KHM',
        identity: {
          names: [{ family: opts.family ?? 'Chea', given: opts.given ?? 'Sophal' }],
          phones: ['+855 16 222 333'],
        },
      },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json().case;
  return { id: c.id, personId: c.personId, caseNumber: c.caseNumber };
}

/** POST /api/cases/:id/events; the response is returned whatever its status. */
export function record(
  t: TestApp,
  s: Session,
  caseId: string,
  event: Record<string, unknown>,
  expectedVersion?: number,
) {
  const query = expectedVersion === undefined ? '' : `?expectedVersion=${expectedVersion}`;
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/events${query}`,
    headers: s.headers,
    payload: event,
  });
}

/** Records an event that must be accepted; returns the new case state. */
export async function recordOk(
  t: TestApp,
  s: Session,
  caseId: string,
  event: Record<string, unknown>,
): Promise<Record<string, unknown> & { version: number }> {
  const res = await record(t, s, caseId, event);
  expect(res.statusCode, `${String(event['type'])}: ${res.body}`).toBe(200);
  return res.json().case.state;
}

export function get(t: TestApp, s: Session | null, url: string) {
  return t.app.inject({ url, headers: s?.headers ?? {} });
}

/** The consent a referral needs. */
export const consent = (occurredOn: string) => ({
  type: 'consent_given',
  occurredOn,
  consentId: uuid(),
  purposes: ['referral', 'services'],
  givenBy: 'person',
});

export const referral = (occurredOn: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  type: 'referral_made',
  occurredOn,
  referralId: uuid(),
  fromOrganisationId: from,
  toOrganisationId: to,
  reason: 'Shelter and legal aid for a victim of labour exploitation',
  ...extra,
});

export function lastAudit(t: TestApp, action: string) {
  return t.t.owner
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}
