import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';
import { ACCOUNT_LOCKOUT, lockedUntil } from './lockout.ts';
import { sessionExpiry } from './session-policy.ts';

describe('password policy (length + common list, no composition rules)', () => {
  it('accepts a long passphrase without digits or symbols', () => {
    expect(checkPassword('correct horse battery staple', { minLength: 12 })).toEqual([]);
  });
  it('rejects fewer than 12 characters, counting characters not bytes', () => {
    expect(checkPassword('short-pass1', { minLength: 12 }).map((p) => p.code)).toContain('too_short');
    expect(checkPassword('ពាក្យសម្ងាត់វែង', { minLength: 12 })).toEqual([]); // 15 Khmer code points
  });
  it('rejects common passwords, also with digits tacked on', () => {
    expect(checkPassword('qwertyuiop123', { minLength: 12 }).map((p) => p.code)).toContain('common');
    expect(checkPassword('Password123456', { minLength: 12 }).map((p) => p.code)).toContain('common');
    expect(checkPassword('1q2w3e4r5t6y', { minLength: 12 }).map((p) => p.code)).toContain('common');
  });
  it('rejects a password containing the user name', () => {
    expect(
      checkPassword('sokdara-is-my-password', { minLength: 12, username: 'sokdara' }).map((p) => p.code),
    ).toContain('contains_username');
  });
});

describe('lockout', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  it('locks after 5 failures within 15 minutes, until the oldest of them leaves the window', () => {
    const failures = [ago(14), ago(10), ago(5), ago(2), ago(1)];
    expect(lockedUntil(failures, ACCOUNT_LOCKOUT, now)).toEqual(new Date(ago(14).getTime() + 15 * 60_000));
    expect(lockedUntil(failures.slice(1), ACCOUNT_LOCKOUT, now)).toBeNull();
  });
  it('forgets failures older than the window', () => {
    expect(lockedUntil([ago(30), ago(20), ago(16), ago(2), ago(1)], ACCOUNT_LOCKOUT, now)).toBeNull();
  });
});

describe('session expiry', () => {
  const limits = { idleMinutes: 15, absoluteHours: 10 };
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  it('is valid while used, idle after 15 minutes, over after 10 hours', () => {
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: at(100) }, limits, at(110))).toBeNull();
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: at(100) }, limits, at(115))).toBe('idle');
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: at(599) }, limits, at(600))).toBe('absolute');
  });
});
