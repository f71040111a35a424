/** The linkage API's shapes, as the web app uses them (the OpenAPI document is the reference). */
import type { Identity } from '../../protection/types';

export type Agreement = 'exact' | 'compatible' | 'differs' | 'missing';
export type ProposalStatus = 'proposed' | 'confirmed' | 'rejected';

export interface LinkageReason {
  field: string;
  agreement: Agreement;
  weight: number;
  shared?: number;
  of?: number;
}

export interface LinkageSide {
  personId: string;
  organisationId: string;
  province: string | null;
  sex: string | null;
  birthYear: number | null;
  nationality: string | null;
  erased: boolean;
}

export interface Proposal {
  id: string;
  runId: string;
  a: LinkageSide;
  b: LinkageSide;
  score: number;
  reasons: LinkageReason[];
  status: ProposalStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
  linkId: string | null;
  /** The link was made by a run without a reviewer (configured auto-link). */
  automatic: boolean;
}

export type LinkageRunStatus = 'running' | 'finished' | 'failed';

export interface LinkageRun {
  id: string;
  proposer: { id: string; version: number };
  status: LinkageRunStatus;
  /** While running: 'queued', 'reading', 'comparing', 'writing', 'linking'. */
  stage: string | null;
  done: number;
  total: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  persons: number;
  pairs: number;
  newProposals: number;
  refreshed: number;
  skippedDecided: number;
  skippedLinked: number;
  withdrawn: number;
  autoLinked: number;
}

export interface LinkageSummary {
  proposed: number;
  confirmed: number;
  rejected: number;
  activeLinks: number;
  lastRun: LinkageRun | null;
  activeRun: LinkageRun | null;
}

export type IdentityAccess = 'shown' | 'not-recorded' | 'break-glass-required' | 'not-allowed' | 'erased';

export interface PairPerson extends LinkageSide {
  identityAccess: IdentityAccess;
  identity: Identity | null;
}
