import type { IsoDate } from '../victim-case/dates.ts';
import type {
  AppealOutcome,
  CriminalClosureReason,
  ExploitationKind,
  PretrialMeasureKind,
  VerdictOutcome,
} from './events.ts';

/**
 * The current state of a criminal case: the projection of its events (`projectCriminalCase`). Plain
 * JSON, so it can be stored beside the events and compared in tests. Lists keep recorded order.
 */
export interface CriminalCaseState {
  /** Number of events applied: the expected version for optimistic concurrency. */
  readonly version: number;
  readonly status: 'open' | 'closed';
  readonly openedOn: IsoDate;
  /** The owner: the unit leading the investigation. */
  readonly leadUnitOrganisationId: string;
  readonly province?: string;
  readonly legalBasis: { readonly lawId: string; readonly article: string };
  readonly exploitation: ExploitationKind;
  readonly traffickingOffence: boolean;
  readonly childSexTourism?: boolean;
  readonly suspects: readonly Suspect[];
  /** Pseudonymous links to victim cases (never the victims' identities). */
  readonly victims: readonly { readonly victimCaseId: string; readonly linkedOn: IsoDate }[];
  /** Each time the police supplied evidence to a prosecutor. */
  readonly evidence: readonly { readonly prosecutorOrganisationId: string; readonly on: IsoDate }[];
  /** Each trial opened, by court (first instance; appeals are per suspect). */
  readonly trials: readonly { readonly courtOrganisationId: string; readonly on: IsoDate }[];
  readonly closure: { readonly on: IsoDate; readonly reason: CriminalClosureReason; readonly note?: string } | null;
}

/**
 * Where a suspect stands. The path: investigated -> charged -> detained | supervised -> absconded ->
 * warrant_issued -> rearrested -> (a new measure) ...; `judged` once a verdict is recorded.
 */
export const SUSPECT_STATUSES = [
  'investigated',
  'charged',
  'detained',
  'supervised',
  'absconded',
  'warrant_issued',
  'rearrested',
  'judged',
] as const;
export type SuspectStatus = (typeof SUSPECT_STATUSES)[number];

export interface Suspect {
  readonly suspectId: string;
  readonly personId: string;
  readonly nationality: string;
  readonly publicOfficial?: { readonly position: string; readonly agency: string };
  readonly arrested?: boolean;
  readonly addedOn: IsoDate;
  readonly status: SuspectStatus;
  /** The date of the last change of `status`. */
  readonly since: IsoDate;
  readonly charge: Charge | null;
  /** Every pre-trial measure, in order; the current one is the last (while detained or supervised). */
  readonly measures: readonly PretrialMeasure[];
  readonly checkIns: readonly IsoDate[];
  readonly missedCheckIns: readonly IsoDate[];
  /** Every time the suspect fled, with the warrant and re-arrest that followed. */
  readonly abscondings: readonly Absconding[];
  readonly verdict: { readonly outcome: VerdictOutcome; readonly on: IsoDate } | null;
  readonly sentence: Sentence | null;
  readonly appeals: readonly Appeal[];
}

export interface Charge {
  readonly prosecutorOrganisationId: string;
  readonly courtOrganisationId: string;
  readonly articles: readonly string[];
  readonly investigatingJudge?: string;
  readonly on: IsoDate;
}

export interface PretrialMeasure {
  readonly measure: PretrialMeasureKind;
  /** Judicial supervision only. */
  readonly checkInEveryDays?: number;
  /** Judicial supervision only: who records the check-ins (absent: the lead unit). */
  readonly supervisingOrganisationId?: string;
  readonly on: IsoDate;
}

export interface Absconding {
  readonly on: IsoDate;
  readonly warrantOn?: IsoDate;
  readonly rearrestedOn?: IsoDate;
}

export interface Sentence {
  readonly prisonMonths: number;
  readonly suspendedMonths: number;
  readonly fine?: { readonly amount: number; readonly currency: string };
  readonly restitution: readonly {
    readonly victimCaseId: string;
    readonly amount: number;
    readonly currency: string;
  }[];
  readonly on: IsoDate;
}

export interface Appeal {
  readonly courtOrganisationId: string;
  readonly lodgedOn: IsoDate;
  readonly outcome?: AppealOutcome;
  readonly decidedOn?: IsoDate;
}

/** The pre-trial measure in force, if the suspect is detained or supervised. */
export function currentMeasure(s: Suspect): PretrialMeasure | undefined {
  return s.status === 'detained' || s.status === 'supervised' ? s.measures.at(-1) : undefined;
}
