import { z } from 'zod';
import {
  alpha3,
  currency,
  event,
  isoDate,
  organisationId,
  positiveAmount,
  shortText,
  text,
  uuid,
} from '../contracts/event-fields.ts';

/**
 * The events of a victim case: the API contracts (zod) and their types. An event is flat:
 * `{ type, occurredOn, ...fields }`, so a field path in a validation error (`amount`,
 * `consentOverride.reason`) is the same whether zod or the state machine reports it.
 * `occurredOn` is the date of the fact (YYYY-MM-DD), not the date it was typed in.
 * Codes (exploitation types, sectors...) and organisation ids come from the country configuration;
 * `checkEventAgainstConfig` checks them against it.
 */

export const CASE_SOURCES = [
  'screening',
  'referral',
  'police_operation',
  'consular',
  'hotline',
  'shelter_intake',
  'labour_inspection',
  'other',
] as const;
export const IDENTIFICATION_RESULTS = ['identified', 'not_identified'] as const;
export const CONSENT_PURPOSES = ['referral', 'services', 'data_sharing', 'repatriation', 'identity_storage'] as const;
export const CONSENT_GIVERS = ['person', 'guardian'] as const;
export const REFERRAL_ANSWERS = ['accepted', 'declined'] as const;
export const SERVICE_TYPES = ['shelter', 'medical', 'psycho_social', 'legal', 'vocational', 'family_tracing'] as const;
export const GUARDIANSHIP_CONSENT_BY = ['parent', 'relative', 'legal_guardian'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const REPATRIATION_DIRECTIONS = ['home_from_abroad', 'foreign_returned_home'] as const;
export const REPATRIATION_STATUSES = ['awaiting', 'completed'] as const;
export const FOLLOW_UP_OUTCOMES = ['reintegrated', 'at_risk', 'lost_contact', 'other'] as const;
export const CLOSURE_REASONS = [
  'reintegrated',
  'repatriated',
  'not_a_victim',
  'deceased',
  'lost_contact',
  'transferred',
  'other',
] as const;

/** A list without repeats; `what` names the items in the message. */
function uniqueList<T extends z.ZodType>(item: T, what: string, min = 0) {
  return z
    .array(item)
    .min(min, `is empty — list at least ${min} ${what}`)
    .refine((xs) => new Set(xs).size === xs.length, `lists a ${what} twice — remove the repeat`);
}
const codes = (what: string, min = 0) => uniqueList(shortText, what, min);

export const caseOpenedSchema = event('case_opened', {
  source: z.enum(CASE_SOURCES),
  organisationId,
  province: shortText.optional(),
  personId: uuid,
  screeningId: uuid.optional(),
});
export const identificationRecordedSchema = event('identification_recorded', {
  status: z.enum(IDENTIFICATION_RESULTS),
  authorityOrganisationId: organisationId,
  reference: shortText.optional(),
});
export const exploitationRecordedSchema = event('exploitation_recorded', {
  types: codes('exploitation type', 1),
  sectors: codes('sector'),
  methodsOfControl: codes('method of control'),
  recruitmentMethods: codes('recruitment method'),
  recruitmentCountry: alpha3.optional(),
  recruitmentProvince: shortText.optional(),
  exploitationCountry: alpha3.optional(),
  exploitationProvince: shortText.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).refine((e) => !e.from || !e.to || e.from <= e.to, {
  path: ['to'],
  message: 'is before "from" — swap or correct the dates',
});
export const consentGivenSchema = event('consent_given', {
  consentId: uuid,
  purposes: uniqueList(z.enum(CONSENT_PURPOSES), 'purpose', 1),
  givenBy: z.enum(CONSENT_GIVERS),
});
export const consentWithdrawnSchema = event('consent_withdrawn', { consentId: uuid });
export const referralMadeSchema = event('referral_made', {
  referralId: uuid,
  fromOrganisationId: organisationId,
  toOrganisationId: organisationId,
  reason: text,
  consentOverride: z
    .strictObject({
      reason: z
        .string()
        .trim()
        .min(20, 'is too short — explain in at least 20 characters why the referral cannot wait for consent')
        .max(2000, 'is too long — keep it under 2000 characters'),
    })
    .optional(),
});
export const referralAnsweredSchema = event('referral_answered', {
  referralId: uuid,
  answer: z.enum(REFERRAL_ANSWERS),
  reason: text.optional(),
}).refine((e) => e.answer !== 'declined' || e.reason !== undefined, {
  path: ['reason'],
  message: 'is missing — say why the referral is declined',
});
export const serviceStartedSchema = event('service_started', {
  serviceId: uuid,
  serviceType: z.enum(SERVICE_TYPES),
  providerOrganisationId: organisationId,
  governmentFunded: z.boolean(),
});
export const serviceEndedSchema = event('service_ended', { serviceId: uuid });
export const custodyTransferredSchema = event('custody_transferred', {
  toOrganisationId: organisationId,
  legalReference: shortText.optional(),
});
export const guardianshipConsentRecordedSchema = event('guardianship_consent_recorded', {
  by: z.enum(GUARDIANSHIP_CONSENT_BY),
  temporary: z.boolean(),
});
export const returnedToFamilySchema = event('returned_to_family', {
  riskAssessment: z.enum(RISK_LEVELS),
  assessedBy: organisationId,
});
export const repatriationRecordedSchema = event('repatriation_recorded', {
  repatriationId: uuid,
  direction: z.enum(REPATRIATION_DIRECTIONS),
  country: alpha3,
  assistingOrganisationIds: uniqueList(organisationId, 'organisation'),
  status: z.enum(REPATRIATION_STATUSES),
});
export const repatriationCompletedSchema = event('repatriation_completed', { repatriationId: uuid });
export const followUpRecordedSchema = event('follow_up_recorded', {
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: text.optional(),
});
export const restitutionOrderedSchema = event('restitution_ordered', {
  orderId: uuid,
  amount: positiveAmount,
  currency,
  courtCaseReference: shortText.optional(),
});
export const restitutionPaidSchema = event('restitution_paid', { orderId: uuid, amount: positiveAmount });
export const caseClosedSchema = event('case_closed', { reason: z.enum(CLOSURE_REASONS), note: text.optional() });
export const caseReopenedSchema = event('case_reopened', { reason: text });

export const victimCaseEventSchema = z.discriminatedUnion('type', [
  caseOpenedSchema,
  identificationRecordedSchema,
  exploitationRecordedSchema,
  consentGivenSchema,
  consentWithdrawnSchema,
  referralMadeSchema,
  referralAnsweredSchema,
  serviceStartedSchema,
  serviceEndedSchema,
  custodyTransferredSchema,
  guardianshipConsentRecordedSchema,
  returnedToFamilySchema,
  repatriationRecordedSchema,
  repatriationCompletedSchema,
  followUpRecordedSchema,
  restitutionOrderedSchema,
  restitutionPaidSchema,
  caseClosedSchema,
  caseReopenedSchema,
]);

export type VictimCaseEvent = z.infer<typeof victimCaseEventSchema>;
export type VictimCaseEventType = VictimCaseEvent['type'];
/** The event of one type, e.g. `EventOf<'referral_made'>`. */
export type EventOf<T extends VictimCaseEventType> = Extract<VictimCaseEvent, { type: T }>;
export const VICTIM_CASE_EVENT_TYPES = victimCaseEventSchema.options.map((o) => o.shape.type.value);

export type CaseSource = (typeof CASE_SOURCES)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export type ReferralAnswer = (typeof REFERRAL_ANSWERS)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type GuardianshipConsentBy = (typeof GUARDIANSHIP_CONSENT_BY)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RepatriationDirection = (typeof REPATRIATION_DIRECTIONS)[number];
export type RepatriationStatus = (typeof REPATRIATION_STATUSES)[number];
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
