import { expect } from 'vitest';
import type { Session, TestApp } from '../../testing/test-app.ts';

export { get, lastAudit, RANDOM_ID, uuid } from '../cases/case-test-kit.ts';

/** Helpers shared by the criminal-case API tests: every step goes through the API, as a client would. */

export const LAW = 'law-2008-suppression-human-trafficking';
export const LEAD = 'ahtjp-phnom-penh';
export const PROSECUTOR = 'prosecutor-phnom-penh';
export const COURT = 'court-phnom-penh';

export interface Opened {
  readonly id: string;
  readonly caseNumber: string;
}

export function post(t: TestApp, s: Session | null, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: s?.headers ?? {}, payload: payload as object });
}

/** Opens an investigation as `s` (its lead unit) through POST /api/criminal-cases. */
export async function openInvestigation(t: TestApp, s: Session, extra: Record<string, unknown> = {}): Promise<Opened> {
  const res = await post(t, s, '/api/criminal-cases', {
    occurredOn: '2017-03-01',
    province: 'KH-12',
    legalBasis: { lawId: LAW, article: '15' },
    exploitation: 'labour',
    traffickingOffence: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json().case;
  return { id: c.id, caseNumber: c.caseNumber };
}

/** Adds a suspect with a new person; returns the suspect id. */
export async function addSuspect(t: TestApp, s: Session, caseId: string, extra: Record<string, unknown> = {}) {
  const res = await post(t, s, `/api/criminal-cases/${caseId}/suspects`, {
    occurredOn: '2017-03-02',
    nationality: 'KHM',
    arrested: true,
    person: {
      sex: 'male',
      birthYear: 1980,
      nationality: 'KHM',
      identity: { names: [{ family: 'Heng', given: 'Vuthy' }] },
    },
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const suspects = res.json().case.state.suspects as { suspectId: string; personId: string }[];
  return suspects.at(-1)!;
}

/** POST an event; the response is returned whatever its status. */
export function record(t: TestApp, s: Session, caseId: string, event: Record<string, unknown>, version?: number) {
  const query = version === undefined ? '' : `?expectedVersion=${version}`;
  return post(t, s, `/api/criminal-cases/${caseId}/events${query}`, event);
}

/** Records an event that must be accepted; returns the new state. */
export async function recordOk(t: TestApp, s: Session, caseId: string, event: Record<string, unknown>) {
  const res = await record(t, s, caseId, event);
  expect(res.statusCode, `${String(event['type'])}: ${res.body}`).toBe(200);
  return res.json().case.state as { version: number; suspects: Record<string, unknown>[] } & Record<string, unknown>;
}

export const evidence = (occurredOn = '2017-03-10') => ({
  type: 'evidence_supplied',
  occurredOn,
  prosecutorOrganisationId: PROSECUTOR,
});

export const charge = (suspectId: string, occurredOn = '2017-03-20') => ({
  type: 'charged',
  occurredOn,
  suspectId,
  prosecutorOrganisationId: PROSECUTOR,
  courtOrganisationId: COURT,
  articles: [`${LAW}:15`],
});

export const supervision = (suspectId: string, occurredOn = '2017-03-21', checkInEveryDays = 7) => ({
  type: 'pretrial_measure',
  occurredOn,
  suspectId,
  measure: 'judicial_supervision',
  checkInEveryDays,
});
