/**
 * Translation keys for the registers: their names and descriptions, the groups of the index, and
 * every field and option code of the definitions GET /api/registers sends. Codes are the same in
 * every country; labels.test.ts checks that every field and option of the definitions has one here
 * (and the locales test, that each key is in both languages).
 */
import type { TFunction } from 'i18next';
import { tk } from './keys';
import type { Labels } from '../protection/labels';

export const REGISTER_NAMES: Labels = {
  trainings: tk('Trainings'),
  campaigns: tk('Awareness campaigns'),
  establishments: tk('Establishments'),
  inspections: tk('Labour inspections'),
  recruitment_agencies: tk('Recruitment agencies'),
  brokers: tk('Brokers'),
  lenders: tk('Lending institutions'),
  budgets: tk('Budgets'),
  action_plans: tk('Action plans'),
  action_plan_submissions: tk('Action plan submissions'),
  action_plan_activities: tk('Action plan activities'),
  visa_screenings: tk('Marriage-visa screenings'),
  border_passes: tk('Border passes'),
};

export const REGISTER_DESCRIPTIONS: Labels = {
  trainings: tk('Anti-trafficking trainings: organiser, date, province, topic, audience and participants by sex.'),
  campaigns: tk('Awareness campaigns: audience, channel, province, people reached and what each targets.'),
  establishments: tk(
    'Brick kilns, fishing vessels, plantations, factories, karaoke bars, massage parlours and hotels: where they are and who owns them.',
  ),
  inspections: tk(
    'Inspections by sector checklist, with the debt-bondage and forced-labour indicators found; findings lead to a victim case or a referral to police.',
  ),
  recruitment_agencies: tk(
    'Licences (number, status, validity), suspensions and closures, arrests and the criminal cases linked.',
  ),
  brokers: tk('Brokers to whom a recruitment agency sub-licenses its name, and their status.'),
  lenders: tk('Micro-finance institutions, private lenders and other lenders: registration and status.'),
  budgets: tk(
    'Budgets of the committees by fiscal year, in riels, with the US-dollar value at the stated exchange rate.',
  ),
  action_plans: tk('The national action plan and the provincial plans, with the years they cover.'),
  action_plan_submissions: tk('Whether each plan was submitted, year by year.'),
  action_plan_activities: tk('The activities of each plan: who is responsible, due date, status and evidence.'),
  visa_screenings: tk('Consular screenings of marriage-visa applications against risk profiles.'),
  border_passes: tk('Border passes issued, by period and border crossing.'),
};

/** The index's groups, in order, and the registers in each (a register the server adds later goes last). */
export const REGISTER_GROUPS: readonly { id: string; label: string; registers: readonly string[] }[] = [
  { id: 'prevention', label: tk('Prevention'), registers: ['trainings', 'campaigns'] },
  {
    id: 'labour',
    label: tk('Labour'),
    registers: ['establishments', 'inspections', 'recruitment_agencies', 'brokers', 'lenders'],
  },
  {
    id: 'planning',
    label: tk('Planning and budgets'),
    registers: ['budgets', 'action_plans', 'action_plan_submissions', 'action_plan_activities'],
  },
  { id: 'consular', label: tk('Consular and border'), registers: ['visa_screenings', 'border_passes'] },
];

