import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { newSigningKey, publicKeyFor } from '@ctis/core';

/** The server's keys: a key-encryption key for secrets and the audit checkpoint signing key. */
export interface Keys {
  readonly kek: Buffer;
  readonly auditSigningKey: string;
  readonly auditPublicKey: string;
  readonly auditKeyId: string;
}

interface KeyFile {
  kek: string;
  auditSigningKey: string;
  auditKeyId: string;
}

/**
 * Load keys from CTIS_KEY_FILE (production: provisioned by the operator, mode 0600). For the
 * embedded/demo setup a key file is created on first start in the data directory.
 */
export function loadKeys(path: string, opts: { createIfMissing: boolean }): Keys {
  if (!existsSync(path)) {
    if (!opts.createIfMissing)
      throw new Error(`Key file ${path} not found: set CTIS_KEY_FILE to the server's key file.`);
    const fresh: KeyFile = {
      kek: randomBytes(32).toString('hex'),
      auditSigningKey: newSigningKey(),
      auditKeyId: `audit-${new Date().toISOString().slice(0, 10)}`,
    };
    writeFileSync(path, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyFile>;
  if (!file.kek || !/^[0-9a-f]{64}$/.test(file.kek))
    throw new Error(`${path}: "kek" must be 64 hex characters (32 bytes)`);
  if (!file.auditSigningKey || !/^[0-9a-f]{64}$/.test(file.auditSigningKey))
    throw new Error(`${path}: "auditSigningKey" must be 64 hex characters (an Ed25519 secret key)`);
  return {
    kek: Buffer.from(file.kek, 'hex'),
    auditSigningKey: file.auditSigningKey,
    auditPublicKey: publicKeyFor(file.auditSigningKey),
    auditKeyId: file.auditKeyId ?? 'audit',
  };
}
