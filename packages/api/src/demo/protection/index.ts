export {
  loadProtectionDemo,
  loadProtectionDemoIfWanted,
  protectionDemoWanted,
  type ProtectionDemoOptions,
  type ProtectionDemoResult,
} from './load.ts';
export {
  PROTECTION_DEMO_SEED,
  generateProtectionPlan,
  protectionGroundTruth,
  type GroundTruthRow,
  type PlannedRecord,
  type ProtectionPlan,
  type TruePerson,
} from './plan.ts';
export { protectionFigures, type ProtectionFiguresComputed } from './counting-rules.ts';
export { PROTECTION_FIGURES } from './figures.ts';
