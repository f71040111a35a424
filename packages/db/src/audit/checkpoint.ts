import { signCheckpoint } from '@ctis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Sign the current chain head and store the checkpoint; null when nothing new since the last one. */
export async function writeCheckpoint(
  db: Kysely<Database>,
  secretKeyHex: string,
  keyId: string,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const head = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!head) return null;
    const last = await trx
      .selectFrom('audit_checkpoints')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last && last.seq === head.seq) return null;
    const cp = signCheckpoint(secretKeyHex, keyId, Number(head.seq), head.hash, new Date().toISOString());
    await trx
      .insertInto('audit_checkpoints')
      .values({ seq: cp.seq, hash: cp.hash, at: cp.at, key_id: cp.keyId, signature: cp.signature })
      .execute();
    return cp.seq;
  });
}
