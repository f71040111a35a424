export {
  loadPreventionDemo,
  loadPreventionDemoIfWanted,
  preventionDemoWanted,
  type PreventionDemoOptions,
  type PreventionDemoResult,
} from './load.ts';
export {
  PREVENTION_DEMO_SEED,
  generatePreventionPlan,
  type PlannedRegisterRecord,
  type PreventionPlan,
} from './plan.ts';
export {
  countPreventionFigures,
  plannedRecords,
  preventionFigures,
  type PreventionFiguresComputed,
} from './counting-rules.ts';
export { PREVENTION_FIGURES } from './figures.ts';
