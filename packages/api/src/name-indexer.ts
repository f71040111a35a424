import {
  blindIndex,
  blindIndexBits,
  nameBlindIndexes,
  NAME_TOKEN_DOMAIN,
  normaliseNameTokens,
  type CountryConfig,
} from '@ctis/core';
import { IdentityVault, type Keys, type NameIndexer } from '@ctis/db';

// About three name tokens per person (family, given, and a joined pair or an alias).
const TOKENS_PER_PERSON = 3;

/**
 * Blind indexes for name search: each normalised token (Khmer romanised, spelling variants folded,
 * adjacent tokens also joined) and the whole-name key, HMAC'd with the blind-index key and truncated
 * so that each value is shared by a few people at the expected population (2 <= C < sqrt(R)).
 */
export function makeNameIndexer(
  key: Uint8Array,
  expectedPopulation: number,
): NameIndexer & { query(name: string): string[] } {
  const bits = blindIndexBits(expectedPopulation, TOKENS_PER_PERSON);
  const indexer = (name: string) => {
    const all = nameBlindIndexes(key, name, bits, { joinAdjacent: true });
    return { tokens: all.slice(0, -1), full: all.at(-1) ?? '' };
  };
  return Object.assign(indexer, {
    /** What a search must match: every folded token of the query. */
    query: (name: string) =>
      [...new Set(normaliseNameTokens(name))].map((t) => blindIndex(key, NAME_TOKEN_DOMAIN, t, bits)),
  });
}

/** The identity vault for a deployment: its key ring and its name indexer. */
export function identityVault(keys: Keys, config: CountryConfig): IdentityVault {
  return new IdentityVault(keys.ring, makeNameIndexer(keys.blindIndexKey, config.statistics.expectedPopulation));
}
