import { deterministicProposer, identityProposer, type CountryConfig, type MatchProposer } from '@ctis/core';

/**
 * The match proposer the configuration names, with its review threshold: Fellegi–Sunter over the
 * identities (decrypted inside the run only), or the deterministic one over blind indexes.
 */
export function configuredProposer(config: Readonly<CountryConfig>): MatchProposer {
  const { proposer, minProbability } = config.linkage;
  return proposer === 'deterministic' ? deterministicProposer() : identityProposer({ minProbability });
}
