import type { KeyRing } from './key-ring.ts';

// A TOTP seed is sealed to its user's row: a copied ciphertext does not open for another user.
const aad = (userId: string) => `users.mfa_secret:${userId}`;

export function sealMfaSecret(ring: KeyRing, userId: string, secret: string): string {
  return ring.seal(secret, aad(userId));
}

export function openMfaSecret(ring: KeyRing, userId: string, sealed: string): string {
  return ring.open(sealed, aad(userId));
}
