import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nameStrings, type Identity } from '@ctis/core';
import type { Database } from '../schema.ts';
import type { KeyRing } from '../crypto/key-ring.ts';
import { SecretBox } from '../crypto/secret-box.ts';

/** Blind indexes of one whole name: one per normalised token, and one of the full name. */
export type NameIndexer = ((name: string) => { readonly tokens: readonly string[]; readonly full: string }) & {
  /** The token indexes a search for `name` must all match. */
  query(name: string): readonly string[];
};

// Associated data binds each ciphertext to its table, column and row.
const aad = {
  dataKey: (personId: string) => `person_keys.wrapped_key:${personId}`,
  identity: (personId: string) => `person_identity.document:${personId}`,
  photo: (photoId: string) => `person_photos.content:${photoId}`,
};

/**
 * Envelope encryption of identities: each person has a random 256-bit data key, wrapped by the
 * active key-encryption key. Identity documents and photos are AES-256-GCM under that data key.
 * Destroying the wrapped key erases the person everywhere (crypto-shredding).
 */
export class IdentityVault {
  constructor(
    private readonly ring: KeyRing,
    private readonly indexer: NameIndexer,
  ) {}

  /** Encrypt and store (or replace) a person's identity, and re-index their names. */
  async write(trx: Transaction<Database>, personId: string, identity: Identity, now: Date): Promise<void> {
    const box = await this.dataBox(trx, personId, now, { create: true });
    const document = box!.seal(JSON.stringify(identity), aad.identity(personId));
    await trx
      .insertInto('person_identity')
      .values({ person_id: personId, document, updated_at: now })
      .onConflict((c) => c.column('person_id').doUpdateSet({ document, updated_at: now }))
      .execute();
    await trx.deleteFrom('person_name_index').where('person_id', '=', personId).execute();
    const tokens = this.tokensOf(identity);
    if (tokens.length)
      await trx
        .insertInto('person_name_index')
        .values(tokens.map((token) => ({ person_id: personId, token })))
        .execute();
  }

  /**
   * Store the identities of many persons who have none yet (imports, demo data, benchmarks): the
   * same encryption and indexes as `write`, in three bulk inserts.
   */
  async writeNew(
    trx: Transaction<Database>,
    items: readonly { personId: string; identity: Identity }[],
    now: Date,
  ): Promise<void> {
    if (items.length === 0) return;
    const keys = items.map(({ personId }) => ({ personId, dek: randomBytes(32) }));
    await trx
      .insertInto('person_keys')
      .values(
        keys.map((k) => ({
          person_id: k.personId,
          wrapped_key: this.ring.seal(k.dek.toString('base64'), aad.dataKey(k.personId)),
          kek_id: this.ring.activeId,
          created_at: now,
          shredded_at: null,
        })),
      )
      .execute();
    await trx
      .insertInto('person_identity')
      .values(
        items.map((it, i) => ({
          person_id: it.personId,
          document: new SecretBox(keys[i]!.dek).seal(JSON.stringify(it.identity), aad.identity(it.personId)),
          updated_at: now,
        })),
      )
      .execute();
    const index = items.flatMap((it) => this.tokensOf(it.identity).map((token) => ({ person_id: it.personId, token })));
    for (let i = 0; i < index.length; i += 5_000)
      await trx
        .insertInto('person_name_index')
        .values(index.slice(i, i + 5_000))
        .execute();
  }

