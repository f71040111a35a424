/** Shapes of the prosecution API (criminal cases, their alerts, operations), as the web app uses them. */

export type SuspectStatus =
  'investigated' | 'charged' | 'detained' | 'supervised' | 'absconded' | 'warrant_issued' | 'rearrested' | 'judged';

export interface Charge {
  prosecutorOrganisationId: string;
  courtOrganisationId: string;
  articles: string[];
  investigatingJudge?: string;
  on: string;
}

export interface PretrialMeasure {
  measure: 'detention' | 'judicial_supervision';
  checkInEveryDays?: number;
  supervisingOrganisationId?: string;
  on: string;
}

export interface Absconding {
  on: string;
  warrantOn?: string;
  rearrestedOn?: string;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Sentence {
  prisonMonths: number;
  suspendedMonths: number;
  fine?: Money;
  /** Absent victim case ids when the caller's rule hides victims. */
  restitution: (Money & { victimCaseId?: string })[];
  on: string;
}

export interface Appeal {
  courtOrganisationId: string;
  lodgedOn: string;
  outcome?: string;
  decidedOn?: string;
}

export interface Suspect {
  suspectId: string;
  /** A pseudonym when the case says `personsPseudonymous`. */
  personId: string;
  nationality: string;
  publicOfficial?: { position: string; agency: string };
  arrested?: boolean;
  addedOn: string;
  status: SuspectStatus;
  since: string;
  charge: Charge | null;
  measures: PretrialMeasure[];
  checkIns: string[];
  missedCheckIns: string[];
  abscondings: Absconding[];
  verdict: { outcome: string; on: string } | null;
  sentence: Sentence | null;
  appeals: Appeal[];
}

export interface CriminalCaseState {
  version: number;
  status: 'open' | 'closed';
  openedOn: string;
  leadUnitOrganisationId: string;
  province?: string;
  legalBasis: { lawId: string; article: string };
  exploitation: 'sex' | 'labour' | 'both';
  traffickingOffence: boolean;
  childSexTourism?: boolean;
  suspects: Suspect[];
  /** Absent when the caller's rule hides the victims. */
  victims?: { victimCaseId: string; linkedOn: string }[];
  evidence: { prosecutorOrganisationId: string; on: string }[];
  trials: { courtOrganisationId: string; on: string }[];
  closure: { on: string; reason: string; note?: string } | null;
}

export interface CriminalCaseRecord {
  id: string;
  caseNumber: string;
  personsPseudonymous: boolean;
  /** True when the caller's rule hides the victims (no `state.victims`, no restitution case ids). */
  victimsHidden?: boolean;
  state: CriminalCaseState;
  /** The write actions the caller holds on this case (a subset of criminal_case.write). */
  allowedActions: string[];
}

export interface CriminalCaseAlert {
  caseId: string;
  caseNumber: string;
  kind: string;
  audience: 'case' | 'oversight';
  since: string;
  days: number;
  organisationIds: string[];
  suspectId?: string;
  prosecutorOrganisationId?: string;
  courtOrganisationId?: string;
  basis?: 'recorded' | 'schedule';
}

export type OperationStatus = 'planned' | 'executed' | 'cancelled';

export interface Operation {
  id: string;
  codeName: string;
  plannedFor: string;
  target: string;
  briefing: string | null;
  criminalCaseId: string | null;
  status: OperationStatus;
  label: string;
  executedOn: string | null;
  outcome: string | null;
  organisationId: string;
  ownerUserId: string;
  namedOfficerIds: string[];
  isOwner: boolean;
}

export interface Officer {
  id: string;
  displayName: string;
  username: string;
}

export interface Opener {
  userId: string | null;
  displayName: string | null;
  at: string;
  outcome: 'allowed' | 'denied';
}
