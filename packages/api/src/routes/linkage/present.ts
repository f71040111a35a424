import type { Identity, LinkageReason } from '@ctis/core';
import type { IdentityAccess, LinkageRunResult, LinkageSide, LinkageSummary, LinkView, ProposalView } from '@ctis/db';

/** One side of a pair as the API shows it: statistical attributes, and the identity where allowed. */
export interface LinkageSideDto {
  readonly personId: string;
  readonly organisationId: string;
  readonly province: string | null;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly nationality: string | null;
  readonly erased: boolean;
}

export interface ProposalDto {
  readonly id: string;
  readonly runId: string;
  readonly a: LinkageSideDto;
  readonly b: LinkageSideDto;
  readonly score: number;
  readonly reasons: readonly LinkageReason[];
  readonly status: ProposalView['status'];
  readonly decidedBy: string | null;
  readonly decidedByName: string | null;
  readonly decidedAt: string | null;
  readonly createdAt: string;
  readonly linkId: string | null;
  readonly automatic: boolean;
}

export function presentSide(s: LinkageSide): LinkageSideDto {
  return {
    personId: s.personId,
    organisationId: s.organisationId,
    province: s.province,
    sex: s.sex,
    birthYear: s.birthYear,
    nationality: s.nationality,
    erased: s.erased,
  };
}

export function presentProposal(v: ProposalView): ProposalDto {
  return {
    id: v.id,
    runId: v.runId,
    a: presentSide(v.a),
    b: presentSide(v.b),
    score: v.score,
    reasons: v.reasons.map((r) => ({
      field: r.field,
      agreement: r.agreement,
      weight: r.weight,
      ...(r.shared !== undefined ? { shared: r.shared } : {}),
      ...(r.of !== undefined ? { of: r.of } : {}),
    })),
    status: v.status,
    decidedBy: v.decidedBy,
    decidedByName: v.decidedByName,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
    linkId: v.linkId,
    automatic: v.automatic,
  };
}

export function presentRun(r: LinkageRunResult) {
  return {
    id: r.id,
    proposer: r.proposer,
    settings: r.settings,
    status: r.status,
    stage: r.stage,
    done: r.done,
    total: r.total,
    error: r.error,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    persons: r.persons,
    pairs: r.pairs,
    newProposals: r.newProposals,
    refreshed: r.refreshed,
    skippedDecided: r.skippedDecided,
    skippedLinked: r.skippedLinked,
    withdrawn: r.withdrawn,
    autoLinked: r.autoLinked,
  };
}

export function presentLink(l: LinkView) {
  return {
    id: l.id,
    personA: l.personA,
    personB: l.personB,
    proposalId: l.proposalId,
    linkedBy: l.linkedBy,
    linkedAt: l.linkedAt.toISOString(),
    undoneBy: l.undoneBy,
    undoneAt: l.undoneAt?.toISOString() ?? null,
  };
}

/** A side in the pair view: the identity is present only when it was read (and audited) for this reviewer. */
export interface PairPersonDto extends LinkageSideDto {
  /** shown: read now (audited); not-recorded: no identity held; otherwise why it is not shown. */
  readonly identityAccess: 'shown' | 'not-recorded' | Exclude<IdentityAccess, 'allowed'>;
  readonly identity: Identity | null;
}

export function presentSummary(s: LinkageSummary) {
  return {
    proposed: s.proposed,
    confirmed: s.confirmed,
    rejected: s.rejected,
    activeLinks: s.activeLinks,
    lastRun: s.lastRun ? presentRun(s.lastRun) : null,
    activeRun: s.activeRun ? presentRun(s.activeRun) : null,
  };
}