  /** The decrypted identity, or null when the person has none or was erased. */
  async read(trx: Transaction<Database>, personId: string): Promise<Identity | null> {
    const row = await trx
      .selectFrom('person_identity')
      .select('document')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row) return null;
    const box = await this.dataBox(trx, personId, new Date(), { create: false });
    return box ? (JSON.parse(box.open(row.document, aad.identity(personId))) as Identity) : null;
  }

  /**
   * Decrypt the identities of many persons at once (for record linkage inside the job that compares
   * them): one query per chunk, in memory only. Erased persons and persons without an identity are absent.
   */
  async readMany(trx: Transaction<Database>, personIds: readonly string[]): Promise<Map<string, Identity>> {
    const out = new Map<string, Identity>();
    for (let i = 0; i < personIds.length; i += 5_000) {
      const rows = await trx
        .selectFrom('person_identity as i')
        .innerJoin('person_keys as k', 'k.person_id', 'i.person_id')
        .select(['i.person_id', 'i.document', 'k.wrapped_key'])
        .where('k.shredded_at', 'is', null)
        .where('k.wrapped_key', 'is not', null)
        .where('i.person_id', 'in', personIds.slice(i, i + 5_000))
        .execute();
      for (const r of rows) {
        const box = new SecretBox(Buffer.from(this.ring.open(r.wrapped_key!, aad.dataKey(r.person_id)), 'base64'));
        out.set(r.person_id, JSON.parse(box.open(r.document, aad.identity(r.person_id))) as Identity);
      }
    }
    return out;
  }

  async writePhoto(
    trx: Transaction<Database>,
    personId: string,
    photoId: string,
    contentType: string,
    bytes: Buffer,
    now: Date,
  ): Promise<void> {
    const box = await this.dataBox(trx, personId, now, { create: true });
    const content = box!.seal(bytes.toString('base64'), aad.photo(photoId));
    await trx
      .insertInto('person_photos')
      .values({ id: photoId, person_id: personId, content_type: contentType, content, created_at: now })
      .execute();
  }

  async readPhoto(
    trx: Transaction<Database>,
    personId: string,
    photoId: string,
  ): Promise<{ contentType: string; bytes: Buffer } | null> {
    const row = await trx
      .selectFrom('person_photos')
      .selectAll()
      .where('id', '=', photoId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    const box = row && (await this.dataBox(trx, personId, new Date(), { create: false }));
    return row && box
      ? { contentType: row.content_type, bytes: Buffer.from(box.open(row.content, aad.photo(photoId)), 'base64') }
      : null;
  }

  /** Crypto-shred: destroy the data key and the ciphertexts and name indexes that used it. */
  async shred(trx: Transaction<Database>, personId: string, now: Date): Promise<void> {
    await trx
      .updateTable('person_keys')
      .set({ wrapped_key: null, kek_id: null, shredded_at: now })
      .where('person_id', '=', personId)
      .execute();
    await trx.deleteFrom('person_identity').where('person_id', '=', personId).execute();
    await trx.deleteFrom('person_photos').where('person_id', '=', personId).execute();
    await trx.deleteFrom('person_name_index').where('person_id', '=', personId).execute();
  }

  /** Persons whose name indexes include every one of `tokens`. */
  async search(trx: Transaction<Database>, tokens: readonly string[], limit: number): Promise<string[]> {
    if (tokens.length === 0) return [];
    const rows = await trx
      .selectFrom('person_name_index')
      .select('person_id')
      .where('token', 'in', [...tokens])
      .groupBy('person_id')
      .having((eb) => eb.fn.count('token').distinct(), '=', tokens.length)
      .limit(limit)
      .execute();
    return rows.map((r) => r.person_id);
  }

  private tokensOf(identity: Identity): string[] {
    return [
      ...new Set(
        nameStrings(identity).flatMap((n) => {
          const ix = this.indexer(n);
          return [...ix.tokens, ix.full];
        }),
      ),
    ];
  }

  /** The token indexes a search for `name` must all match (word order and spelling variants fold). */
  queryTokens(name: string): readonly string[] {
    return this.indexer.query(name);
  }

  /** Re-wrap data keys sealed under an older KEK with the active one; returns how many. */
  async rewrapBatch(trx: Transaction<Database>, batch: number): Promise<number> {
    const rows = await trx
      .selectFrom('person_keys')
      .select(['person_id', 'wrapped_key'])
      .where('wrapped_key', 'is not', null)
      .where('kek_id', '!=', this.ring.activeId)
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const r of rows) {
      const dek = this.ring.open(r.wrapped_key!, aad.dataKey(r.person_id));
      await trx
        .updateTable('person_keys')
        .set({ wrapped_key: this.ring.seal(dek, aad.dataKey(r.person_id)), kek_id: this.ring.activeId })
        .where('person_id', '=', r.person_id)
        .execute();
    }
    return rows.length;
  }

  private async dataBox(
    trx: Transaction<Database>,
    personId: string,
    now: Date,
    opts: { create: boolean },
  ): Promise<SecretBox | null> {
    const row = await trx
      .selectFrom('person_keys')
      .select(['wrapped_key', 'shredded_at'])
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (row?.shredded_at) throw new Error('this person was erased: their identity can no longer be written or read');
    if (row?.wrapped_key)
      return new SecretBox(Buffer.from(this.ring.open(row.wrapped_key, aad.dataKey(personId)), 'base64'));
    if (!opts.create) return null;
    const dek = randomBytes(32);
    await trx
      .insertInto('person_keys')
      .values({
        person_id: personId,
        wrapped_key: this.ring.seal(dek.toString('base64'), aad.dataKey(personId)),
        kek_id: this.ring.activeId,
        created_at: now,
        shredded_at: null,
      })
      .execute();
    return new SecretBox(dek);
  }
}
