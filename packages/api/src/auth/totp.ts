import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP, 6 digits, 30 s, SHA-1 (what authenticator apps support), ±1 step of drift. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, issuer: string, account: string): string {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secret) }).toString();
}

export function checkTotp(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  return totp.validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

export function totpNow(secret: string, now: Date = new Date()): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: now.getTime() });
}
