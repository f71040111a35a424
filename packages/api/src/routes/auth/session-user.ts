import { z } from 'zod';
import type { CountryConfig } from '@ctis/core';
import type { UserRow } from '@ctis/db';
import { actorFor } from '../../auth/actor.ts';

const localized = z.record(z.string(), z.string());

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: z.string(), name: localized }),
  roles: z.array(z.string()),
  actions: z.array(z.string()),
  mfaEnabled: z.boolean(),
});

export const sessionBody = z.object({ user: sessionUserSchema, csrfToken: z.string() });

/** The signed-in user with the actions their roles allow, so the web app hides what would be refused. */
export function presentSessionUser(config: CountryConfig, user: UserRow): z.infer<typeof sessionUserSchema> {
  const org = config.organisations.find((o) => o.id === user.organisation_id);
  const actions = [...new Set(actorFor(config, user, []).rules.map((r) => r.action))].sort();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    organisation: { id: user.organisation_id, name: org?.name ?? { en: user.organisation_id } },
    roles: user.roles,
    actions,
    mfaEnabled: user.mfa_secret !== null,
  };
}
