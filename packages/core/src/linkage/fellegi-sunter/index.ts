export { jaro, jaroWinkler, soundex, withinOneEdit } from './strings.ts';
export {
  namePart,
  parseBirthDate,
  prepare,
  type BirthDate,
  type NamePart,
  type PersonRecord,
  type Prepared,
} from './record.ts';
export {
  birthDateComparator,
  documentComparator,
  familyNameComparator,
  givenNameComparator,
  MISSING,
  nameComparator,
  nationalityComparator,
  PERSON_COMPARATORS,
  placeComparator,
  sexComparator,
  type Comparator,
} from './comparators.ts';
export { estimateM, estimateU, levelWeights, startingM, type MEstimate, type PatternTable } from './model.ts';
export {
  blockingRecall,
  forEachCandidate,
  ruleBlocks,
  type RuleBlocks,
  type BlockingOptions,
  type BlockingRule,
  type RuleRecall,
} from './blocking.ts';
export { clusterPairs } from './cluster.ts';
export {
  linkRecords,
  PERSON_BLOCKING_RULES,
  type FieldExplanation,
  type FsModel,
  type LinkOptions,
  type LinkResult,
} from './link.ts';
export { seededRandom } from './random.ts';
export {
  FELLEGI_SUNTER_PROPOSER_ID,
  FELLEGI_SUNTER_PROPOSER_VERSION,
  fellegiSunterProposer,
  type FellegiSunterProposerOptions,
} from './proposer.ts';
