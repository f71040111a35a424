import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, type Actor, type CountryConfig } from '@ctis/core';
import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { ScopedDb, type RequestContext } from '../scoped-db.ts';
import { systemActor } from '../system-actor.ts';
import { AccessError } from '../access-error.ts';

// The repository on its own: what the API tests cannot reach (system actors, racing writers).
let t: TestDatabase;
const UNIT = 'unit-a';
const ids = { owner: uuidv7(), named: uuidv7(), colleague: uuidv7() };

const grant = (action: string) => ({
  action,
  scope: 'organisation' as const,
  labels: ['N' as const, 'R' as const, 'V' as const],
  breakGlass: false,
  hiddenFields: [],
});
const config = {
  roles: [{ id: 'investigator', grants: [grant('operation.read'), grant('operation.write')] }],
} as unknown as CountryConfig;

function officer(userId: string): Actor {
  return {
    kind: 'user',
    userId,
    organisationId: UNIT,
    province: null,
    roles: ['investigator'],
    rules: config.roles[0]!.grants.map((g, i) => ({ ...g, id: `investigator#${i}`, role: 'investigator' })),
    breakGlass: [],
  };
}

function scoped(actor: Actor): ScopedDb {
  const ctx = {
    ip: null,
    requestId: null,
    now: () => new Date(),
    provinceOf: () => null,
    vault: null as never, // operations hold no identities
    config,
  } satisfies RequestContext;
  return new ScopedDb(t.db, actor, ctx);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.owner
    .insertInto('users')
    .values(
      Object.values(ids).map((id, i) => ({
        id,
        username: `officer.${i}`,
        display_name: `Officer ${i}`,
        organisation_id: UNIT,
        roles: ['investigator'],
        status: 'active' as const,
        password_hash: null,
        mfa_secret: null,
      })),
    )
    .execute();
});
afterAll(async () => t.drop());

const planned = () =>
  scoped(officer(ids.owner)).transaction((tx) =>
    tx.operations.create({
      codeName: 'KINGFISHER',
      plannedFor: '2026-03-01',
      target: 'Warehouse 7',
      namedOfficerIds: [ids.named],
    }),
  );

describe('OperationsRepo', () => {
  it('a system actor (national scope, N and R) cannot open a planned operation, nor list it', async () => {
    const op = await planned();
    const system = scoped(systemActor('job'));
    await expect(system.transaction((tx) => tx.operations.get(op.id))).rejects.toMatchObject({ status: 404 });
    expect((await system.transaction((tx) => tx.operations.list({ limit: 10 }))).map((o) => o.id)).not.toContain(op.id);
    const denied = await t.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('resource_id', '=', op.id)
      .where('actor_id', '=', 'system:job')
      .execute();
    expect(denied.map((r) => [r.action, r.outcome])).toEqual([['operation.read', 'denied']]);
  });

  it('an execution and a cancellation racing: exactly one applies, the other is a conflict', async () => {
    const op = await planned();
    const results = await Promise.allSettled([
      scoped(officer(ids.named)).transaction((tx) =>
        tx.operations.execute(op.id, { executedOn: '2026-03-01', outcome: 'Done' }),
      ),
      scoped(officer(ids.owner)).transaction((tx) => tx.operations.cancel(op.id, 'Called off at the last minute')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    const closing = await t.owner
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', op.id)
      .where('action', 'in', ['operation.execute', 'operation.cancel'])
      .execute();
    expect(closing).toHaveLength(1);
  });

  it('a non-named colleague cannot execute a planned operation (404), and nothing changes', async () => {
    const op = await planned();
    const err = await scoped(officer(ids.colleague))
      .transaction((tx) => tx.operations.execute(op.id, { executedOn: '2026-03-01', outcome: 'Done' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessError);
    expect(err).toMatchObject({ status: 404 });
    const row = await t.owner.selectFrom('operations').selectAll().where('id', '=', op.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'planned', label: 'V', executed_at: null });
  });
});
