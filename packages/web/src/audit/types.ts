/** Shapes of the audit API (/api/audit, /api/audit/verify, /api/break-glass). */

export type AuditOutcome = 'allowed' | 'denied' | 'error';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: AuditOutcome;
  rule: string | null;
  reason: string | null;
  ip: string | null;
  requestId: string | null;
}

export type ChainVerdict =
  { ok: true; rows: number; headSeq: number; headHash: string } | { ok: false; firstBadSeq: number; problem: string };

export interface VerifyReport {
  chain: ChainVerdict;
  checkpoints: { checked: number; firstBad: number | null; problem: string | null };
}

export interface BreakGlassEvent {
  id: string;
  userId: string;
  username: string;
  resourceType: string;
  recordId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  reviewedAt: string | null;
  reviewNote: string | null;
}

export const auditKey = ['audit'] as const;
export const breakGlassKey = ['break-glass'] as const;
