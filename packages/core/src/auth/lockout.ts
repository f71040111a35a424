/**
 * Login throttling: after `maxFailures` failures within `windowMinutes`, the key (an account or an
 * address) is locked until the window slides past the oldest counted failure.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly windowMinutes: number;
}

export const ACCOUNT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMinutes: 15 };
export const ADDRESS_LOCKOUT: LockoutPolicy = { maxFailures: 20, windowMinutes: 15 };

/** The time until which the key is locked, or null. `failures` are the failure times, any order. */
export function lockedUntil(failures: readonly Date[], policy: LockoutPolicy, now: Date): Date | null {
  const windowMs = policy.windowMinutes * 60_000;
  const recent = failures
    .filter((f) => now.getTime() - f.getTime() < windowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < policy.maxFailures) return null;
  const pivot = recent[recent.length - policy.maxFailures]!;
  return new Date(pivot.getTime() + windowMs);
}
