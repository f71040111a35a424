/** Shapes of the victim-case API: the projected state, events, alerts. */

export interface Consent {
  consentId: string;
  purposes: string[];
  givenBy: string;
  givenOn: string;
  active: boolean;
  withdrawnOn?: string;
}

export interface Referral {
  referralId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  reason: string;
  consentOverride?: { reason: string };
  status: 'pending' | 'accepted' | 'declined';
  madeOn: string;
  answeredOn?: string;
  answerReason?: string;
}

export interface Service {
  serviceId: string;
  serviceType: string;
  providerOrganisationId: string;
  governmentFunded: boolean;
  status: 'open' | 'ended';
  startedOn: string;
  endedOn?: string;
}

export interface Repatriation {
  repatriationId: string;
  direction: string;
  country: string;
  assistingOrganisationIds: string[];
  status: 'awaiting' | 'completed';
  recordedOn: string;
  completedOn?: string;
}

export interface RestitutionOrder {
  orderId: string;
  amount: number;
  currency: string;
  courtCaseReference?: string;
  orderedOn: string;
  paid: number;
  payments: { on: string; amount: number }[];
}

export interface CaseState {
  version: number;
  status: 'open' | 'closed';
  openedOn: string;
  source: string;
  organisationId: string;
  province?: string;
  personId: string;
  screeningId?: string;
  identification: {
    status: 'possible' | 'identified' | 'not_identified';
    on?: string;
    authorityOrganisationId?: string;
    reference?: string;
  };
  exploitation: {
    types: string[];
    sectors: string[];
    methodsOfControl: string[];
    recruitmentMethods: string[];
    recruitmentCountry?: string;
    recruitmentProvince?: string;
    exploitationCountry?: string;
    exploitationProvince?: string;
    from?: string;
    to?: string;
    recordedOn: string;
  } | null;
  consents: Consent[];
  referrals: Referral[];
  services: Service[];
  custody: {
    formal: boolean;
    toOrganisationId?: string;
    since?: string;
    legalReference?: string;
    guardianshipConsent?: { by: string; temporary: boolean; on: string };
    returnedToFamily?: { riskAssessment: string; assessedBy: string; on: string };
  };
  repatriations: Repatriation[];
  followUps: { on: string; outcome: string; note?: string }[];
  restitutionOrders: RestitutionOrder[];
  closure: { on: string; reason: string; note?: string } | null;
  reopenings: { on: string; reason: string }[];
}

/** A case as listed or read; fields the deciding rule hides are absent. */
export interface CaseRecord {
  id: string;
  caseNumber?: string;
  personId?: string;
  state?: CaseState;
}

/** An event as posted to /api/cases/:id/events: flat, `{ type, occurredOn, ...fields }`. */
export type CaseEventInput = { type: string; occurredOn: string } & Record<string, unknown>;

export interface CaseEventRow {
  seq: number;
  event: CaseEventInput;
  recordedAt: string;
}

export interface CaseAlert {
  caseId: string;
  kind: string;
  since: string;
  days: number;
  organisationId: string;
  organisationIds: string[];
  subjectId?: string;
}
