import { roleRequiresMfa, rulesForRoles, type Actor, type CountryConfig } from '@ctis/core';
import type { UserRow } from '@ctis/db';

export function organisationProvince(config: CountryConfig, organisationId: string): string | null {
  return config.organisations.find((o) => o.id === organisationId)?.province ?? null;
}

/** The actor a signed-in user acts as: their roles' rules, their organisation's province. */
export function actorFor(config: CountryConfig, user: UserRow, breakGlass: Actor['breakGlass']): Actor {
  return {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisation_id,
    province: organisationProvince(config, user.organisation_id),
    roles: user.roles,
    rules: rulesForRoles(config.roles, user.roles),
    breakGlass,
  };
}

export function userNeedsMfa(config: CountryConfig, roles: readonly string[]): boolean {
  return config.roles.filter((r) => roles.includes(r.id)).some(roleRequiresMfa);
}
