import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFrom, newKeyFile, readKeyFile, writeKeyFile } from '@ctis/db';
import { createTestDatabase, type TestDatabase } from '@ctis/db/testing';
import { identityVault, loadCountryConfigFile } from '@ctis/api';
import { ROOT, runCli, tempDir } from './testing/cli-process.ts';

const config = loadCountryConfigFile(join(ROOT, 'config/countries/KHM.json'));
let t: TestDatabase;
let dir: string;
let keyFile: string;
let env: Record<string, string>;
const personId = '01930000-0000-7000-8000-00000000abcd';

beforeAll(async () => {
  t = await createTestDatabase();
  dir = tempDir('ctis-keys-');
  keyFile = join(dir, 'keys.json');
  writeKeyFile(keyFile, newKeyFile());
  env = { DATABASE_URL: t.url, CTIS_KEY_FILE: keyFile, CTIS_DATA_DIR: dir };
  // A person with an encrypted identity, sealed under the first KEK.
  const vault = identityVault(keysFrom(readKeyFile(keyFile)), config);
  await t.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .insertInto('persons')
      .values({
        id: personId,
        owner_user_id: personId,
        organisation_id: 'mosavy',
        province: null,
        label: 'R',
        sex: 'female',
        birth_year: 2000,
        nationality: 'KHM',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await vault.write(
      trx,
      personId,
      {
        names: [{ script: 'latn', family: 'Kong', given: 'Srey Neang' }],
        aliases: [],
        documents: [],
        phones: [],
        addresses: [],
      },
      now,
    );
  });
}, 60_000);

afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('ctis keys rotate / retire', () => {
  it('re-wraps every data key under a new KEK, then retires the old one; identities still open', async () => {
    const before = readKeyFile(keyFile);
    const oldKek = before.activeKek;
    expect((await runCli(['keys', 'retire', oldKek], env)).code).not.toBe(0); // the active key cannot go

    const rotated = await runCli(['keys', 'rotate'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const after = readKeyFile(keyFile);
    expect(after.activeKek).not.toBe(oldKek);
    expect(Object.keys(after.keks).sort()).toEqual([oldKek, after.activeKek].sort());
    expect(rotated.stdout).toMatch(/re-wrapped 1 data keys/);
    const row = await t.owner
      .selectFrom('person_keys')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row.kek_id).toBe(after.activeKek);

    const retired = await runCli(['keys', 'retire', oldKek], env);
    expect(retired.code, retired.stderr).toBe(0);
    expect(Object.keys(readKeyFile(keyFile).keks)).toEqual([after.activeKek]);

    const vault = identityVault(keysFrom(readKeyFile(keyFile)), config);
    const identity = await t.db.transaction().execute((trx) => vault.read(trx, personId));
    expect(identity?.names[0]?.given).toBe('Srey Neang');
  }, 120_000);
});
