import { ACTIONS, type Actor } from '@ctis/core';

/** The explicit escape hatch for the CLI, migrations and jobs: national scope, named in audit rows. */
export function systemActor(name: string): Actor {
  return {
    kind: 'system',
    userId: `system:${name}`,
    organisationId: null,
    province: null,
    roles: ['system'],
    rules: ACTIONS.map((action, i) => ({
      id: `system#${i}`,
      role: 'system',
      action,
      scope: 'national',
      labels: ['N', 'R'],
      breakGlass: false,
      hiddenFields: [],
    })),
    breakGlass: [],
  };
}
