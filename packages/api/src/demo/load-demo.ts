import type { Kysely } from 'kysely';
import type { CountryConfig } from '@ctis/core';
import { appendAuditAlone, sealMfaSecret, type Database, type Keys } from '@ctis/db';
import { hashPassword } from '../auth/passwords.ts';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_PASSWORD, demoAccounts, type DemoAccount } from './accounts.ts';

/**
 * On an empty database, create the demo accounts (active, MFA enrolled). Returns them, or an
 * empty list when users already exist (nothing is changed then).
 */
export async function loadDemoIfEmpty(db: Kysely<Database>, config: CountryConfig, keys: Keys): Promise<DemoAccount[]> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  const accounts = demoAccounts(config);
  const box = keys.ring;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of accounts) {
      const id = uuidv7();
      await trx
        .insertInto('users')
        .values({
          id,
          username: a.username,
          display_name: a.displayName,
          organisation_id: a.organisationId,
          roles: [a.role],
          status: 'active',
          password_hash: passwordHash,
          mfa_secret: sealMfaSecret(box, id, a.totpSecret),
        })
        .execute();
    }
  });
  await appendAuditAlone(db, {
    actorId: 'system:demo',
    actorOrganisationId: null,
    action: 'demo.load',
    resourceType: 'user',
    resourceId: null,
    outcome: 'allowed',
    rule: null,
    reason: null,
    ip: null,
    requestId: null,
    details: { accounts: accounts.length },
  });
  return accounts;
}

export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const lines = accounts.map(
    (a) => `  ${a.username.padEnd(24)} ${a.role.padEnd(24)} ${a.organisationId.padEnd(26)} TOTP ${a.totpSecret}`,
  );
  return [`Demo accounts (DEMO ONLY), password for all: ${DEMO_PASSWORD}`, ...lines].join('\n');
}
