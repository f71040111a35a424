import type { LightMyRequestResponse } from 'fastify';
import type { IdentityInput } from '@ctis/core';
import type { Actor } from '@ctis/core';
import { ScopedDb, systemActor } from '@ctis/db';
import { actorFor, organisationProvince } from '../../auth/actor.ts';
import { identityVault } from '../../name-indexer.ts';
import type { Session, TestApp } from '../../testing/test-app.ts';

export function get(t: TestApp, s: Session | null, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
}

export function post(t: TestApp, s: Session | null, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });
}

export interface NewPersonInput {
  sex?: 'female' | 'male' | null;
  birthYear?: number | null;
  nationality?: string | null;
  province?: string | null;
  label?: 'N' | 'R';
  identity: IdentityInput;
}

/** A person recorded through the API by the session's organisation. */
export async function createPerson(t: TestApp, s: Session, p: NewPersonInput): Promise<string> {
  const res = await post(t, s, '/api/persons', {
    sex: p.sex === undefined ? 'female' : p.sex,
    birthYear: p.birthYear === undefined ? 1995 : p.birthYear,
    nationality: p.nationality === undefined ? 'KHM' : p.nationality,
    province: p.province === undefined ? 'KH-12' : p.province,
    label: p.label ?? 'R',
    identity: p.identity,
  });
  if (res.statusCode !== 201) throw new Error(`create person: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** The repositories as a job sees them (system actor): for counting, as the statistics will. */
export function systemScoped(t: TestApp, actor: Actor = systemActor('linkage-test')): ScopedDb {
  return new ScopedDb(t.t.db, actor, {
    ip: null,
    requestId: null,
    now: () => new Date(),
    provinceOf: (orgId) => organisationProvince(t.config, orgId),
    vault: identityVault(t.keys, t.config),
    config: t.config,
  });
}

/** A pair as an order-free key. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);

/** The repositories as a demo account's user acts on them outside a request (e.g. a statistics job). */
export async function scopedAs(t: TestApp, role: string): Promise<ScopedDb> {
  const user = await t.t.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', t.account(role).username)
    .executeTakeFirstOrThrow();
  return systemScoped(t, actorFor(t.config, user, []));
}

/** Start a linkage run (202) and poll it until it is over; returns the finished (or failed) run. */
export async function runLinkage(t: TestApp, s: Session): Promise<Record<string, unknown> & { id: string }> {
  const res = await post(t, s, '/api/linkage/run');
  if (res.statusCode !== 202) throw new Error(`linkage run: ${res.statusCode} ${res.body}`);
  const started = res.json().run as { id: string; status: string };
  for (let i = 0; i < 600; i++) {
    const r = (await get(t, s, `/api/linkage/runs/${started.id}`)).json().run as { id: string; status: string };
    if (r.status !== 'running') return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('linkage run did not end in 30 s');
}
