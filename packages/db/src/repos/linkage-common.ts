import type { LinkageReason, ProposedPair } from '@ctis/core';

/** A proposer's reasons as stored: field names, agreement words and numbers only. */
export function reasonsOf(p: ProposedPair): LinkageReason[] {
  return p.reasons.map((r) => ({
    field: String(r.field),
    agreement: r.agreement,
    weight: Number(r.weight),
    ...(typeof r.shared === 'number' ? { shared: r.shared } : {}),
    ...(typeof r.of === 'number' ? { of: r.of } : {}),
  }));
}
