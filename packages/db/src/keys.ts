import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newSigningKey, publicKeyFor } from '@ctis/core';
import { KeyRing } from './crypto/key-ring.ts';

/**
 * The server's keys: key-encryption keys (one active) that wrap per-person data keys and seal
 * TOTP seeds, the blind-index key for name search, and the audit checkpoint signing key.
 */
export interface Keys {
  readonly ring: KeyRing;
  readonly blindIndexKey: Buffer;
  readonly auditSigningKey: string;
  readonly auditPublicKey: string;
  readonly auditKeyId: string;
}

export interface KeyFile {
  keks: Record<string, string>;
  activeKek: string;
  blindIndexKey: string;
  auditSigningKey: string;
  auditKeyId: string;
}

const HEX32 = /^[0-9a-f]{64}$/;

export function newKekId(now = new Date()): string {
  return `kek-${now.toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
}

export function newKeyFile(): KeyFile {
  const id = newKekId();
  return {
    keks: { [id]: randomBytes(32).toString('hex') },
    activeKek: id,
    blindIndexKey: randomBytes(32).toString('hex'),
    auditSigningKey: newSigningKey(),
    auditKeyId: `audit-${new Date().toISOString().slice(0, 10)}`,
  };
}

/** Validate a key file's content, naming the bad key. */
export function parseKeyFile(path: string, raw: unknown): KeyFile {
  const f = raw as Partial<KeyFile>;
  const bad = (key: string, what: string) => new Error(`${path}: "${key}" ${what}`);
  if (!f.keks || typeof f.keks !== 'object' || Object.keys(f.keks).length === 0)
    throw bad('keks', 'must map key ids to 64 hex characters');
  for (const [id, hex] of Object.entries(f.keks))
    if (!HEX32.test(hex)) throw bad(`keks.${id}`, 'must be 64 hex characters (32 bytes)');
  if (!f.activeKek || !(f.activeKek in f.keks)) throw bad('activeKek', 'must name one of the keks');
  if (!f.blindIndexKey || !HEX32.test(f.blindIndexKey))
    throw bad('blindIndexKey', 'must be 64 hex characters (32 bytes)');
  if (!f.auditSigningKey || !HEX32.test(f.auditSigningKey))
    throw bad('auditSigningKey', 'must be 64 hex characters (an Ed25519 secret key)');
  return {
    keks: f.keks,
    activeKek: f.activeKek,
    blindIndexKey: f.blindIndexKey,
    auditSigningKey: f.auditSigningKey,
    auditKeyId: f.auditKeyId ?? 'audit',
  };
}

export function keysFrom(file: KeyFile): Keys {
  const keks = new Map(Object.entries(file.keks).map(([id, hex]) => [id, Buffer.from(hex, 'hex')]));
  return {
    ring: new KeyRing(keks, file.activeKek),
    blindIndexKey: Buffer.from(file.blindIndexKey, 'hex'),
    auditSigningKey: file.auditSigningKey,
    auditPublicKey: publicKeyFor(file.auditSigningKey),
    auditKeyId: file.auditKeyId,
  };
}

export function readKeyFile(path: string): KeyFile {
  return parseKeyFile(path, JSON.parse(readFileSync(path, 'utf8')));
}

/** Write atomically (temp file + rename), readable by its owner only. */
export function writeKeyFile(path: string, file: KeyFile): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
  renameSync(tmp, path);
}

/**
 * Load keys from CTIS_KEY_FILE (production: provisioned by the operator, mode 0600). For the
 * embedded/demo setup a key file is created on first start in the data directory.
 */
export function loadKeys(path: string, opts: { createIfMissing: boolean }): Keys {
  if (!existsSync(path)) {
    if (!opts.createIfMissing)
      throw new Error(`Key file ${path} not found: set CTIS_KEY_FILE to the server's key file.`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    writeKeyFile(path, newKeyFile());
  }
  return keysFrom(readKeyFile(path));
}