/** Field names, the same label in every register unless FIELD_OVERRIDES gives one for `register.field`. */
export const FIELD_LABELS: Labels = {
  organiserOrganisationId: tk('Organiser'),
  date: tk('Date'),
  province: tk('Province'),
  topic: tk('Topic'),
  audience: tk('Audience'),
  participantsFemale: tk('Participants (women)'),
  participantsMale: tk('Participants (men)'),
  participantsTotal: tk('Participants'),
  startDate: tk('Start date'),
  endDate: tk('End date'),
  country: tk('Country'),
  channel: tk('Channel'),
  target: tk('Target'),
  reach: tk('People reached'),
  officialsDeployed: tk('Officials deployed'),
  kind: tk('Kind'),
  name: tk('Name'),
  location: tk('Location'),
  ownerName: tk('Owner'),
  registrationNumber: tk('Registration number'),
  status: tk('Status'),
  inspectorOrganisationId: tk('Inspectorate'),
  sector: tk('Sector'),
  subjectId: tk('Place inspected'),
  indicators: tk('Indicators found'),
  workersInterviewed: tk('Workers interviewed'),
  findings: tk('Findings'),
  outcome: tk('Outcome'),
  debtBondage: tk('Debt bondage'),
  victimCaseIds: tk('Victim cases opened'),
  referredToPoliceOrganisationId: tk('Referred to police unit'),
  referredToPoliceOn: tk('Referred to police on'),
  licenceNumber: tk('Licence number'),
  licenceStatus: tk('Licence status'),
  licenceValidFrom: tk('Licence valid from'),
  licenceValidTo: tk('Licence valid until'),
  address: tk('Address'),
  closedOn: tk('Closed on'),
  arrests: tk('People arrested'),
  criminalCaseIds: tk('Criminal cases'),
  destinationCountry: tk('Destination country'),
  agencyId: tk('Recruitment agency'),
  subLicensedOn: tk('Sub-licensed on'),
  bodyOrganisationId: tk('Committee'),
  fiscalYear: tk('Fiscal year'),
  amountKhr: tk('Amount (riels)'),
  exchangeRateKhrPerUsd: tk('Exchange rate (riels per US dollar)'),
  purpose: tk('Purpose'),
  amountUsd: tk('Amount (US dollars)'),
  level: tk('Level'),
  title: tk('Title'),
  fromYear: tk('From year'),
  toYear: tk('To year'),
  planId: tk('Action plan'),
  year: tk('Year'),
  submittedOn: tk('Submitted on'),
  description: tk('Description'),
  ownerOrganisationId: tk('Responsible organisation'),
  dueDate: tk('Due date'),
  evidence: tk('Evidence'),
  missionOrganisationId: tk('Mission'),
  riskIndicators: tk('Risk indicators'),
  crossing: tk('Border crossing'),
  periodStart: tk('Period start'),
  periodEnd: tk('Period end'),
  issued: tk('Border passes issued'),
};

/** Labels for a field of one register only ("register.field"). */
export const FIELD_OVERRIDES: Labels = {
  'establishments.kind': tk('Kind of establishment'),
  'lenders.kind': tk('Kind of lender'),
  'trainings.date': tk('Date of the training'),
  'inspections.date': tk('Date of the inspection'),
  'visa_screenings.date': tk('Date of the screening'),
};

