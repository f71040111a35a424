export {
  ClkEncoder,
  DEFAULT_CLK_PARAMS,
  dateParts,
  fieldTokens,
  keyCheck,
  validateParams,
  type ClkFieldKind,
  type ClkFieldSpec,
  type ClkParams,
  type ClkValues,
} from './clk.ts';
export { dice, intersectionCount, popcount, popcount32 } from './dice.ts';
export {
  DEFAULT_DICE_THRESHOLD,
  candidatePairs,
  greedyOneToOne,
  matchClks,
  packClks,
  type ClkPair,
  type PackedClks,
} from './match.ts';
export {
  CLK_FILE_MAGIC,
  assertCompatible,
  readClkFile,
  writeClkFile,
  type ClkFile,
  type ClkFileHeader,
} from './format.ts';
export { base64ToBytes, bytesToBase64 } from './base64.ts';
