import { randomBytes } from 'node:crypto';
import { identityVault } from '@ctis/api';
import { KeyRing, newKekId, openMfaSecret, readKeyFile, sealMfaSecret, writeKeyFile } from '@ctis/db';
import { openRuntime, settings } from '../runtime.ts';

const BATCH = 500;

/**
 * Rotate the key-encryption key with no downtime: add a new KEK and make it active (a running
 * server reloads the key file within seconds), then re-wrap every data key and re-seal every TOTP
 * seed in small batches. The old KEK stays in the file, still able to open, until `keys retire`.
 */
export async function keysRotate(): Promise<void> {
  const s = settings();
  const file = readKeyFile(s.keyFile);
  const id = newKekId();
  file.keks[id] = randomBytes(32).toString('hex');
  file.activeKek = id;
  writeKeyFile(s.keyFile, file);
  console.log(`new key-encryption key ${id} is active`);
  const rt = await openRuntime({ exclusive: false });
  try {
    const vault = identityVault(rt.keys, rt.config);
    let dataKeys = 0;
    for (let n = -1; n !== 0; dataKeys += n)
      n = await rt.db.transaction().execute((trx) => vault.rewrapBatch(trx, BATCH));
    const secrets = await rt.db
      .selectFrom('users')
      .select(['id', 'mfa_secret'])
      .where('mfa_secret', 'is not', null)
      .execute();
    let seeds = 0;
    for (const u of secrets) {
      if (KeyRing.kekIdOf(u.mfa_secret!) === id) continue;
      const sealed = sealMfaSecret(rt.keys.ring, u.id, openMfaSecret(rt.keys.ring, u.id, u.mfa_secret!));
      await rt.db
        .updateTable('users')
        .set({ mfa_secret: sealed })
        .where('id', '=', u.id)
        .where('mfa_secret', '=', u.mfa_secret)
        .execute();
      seeds++;
    }
    console.log(`re-wrapped ${dataKeys} data keys and re-sealed ${seeds} TOTP seeds under ${id}`);
    console.log('retire the previous keys with `ctis keys retire <id>` once every server has reloaded the key file');
  } finally {
    await rt.close();
  }
}

/** Remove an old KEK from the key file, refusing while anything is still sealed under it. */
export async function keysRetire(id: string): Promise<void> {
  const s = settings();
  const file = readKeyFile(s.keyFile);
  if (!(id in file.keks)) throw new Error(`no key "${id}" in ${s.keyFile}`);
  if (id === file.activeKek) throw new Error(`"${id}" is the active key; rotate first`);
  const rt = await openRuntime({ exclusive: false });
  try {
    const keys = await rt.db
      .selectFrom('person_keys')
      .select(rt.db.fn.countAll<string>().as('n'))
      .where('kek_id', '=', id)
      .executeTakeFirstOrThrow();
    const seeds = await rt.db
      .selectFrom('users')
      .select(rt.db.fn.countAll<string>().as('n'))
      .where('mfa_secret', 'like', `${id}~%`)
      .executeTakeFirstOrThrow();
    if (Number(keys.n) + Number(seeds.n) > 0)
      throw new Error(
        `${keys.n} data keys and ${seeds.n} TOTP seeds still use "${id}": run \`ctis keys rotate\` first`,
      );
  } finally {
    await rt.close();
  }
  delete file.keks[id];
  writeKeyFile(s.keyFile, file);
  console.log(`retired ${id}`);
}
