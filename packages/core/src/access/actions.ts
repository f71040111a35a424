/**
 * The catalogue of actions a role can be granted. Country configurations grant these to roles;
 * later modules extend the list. An action is `<resource>.<verb>`.
 */
export const ACTIONS = [
  'user.read',
  'user.manage',
  'audit.read',
  'audit.verify',
  'breakglass.review',
  'person.read',
  'person.read_identity',
  'person.write',
  'case.read',
  'case.write',
  'stats.read',
] as const;

export type Action = (typeof ACTIONS)[number];

/** Actions that expose identity data: any role granted one of them must use MFA. */
export const IDENTITY_ACTIONS: readonly Action[] = ['person.read_identity'];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
