export {
  loadProsecutionDemo,
  loadProsecutionDemoIfWanted,
  prosecutionDemoWanted,
  type ProsecutionDemoOptions,
  type ProsecutionDemoResult,
} from './load.ts';
export {
  PROSECUTION_DEMO_SEED,
  generateProsecutionPlan,
  type CaseKind,
  type PlannedCriminalCase,
  type PlannedCriminalStep,
  type ProsecutionPlan,
} from './plan.ts';
export { prosecutionFigures, type ProsecutionFiguresComputed } from './counting-rules.ts';
export { PROSECUTION_FIGURES } from './figures.ts';
