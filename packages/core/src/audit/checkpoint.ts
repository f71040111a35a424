import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** A signed statement "the chain head at seq N had hash H", so a rewritten chain is caught. */
export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  readonly signature: string;
}

function message(seq: number, hash: string, at: string): Uint8Array {
  return utf8ToBytes(`ctis-audit-checkpoint\n${seq}\n${hash}\n${at}`);
}

export function signCheckpoint(secretKeyHex: string, keyId: string, seq: number, hash: string, at: string): Checkpoint {
  const signature = bytesToHex(ed25519.sign(message(seq, hash, at), hexToBytes(secretKeyHex)));
  return { seq, hash, at, keyId, signature };
}

export function verifyCheckpoint(publicKeyHex: string, cp: Checkpoint): boolean {
  try {
    return ed25519.verify(hexToBytes(cp.signature), message(cp.seq, cp.hash, cp.at), hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}

export function publicKeyFor(secretKeyHex: string): string {
  return bytesToHex(ed25519.getPublicKey(hexToBytes(secretKeyHex)));
}

export function newSigningKey(): string {
  return bytesToHex(ed25519.utils.randomSecretKey());
}
