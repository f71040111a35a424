export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

export interface SessionLimits {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** Why a session is no longer valid at `now`, or null when it still is. */
export function sessionExpiry(times: SessionTimes, limits: SessionLimits, now: Date): 'idle' | 'absolute' | null {
  if (now.getTime() - times.createdAt.getTime() >= limits.absoluteHours * 3_600_000) return 'absolute';
  if (now.getTime() - times.lastSeenAt.getTime() >= limits.idleMinutes * 60_000) return 'idle';
  return null;
}
