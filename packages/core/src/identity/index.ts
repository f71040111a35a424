export {
  blindIndex,
  blindIndexBits,
  blindIndexPlan,
  nameBlindIndexes,
  NAME_FULL_DOMAIN,
  NAME_TOKEN_DOMAIN,
  type BlindIndexPlan,
  type NameIndexOptions,
} from './blind-index.ts';
export { containsKhmer, romanizeKhmer, type RomanizeOptions } from './khmer-romanize.ts';
export { FOLD_RULES, foldNameToken, nameKey, normaliseNameTokens, spelledNameTokens } from './normalise.ts';
export { pseudonym } from './pseudonym.ts';
