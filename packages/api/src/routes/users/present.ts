import { z } from 'zod';
import type { UserRow } from '@ctis/db';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organisationId: z.string(),
  roles: z.array(z.string()),
  status: z.enum(['pending', 'active', 'disabled']),
  mfaEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

/** Never the row: no password hash, no MFA secret. */
export function presentUser(u: UserRow): z.infer<typeof userSchema> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    organisationId: u.organisation_id,
    roles: u.roles,
    status: u.status,
    mfaEnabled: u.mfa_secret !== null,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
  };
}
