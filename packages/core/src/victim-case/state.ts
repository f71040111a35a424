import type { IsoDate } from './dates.ts';
import type {
  CaseSource,
  ClosureReason,
  ConsentGiver,
  ConsentPurpose,
  FollowUpOutcome,
  GuardianshipConsentBy,
  RepatriationDirection,
  RepatriationStatus,
  RiskLevel,
  ServiceType,
} from './events.ts';

/**
 * The current state of a victim case: the projection of its events (`projectCase`). Plain JSON
 * (no Dates, no Maps), so it can be stored beside the events and compared in tests. Lists keep the
 * order in which things were recorded; each item carries its own dates.
 */
export interface VictimCaseState {
  /** Number of events applied: the expected version for optimistic concurrency. */
  readonly version: number;
  readonly status: 'open' | 'closed';
  readonly openedOn: IsoDate;
  readonly source: CaseSource;
  /** The owner: the organisation that opened the case. */
  readonly organisationId: string;
  readonly province?: string;
  readonly personId: string;
  readonly screeningId?: string;
  readonly identification: Identification;
  /** The latest exploitation record (a new record replaces the previous one); null until recorded. */
  readonly exploitation: Exploitation | null;
  readonly consents: readonly Consent[];
  readonly referrals: readonly Referral[];
  readonly services: readonly Service[];
  readonly custody: Custody;
  readonly repatriations: readonly Repatriation[];
  readonly followUps: readonly FollowUp[];
  readonly restitutionOrders: readonly RestitutionOrder[];
  /** The current closure; null while open (a reopened case keeps its past closures in `reopenings`). */
  readonly closure: Closure | null;
  readonly reopenings: readonly Reopening[];
}

export interface Identification {
  /** 'possible' until the designated authority records its finding. */
  readonly status: 'possible' | 'identified' | 'not_identified';
  readonly on?: IsoDate;
  readonly authorityOrganisationId?: string;
  readonly reference?: string;
}

export interface Exploitation {
  readonly types: readonly string[];
  readonly sectors: readonly string[];
  readonly methodsOfControl: readonly string[];
  readonly recruitmentMethods: readonly string[];
  readonly recruitmentCountry?: string;
  readonly recruitmentProvince?: string;
  readonly exploitationCountry?: string;
  readonly exploitationProvince?: string;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly recordedOn: IsoDate;
}

export interface Consent {
  readonly consentId: string;
  readonly purposes: readonly ConsentPurpose[];
  readonly givenBy: ConsentGiver;
  readonly givenOn: IsoDate;
  readonly active: boolean;
  readonly withdrawnOn?: IsoDate;
}

export interface Referral {
  readonly referralId: string;
  readonly fromOrganisationId: string;
  readonly toOrganisationId: string;
  readonly reason: string;
  /** Present when the referral was made without consent, under the consent-override permission. */
  readonly consentOverride?: { readonly reason: string };
  readonly status: 'pending' | 'accepted' | 'declined';
  readonly madeOn: IsoDate;
  readonly answeredOn?: IsoDate;
  readonly answerReason?: string;
}

export interface Service {
  readonly serviceId: string;
  readonly serviceType: ServiceType;
  readonly providerOrganisationId: string;
  readonly governmentFunded: boolean;
  readonly status: 'open' | 'ended';
  readonly startedOn: IsoDate;
  readonly endedOn?: IsoDate;
}

export interface Custody {
  /** True while an organisation holds formal custody (cleared by a return to the family). */
  readonly formal: boolean;
  /** The organisation holding custody now. */
  readonly toOrganisationId?: string;
  /** Since when the current arrangement (custody or return to family) holds. */
  readonly since?: IsoDate;
  readonly legalReference?: string;
  /** Every formal custody transfer, in order. */
  readonly transfers: readonly CustodyTransfer[];
  readonly guardianshipConsent?: GuardianshipConsent;
  /** Set when the child went back to the family; cleared by a later custody transfer. */
  readonly returnedToFamily?: ReturnToFamily;
}

export interface CustodyTransfer {
  readonly toOrganisationId: string;
  readonly on: IsoDate;
  readonly legalReference?: string;
}

export interface GuardianshipConsent {
  readonly by: GuardianshipConsentBy;
  readonly temporary: boolean;
  readonly on: IsoDate;
}

export interface ReturnToFamily {
  readonly riskAssessment: RiskLevel;
  readonly assessedBy: string;
  readonly on: IsoDate;
}

export interface Repatriation {
  readonly repatriationId: string;
  readonly direction: RepatriationDirection;
  readonly country: string;
  readonly assistingOrganisationIds: readonly string[];
  readonly status: RepatriationStatus;
  readonly recordedOn: IsoDate;
  readonly completedOn?: IsoDate;
}

export interface FollowUp {
  readonly on: IsoDate;
  readonly outcome: FollowUpOutcome;
  readonly note?: string;
}

export interface RestitutionOrder {
  readonly orderId: string;
  readonly amount: number;
  readonly currency: string;
  readonly courtCaseReference?: string;
  readonly orderedOn: IsoDate;
  /** Sum of `payments`. */
  readonly paid: number;
  readonly payments: readonly { readonly on: IsoDate; readonly amount: number }[];
}

export interface Closure {
  readonly on: IsoDate;
  readonly reason: ClosureReason;
  readonly note?: string;
}

export interface Reopening {
  readonly on: IsoDate;
  readonly reason: string;
  /** The closure this reopening undid. */
  readonly closure: Closure;
}

/** The active consent covering `purpose`, if any. */
export function activeConsentFor(state: VictimCaseState, purpose: ConsentPurpose): Consent | undefined {
  return state.consents.find((c) => c.active && c.purposes.includes(purpose));
}

/** What remains to be paid on an order (never negative). */
export function restitutionBalance(order: RestitutionOrder): number {
  return Math.max(0, roundAmount(order.amount - order.paid));
}

/** Rounds away binary floating-point noise (0.1 + 0.2) without losing any currency's minor units. */
export function roundAmount(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
