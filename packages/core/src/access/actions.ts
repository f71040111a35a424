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
  'person.erase',
  'screening.read',
  'screening.write',
  'case.consent_override',
  'case.read',
  'case.write',
  'criminal_case.read',
  'criminal_case.write',
  'operation.read',
  'operation.write',
  'register.read',
  'register.write',
  'complaint.read',
  'complaint.manage',
  'linkage.review',
  'stats.read',
  'stats.approve',
  'stats.accept',
] as const;

export type Action = (typeof ACTIONS)[number];

/** Actions that expose identity data. */
export const IDENTITY_ACTIONS: readonly Action[] = ['person.read_identity'];

/**
 * A role granted any of these must sign in with MFA: seeing identities, and the powers that could
 * reach them indirectly (managing accounts, erasing people, merging people's records).
 */
export const MFA_REQUIRED_ACTIONS: readonly Action[] = [
  ...IDENTITY_ACTIONS,
  'user.manage',
  'person.erase',
  'linkage.review',
];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
