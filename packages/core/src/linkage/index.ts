export type {
  Agreement,
  LinkageReason,
  LinkageRecord,
  MatchProposer,
  PersonLink,
  ProposedPair,
  SyncMatchProposer,
} from './types.ts';
export {
  DETERMINISTIC_PROPOSER_ID,
  DETERMINISTIC_PROPOSER_VERSION,
  DETERMINISTIC_WEIGHTS,
  deterministicProposer,
  type DeterministicOptions,
} from './deterministic.ts';
export { clusters, distinctCount } from './clusters.ts';
export {
  IDENTITY_PROPOSER_ID,
  IDENTITY_PROPOSER_VERSION,
  identityProposer,
  personRecordsOf,
  type IdentityProposerOptions,
} from './identity-proposer.ts';
export { clusterQuality, pairwiseQuality, type PairwiseQuality } from './evaluate.ts';
export * from './pprl/index.ts';
export * from './fellegi-sunter/index.ts';
export * from './synthetic/index.ts';
