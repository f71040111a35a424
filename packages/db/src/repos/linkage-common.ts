import type { LinkageReason, ProposedPair, RecordFacts } from '@ctis/core';

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

/** A run, proposal or link as a record for the policy: national, label N, owned by no one. */
export function linkageFacts(id: string): RecordFacts {
  return {
    id,
    ownerUserId: null,
    organisationId: null,
    province: null,
    label: 'N',
    teamUserIds: [],
    sharedWithOrganisationIds: [],
    namedUserIds: [],
  };
}
