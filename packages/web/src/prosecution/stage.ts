/** How far a criminal case has gone, for the list: the furthest step any suspect reached. */
import type { CriminalCaseState } from './types';

export type Stage = 'investigation' | 'evidence' | 'charged' | 'trial' | 'judged' | 'closed';

export function caseStage(s: CriminalCaseState): Stage {
  if (s.status === 'closed') return 'closed';
  if (s.suspects.some((p) => p.verdict !== null)) return 'judged';
  if (s.trials.length > 0) return 'trial';
  if (s.suspects.some((p) => p.charge !== null)) return 'charged';
  if (s.evidence.length > 0) return 'evidence';
  return 'investigation';
}
