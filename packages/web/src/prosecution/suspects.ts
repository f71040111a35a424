/** What can happen to each suspect now, and their check-in schedule (as the server's rules say). */
import type { CriminalCaseState, Suspect, SuspectStatus } from './types';

/** The suspect statuses from which each suspect event may be recorded. */
export const SUSPECT_STEPS = {
  charged: ['investigated'],
  pretrial_measure: ['charged', 'detained', 'supervised', 'rearrested'],
  check_in_recorded: ['supervised'],
  check_in_missed: ['supervised'],
  absconded: ['detained', 'supervised'],
  arrest_warrant_issued: ['absconded'],
  rearrested: ['warrant_issued'],
  verdict: ['charged', 'detained', 'supervised', 'absconded', 'warrant_issued', 'rearrested'],
  sentence: ['judged'],
  appeal: ['judged'],
} as const satisfies Record<string, readonly SuspectStatus[]>;

export type SuspectStep = keyof typeof SUSPECT_STEPS;

/** The suspects an event may be recorded for now. */
export function suspectsFor(state: CriminalCaseState, step: SuspectStep): Suspect[] {
  const statuses: readonly SuspectStatus[] = SUSPECT_STEPS[step];
  return state.suspects.filter(
    (s) =>
      statuses.includes(s.status) &&
      (step !== 'sentence' ||
        (s.sentence === null && (s.verdict?.outcome === 'convicted' || s.verdict?.outcome === 'in_absentia'))),
  );
}

/** The suspect's number in the case (1 for the first added): "Suspect 1" never names anyone. */
export function suspectNumber(state: CriminalCaseState, suspectId: string): number {
  return state.suspects.findIndex((s) => s.suspectId === suspectId) + 1;
}

/** The measure in force while the suspect is detained or supervised. */
export function currentMeasure(s: Suspect) {
  return s.status === 'detained' || s.status === 'supervised' ? s.measures.at(-1) : undefined;
}

/**
 * The next check-in date of a supervised suspect: the last check-in under the current measure (or
 * its start) plus the schedule's days. Undefined when the suspect is not reporting.
 */
export function nextCheckInDue(s: Suspect): string | undefined {
  const measure = currentMeasure(s);
  if (s.status !== 'supervised' || !measure?.checkInEveryDays) return undefined;
  const last = s.checkIns.filter((d) => d >= measure.on).reduce((a, b) => (b > a ? b : a), measure.on);
  return addDays(last, measure.checkInEveryDays);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The unit that records a supervised suspect's check-ins: the measure's, else the lead unit. */
export function supervisingUnit(state: CriminalCaseState, s: Suspect): string {
  return s.measures.at(-1)?.supervisingOrganisationId ?? state.leadUnitOrganisationId;
}

/** The suspects whose check-ins this organisation records. */
export function supervisedBy(state: CriminalCaseState, organisationId: string): Suspect[] {
  return suspectsFor(state, 'check_in_missed').filter((s) => supervisingUnit(state, s) === organisationId);
}
