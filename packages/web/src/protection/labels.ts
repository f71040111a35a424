/**
 * Translation keys for the codes of the protection API (its enums, the same in every country).
 * Country-specific codes (organisations, provinces, countries, code lists) come from the config.
 */
import type { TFunction } from 'i18next';
import { tk } from '../i18n';

export type Labels = Readonly<Record<string, string>>;

export const SITES: Labels = {
  border_transit_centre: tk('Border transit centre'),
  labour_inspection: tk('Labour inspection'),
  consular_interview: tk('Consular interview'),
  police_operation: tk('Police operation'),
  hotline: tk('Hotline'),
  shelter_intake: tk('Shelter intake'),
};

export const SEXES: Labels = { female: tk('Female'), male: tk('Male'), other: tk('Other'), unknown: tk('Unknown') };

export const RESULTS: Labels = { possible_victim: tk('Possible victim'), not_indicated: tk('Not indicated') };

export const CASE_STATUSES: Labels = { open: tk('Open'), closed: tk('Closed') };

export const IDENTIFICATION: Labels = {
  possible: tk('Possible victim'),
  identified: tk('Formally identified'),
  not_identified: tk('Not identified'),
};

export const CONSENT_PURPOSES: Labels = {
  referral: tk('Referral'),
  services: tk('Services'),
  data_sharing: tk('Data sharing'),
  repatriation: tk('Repatriation'),
  identity_storage: tk('Keeping identity'),
};

export const CONSENT_GIVERS: Labels = { person: tk('The person'), guardian: tk('Guardian') };

export const REFERRAL_STATUSES: Labels = { pending: tk('Pending'), accepted: tk('Accepted'), declined: tk('Declined') };

export const SERVICE_TYPES: Labels = {
  shelter: tk('Shelter'),
  medical: tk('Medical care'),
  psycho_social: tk('Psycho-social support'),
  legal: tk('Legal aid'),
  vocational: tk('Vocational training'),
  family_tracing: tk('Family tracing'),
};

export const SERVICE_STATUSES: Labels = { open: tk('Ongoing'), ended: tk('Ended') };

export const DIRECTIONS: Labels = {
  home_from_abroad: tk('Brought home from abroad'),
  foreign_returned_home: tk('Foreign victim returned home'),
};

export const REPATRIATION_STATUSES: Labels = { awaiting: tk('Awaiting'), completed: tk('Completed') };

export const CLOSURE_REASONS: Labels = {
  reintegrated: tk('Reintegrated'),
  repatriated: tk('Repatriated'),
  not_a_victim: tk('Not a victim'),
  deceased: tk('Deceased'),
  lost_contact: tk('Lost contact'),
  transferred: tk('Transferred'),
  other: tk('Other'),
};

export const CASE_SOURCES: Labels = {
  screening: tk('Screening'),
  referral: tk('Referral'),
  police_operation: tk('Police operation'),
  consular: tk('Consular'),
  hotline: tk('Hotline'),
  shelter_intake: tk('Shelter intake'),
  labour_inspection: tk('Labour inspection'),
  other: tk('Other'),
};

export const GUARDIANSHIP_BY: Labels = {
  parent: tk('Parent'),
  relative: tk('Relative'),
  legal_guardian: tk('Legal guardian'),
};

export const RISK_LEVELS: Labels = { low: tk('Low'), medium: tk('Medium'), high: tk('High') };

export const FOLLOW_UP_OUTCOMES: Labels = {
  reintegrated: tk('Reintegrated'),
  at_risk: tk('At risk'),
  lost_contact: tk('Lost contact'),
  other: tk('Other'),
};

export const EVENT_TYPES: Labels = {
  case_opened: tk('Case opened'),
  identification_recorded: tk('Identification recorded'),
  exploitation_recorded: tk('Exploitation recorded'),
  consent_given: tk('Consent given'),
  consent_withdrawn: tk('Consent withdrawn'),
  referral_made: tk('Referred'),
  referral_answered: tk('Referral answered'),
  service_started: tk('Service started'),
  service_ended: tk('Service ended'),
  custody_transferred: tk('Custody transferred'),
  guardianship_consent_recorded: tk('Guardianship consent recorded'),
  returned_to_family: tk('Returned to family'),
  repatriation_recorded: tk('Repatriation recorded'),
  repatriation_completed: tk('Repatriation completed'),
  follow_up_recorded: tk('Follow-up recorded'),
  restitution_ordered: tk('Restitution ordered'),
  restitution_paid: tk('Restitution paid'),
  case_closed: tk('Case closed'),
  case_reopened: tk('Case reopened'),
};

export const ALERT_KINDS: Labels = {
  child_without_custody: tk('Child without formal custody'),
  repatriation_overdue: tk('Repatriation waiting too long'),
  referral_unanswered: tk('Referral not answered'),
  restitution_unpaid: tk('Restitution not paid'),
};

/** Organisation types of the configuration schema, for grouping organisation lists. */
export const ORGANISATION_TYPES: Labels = {
  'national-committee': tk('National committee'),
  'provincial-committee': tk('Provincial committees'),
  ministry: tk('Ministries'),
  police: tk('Police'),
  prosecutor: tk('Prosecutors'),
  court: tk('Courts'),
  'social-affairs': tk('Social affairs'),
  consular: tk('Consular services'),
  'diplomatic-mission': tk('Diplomatic missions'),
  'labour-inspectorate': tk('Labour inspection'),
  ngo: tk('NGOs'),
  'international-organisation': tk('International organisations'),
  oversight: tk('Oversight'),
  immigration: tk('Immigration'),
};

/** The label of a code in the current language; an unknown code shows as itself. */
export function label(labels: Labels, code: string | null | undefined, t: TFunction): string {
  if (code === null || code === undefined) return '';
  const key = labels[code];
  return key ? t(key) : code;
}
