import type { CountryConfig } from '@ctis/core';
import { ScopedDb, type Database, type Keys, type UserRow } from '@ctis/db';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { actorFor, organisationProvince } from '../auth/actor.ts';
import { identityVault } from '../name-indexer.ts';
import { demoAccounts } from './accounts.ts';

/**
 * One ScopedDb per acting organisation, bound to a demo user there: the demo account when one has
 * the organisation and role, else a user `demo.<organisation id>` created disabled (it can never sign
 * in). Every demo record is thus written through the real repositories by a real actor.
 */
export class ActingUsers {
  private readonly byOrg = new Map<string, ScopedDb>();
  private readonly vault;
  created = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: CountryConfig,
    keys: Keys,
    private readonly now: () => Date,
    /** e.g. `demo-prevention-<seed>`: the request id of the demo's audit rows. */
    private readonly requestId: string,
    private readonly roleFor: (organisationId: string, config: CountryConfig) => string,
  ) {
    this.vault = identityVault(keys, config);
  }

  async scoped(organisationId: string): Promise<ScopedDb> {
    const known = this.byOrg.get(organisationId);
    if (known) return known;
    const user = await this.user(organisationId);
    const scoped = new ScopedDb(this.db, actorFor(this.config, user, []), {
      ip: null,
      requestId: this.requestId,
      now: this.now,
      provinceOf: (orgId) => organisationProvince(this.config, orgId),
      vault: this.vault,
      config: this.config,
    });
    this.byOrg.set(organisationId, scoped);
    return scoped;
  }

  private async user(organisationId: string): Promise<UserRow> {
    const role = this.roleFor(organisationId, this.config);
    const demo = demoAccounts(this.config).find((a) => a.organisationId === organisationId && a.role === role);
    const username = demo?.username ?? `demo.${organisationId}`;
    const existing = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (existing) {
      if (existing.organisation_id !== organisationId || !existing.roles.includes(role))
        throw new Error(`user ${username} exists but is not a ${role} at ${organisationId}`);
      return existing;
    }
    this.created++;
    const name = this.config.organisations.find((o) => o.id === organisationId);
    return this.db
      .insertInto('users')
      .values({
        id: uuidv7(),
        username,
        display_name: `Demo data entry, ${name?.shortName ?? name?.name.en ?? organisationId}`,
        organisation_id: organisationId,
        roles: [role],
        status: 'disabled',
        password_hash: null,
        mfa_secret: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}

/**
 * Whether `npm start` on an empty database loads a demo: the variable (e.g. CTIS_DEMO_PROTECTION)
 * off|on decides; unset, it loads except under a test runner (VITEST), so test databases stay small
 * unless a test loads the demo itself.
 */
export function demoWanted(variable: string, env: Readonly<Record<string, string | undefined>>): boolean {
  const flag = env[variable]?.toLowerCase();
  if (flag === 'off' || flag === '0' || flag === 'false') return false;
  if (flag === 'on' || flag === '1' || flag === 'true') return true;
  return !env.VITEST;
}
