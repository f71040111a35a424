import { hash, verify } from '@node-rs/argon2';

// OWASP ASVS / Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
// `Algorithm.Argon2id` is an ambient const enum (value 2), which isolated modules cannot read.
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

// A real hash of a random password: verifying against it costs what a real verify costs, so an
// unknown user name answers in the same time as a wrong password.
let dummy: Promise<string> | null = null;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash(`dummy-${Math.random()}`, PARAMS);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