/** Option codes, the same label in every field unless OPTION_OVERRIDES gives one for `field.code`. */
export const OPTION_LABELS: Labels = {
  // training audiences
  law_enforcement: tk('Law enforcement'),
  commune_provincial_officials: tk('Commune and provincial officials'),
  judicial_staff: tk('Judicial staff'),
  ngo_workers: tk('NGO workers'),
  teachers_education_officials: tk('Teachers and education officials'),
  diplomats: tk('Diplomats'),
  military_before_deployment: tk('Military before deployment'),
  labour_inspectors: tk('Labour inspectors'),
  other: tk('Other'),
  // campaign audiences, channels and targets
  general_public: tk('General public'),
  migrant_workers: tk('Migrant workers'),
  hospitality_staff: tk('Hospitality staff'),
  students: tk('Students'),
  parents: tk('Parents'),
  employers: tk('Employers'),
  tourists: tk('Tourists'),
  officials: tk('Officials'),
  radio: tk('Radio'),
  television: tk('Television'),
  social_media: tk('Social media'),
  print: tk('Print'),
  community_meeting: tk('Community meeting'),
  school_session: tk('School session'),
  outreach_team: tk('Outreach team'),
  domestic_demand_commercial_sex: tk('Domestic demand for commercial sex'),
  safe_migration: tk('Safe migration'),
  child_sex_tourism: tk('Child sex tourism'),
  labour_rights: tk('Labour rights'),
  migrant_documentation: tk('Documents for migrant workers'),
  // establishments and inspection sectors
  brick_kiln: tk('Brick kiln'),
  fishing_vessel: tk('Fishing vessel'),
  plantation: tk('Plantation'),
  factory: tk('Factory'),
  karaoke_bar: tk('Karaoke bar'),
  massage_parlour: tk('Massage parlour'),
  hotel: tk('Hotel'),
  recruitment_agency: tk('Recruitment agency'),
  sub_licensed_broker: tk('Sub-licensed broker'),
  lending_institution: tk('Lending institution'),
  // statuses
  operating: tk('Operating'),
  suspended: tk('Suspended'),
  closed: tk('Closed'),
  licensed: tk('Licensed'),
  revoked: tk('Revoked'),
  expired: tk('Expired'),
  unlicensed: tk('Unlicensed'),
  active: tk('Active'),
  terminated: tk('Terminated'),
  registered: tk('Registered'),
  unregistered: tk('Unregistered'),
  planned: tk('Planned'),
  in_progress: tk('In progress'),
  done: tk('Done'),
  dropped: tk('Dropped'),
  // inspection indicators
  advance_payment_debt: tk('Debt from an advance on wages'),
  debt_passed_to_family: tk('Debt passed on to the family'),
  wages_withheld_against_debt: tk('Wages withheld against a debt'),
  not_free_to_leave_until_repaid: tk('Not free to leave until the debt is repaid'),
  children_working: tk('Children working'),
  whole_family_recruited: tk('Whole family recruited'),
  excessive_hours: tk('Excessive working hours'),
  no_written_contract: tk('No written contract'),
  recruitment_debt: tk('Debt from recruitment'),
  documents_withheld: tk('Identity documents withheld'),
  confined_on_vessel: tk('Confined on the vessel'),
  transshipment_at_sea: tk('Transshipment at sea'),
  physical_violence: tk('Physical violence'),
  housing_or_food_debt: tk('Debt for housing or food'),
  threats: tk('Threats'),
  fees_charged_to_workers: tk('Recruitment fees charged to workers'),
  deceptive_job_offer: tk('Deceptive job offer'),
  contract_substitution: tk('Contract substitution'),
  confinement_in_training_centre: tk('Confinement in a training centre'),
  unlicensed_sub_broker: tk('Unlicensed sub-broker'),
  minors_recruited: tk('Minors recruited'),
  land_title_collateral_for_migration: tk('Land title held as collateral for migration'),
  loan_repaid_by_labour: tk('Loan repaid by labour'),
  interest_above_legal_cap: tk('Interest above the legal cap'),
  loan_tied_to_employer: tk('Loan tied to the employer'),
  coercive_collection: tk('Coercive debt collection'),
  // inspection outcomes
  no_violation: tk('No violation'),
  warning: tk('Warning'),
  fine: tk('Fine'),
  suspension: tk('Suspension'),
  closure: tk('Closure'),
  referred_protection: tk('Referred for protection'),
  referred_police: tk('Referred to police'),
  // lenders
  microfinance_institution: tk('Microfinance institution'),
  private_lender: tk('Private lender'),
  rural_credit_operator: tk('Rural credit operator'),
  bank: tk('Bank'),
  // action plans
  national: tk('National'),
  provincial: tk('Provincial'),
  // marriage-visa screenings
  broker_arranged: tk('Arranged by a broker'),
  large_age_gap: tk('Large age gap'),
  no_common_language: tk('No common language'),
  payment_to_family: tk('Payment to the family'),
  brief_acquaintance: tk('Brief acquaintance'),
  spouse_prior_foreign_marriages: tk('Spouse married foreigners before'),
  applicant_minor_or_near_minor: tk('Applicant is a minor or nearly one'),
  cleared: tk('Cleared'),
  counselled: tk('Counselled'),
  referred: tk('Referred'),
  refused: tk('Refused'),
};

/** Labels for an option of one field only ("field.code"). */
export const OPTION_OVERRIDES: Labels = {};

/** The translated name of a register (its id when unknown). */
export function registerName(id: string, t: TFunction): string {
  const key = REGISTER_NAMES[id];
  return key ? t(key) : id;
}

export function registerDescription(id: string, t: TFunction): string {
  const key = REGISTER_DESCRIPTIONS[id];
  return key ? t(key) : '';
}

/** The translated label of a register's field (its name when unknown). */
export function fieldLabel(register: string, name: string, t: TFunction): string {
  const key = FIELD_OVERRIDES[`${register}.${name}`] ?? FIELD_LABELS[name];
  return key ? t(key) : name;
}

/** The translated label of an option code of a field (the code when unknown). */
export function optionLabel(field: string, code: string, t: TFunction): string {
  const key = OPTION_OVERRIDES[`${field}.${code}`] ?? OPTION_LABELS[code];
  return key ? t(key) : code;
}
