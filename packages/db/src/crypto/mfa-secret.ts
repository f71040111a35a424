import type { SecretBox } from './secret-box.ts';

// A TOTP seed is sealed to its user's row: a copied ciphertext does not open for another user.
const aad = (userId: string) => `users.mfa_secret:${userId}`;

export function sealMfaSecret(box: SecretBox, userId: string, secret: string): string {
  return box.seal(secret, aad(userId));
}

export function openMfaSecret(box: SecretBox, userId: string, sealed: string): string {
  return box.open(sealed, aad(userId));
}
