import type { Grant, Rule } from './types.ts';
import { MFA_REQUIRED_ACTIONS } from './actions.ts';

export interface RoleDefinition {
  readonly id: string;
  readonly grants: readonly Grant[];
}

/** The rules of the given roles, each named `<role>#<index>` so a decision can cite its rule. */
export function rulesForRoles(roles: readonly RoleDefinition[], roleIds: readonly string[]): Rule[] {
  return roles
    .filter((role) => roleIds.includes(role.id))
    .flatMap((role) => role.grants.map((grant, i) => ({ ...grant, id: `${role.id}#${i}`, role: role.id })));
}

/** A role that can see identities (or manage accounts, or erase people) must use MFA. */
export function roleRequiresMfa(role: RoleDefinition): boolean {
  return role.grants.some((g) => (MFA_REQUIRED_ACTIONS as readonly string[]).includes(g.action));
}
