import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Kysely } from 'kysely';
import { createDb } from '../connect.ts';
import type { Database } from '../schema.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

export interface TestDatabase {
  /** Connection URL of this test file's own database (as its owner). */
  readonly url: string;
  /** As the application role (cannot change audit tables). */
  readonly db: Kysely<Database>;
  /** As the owner: for setup and for tampering tests. */
  readonly owner: Kysely<Database>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('ctisAdminUrl');
  const name = `ctis_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject('ctisTemplate')}`);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { asApp: true, max: 4 });
  const owner = createDb(url, { asApp: false, max: 2 });
  return {
    url,
    db,
    owner,
    async drop() {
      await db.destroy();
      await owner.destroy();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
