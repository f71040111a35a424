import { deterministicProposer, type CountryConfig, type MatchProposer } from '@ctis/core';
import { workerProposer } from './worker-proposer.ts';

/**
 * The match proposer the configuration names, with its review threshold: Fellegi–Sunter over the
 * identities (decrypted inside the run only, compared in a worker thread so the server keeps answering),
 * or the deterministic one over blind indexes (fast enough to run in-thread).
 */
export function configuredProposer(config: Readonly<CountryConfig>): MatchProposer {
  const { proposer, minProbability } = config.linkage;
  return proposer === 'deterministic' ? deterministicProposer() : workerProposer({ minProbability });
}
