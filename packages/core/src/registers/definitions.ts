import { ALL_INDICATORS, DEBT_BONDAGE_INDICATORS, INSPECTION_SECTORS } from './checklists.ts';
import { field, type FieldSpec } from './fields.ts';

/**
 * The prevention and oversight registers: each is a list of fields (fields.ts), the organisation
 * types that record it, and cross-field rules. Records are stored generically (one table, one
 * history) and validated from these definitions; the web app builds its forms from them.
 */
export interface RegisterDefinition {
  readonly id: RegisterId;
  readonly fields: readonly FieldSpec[];
  /** Organisation types whose users (with `register.write`) may record it. */
  readonly recordedBy: readonly string[];
  /** The field giving the record's province, for province scopes (absent: none). */
  readonly provinceField?: string;
  /** Fields shown in the list, in order. */
  readonly summary: readonly string[];
  /** Cross-field rules: the first broken one, as a field path and message. */
  readonly check?: (r: Readonly<Record<string, unknown>>) => { path: string; message: string } | null;
  /** Fields computed from the others on every write (never taken from input). */
  readonly derive?: (r: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

export const REGISTER_IDS = [
  'trainings',
  'campaigns',
  'establishments',
  'inspections',
  'recruitment_agencies',
  'brokers',
  'lenders',
  'budgets',
  'action_plans',
  'action_plan_submissions',
  'action_plan_activities',
  'visa_screenings',
  'border_passes',
] as const;
export type RegisterId = (typeof REGISTER_IDS)[number];

export const TRAINING_AUDIENCES = [
  'law_enforcement',
  'commune_provincial_officials',
  'judicial_staff',
  'ngo_workers',
  'teachers_education_officials',
  'diplomats',
  'military_before_deployment',
  'labour_inspectors',
  'other',
] as const;

const COMMITTEES = ['national-committee', 'provincial-committee'];
const INSPECTORS = ['labour-inspectorate'];
const after = (r: Readonly<Record<string, unknown>>, from: string, to: string, what: string) =>
  typeof r[from] === 'string' && typeof r[to] === 'string' && (r[to] as string) < (r[from] as string)
    ? { path: to, message: `is before ${from} — ${what}` }
    : null;

const definitions: readonly RegisterDefinition[] = [
  {
    id: 'trainings',
    recordedBy: [...COMMITTEES, 'ministry', 'police', 'ngo', 'international-organisation'],
    provinceField: 'province',
    summary: ['date', 'topic', 'audience', 'province', 'participantsTotal'],
    fields: [
      field.organisation('organiserOrganisationId'),
      field.date('date'),
      field.province('province', false),
      field.text('topic'),
      field.enum('audience', TRAINING_AUDIENCES),
      field.integer('participantsFemale'),
      field.integer('participantsMale'),
    ],
    derive: (r) => ({ participantsTotal: Number(r['participantsFemale'] ?? 0) + Number(r['participantsMale'] ?? 0) }),
  },
  {
    id: 'campaigns',
    recordedBy: [...COMMITTEES, 'ministry', 'ngo', 'international-organisation', 'consular'],
    provinceField: 'province',
    summary: ['startDate', 'target', 'channel', 'province', 'reach'],
    fields: [
      field.organisation('organiserOrganisationId'),
      field.date('startDate'),
      field.date('endDate', false),
      field.province('province', false),
      field.country('country', false),
      field.enum('audience', [
        'general_public',
        'migrant_workers',
        'hospitality_staff',
        'students',
        'parents',
        'employers',
        'tourists',
        'officials',
      ]),
      field.enum('channel', [
        'radio',
        'television',
        'social_media',
        'print',
        'community_meeting',
        'school_session',
        'outreach_team',
      ]),
      field.enum('target', [
        'domestic_demand_commercial_sex',
        'safe_migration',
        'hospitality_staff',
        'child_sex_tourism',
        'labour_rights',
        'migrant_documentation',
      ]),
      field.integer('reach'),
      field.integer('officialsDeployed', false),
    ],
    check: (r) => after(r, 'startDate', 'endDate', 'a campaign ends on or after its start'),
  },
  {
    id: 'establishments',
    recordedBy: [...INSPECTORS, 'police', 'provincial-committee'],
    provinceField: 'province',
    summary: ['kind', 'name', 'province', 'ownerName'],
    fields: [
      field.enum('kind', [
        'brick_kiln',
        'fishing_vessel',
        'plantation',
        'factory',
        'karaoke_bar',
        'massage_parlour',
        'hotel',
        'other',
      ]),
      field.text('name'),
      field.province('province'),
      field.text('location'),
      field.text('ownerName'),
      field.text('registrationNumber', false),
      field.enum('status', ['operating', 'suspended', 'closed'], false),
    ],
  },
  {
    id: 'inspections',
    recordedBy: INSPECTORS,
    provinceField: 'province',
    summary: ['date', 'sector', 'province', 'debtBondage', 'outcome'],
    fields: [
      field.organisation('inspectorOrganisationId', INSPECTORS),
      field.date('date'),
      field.province('province'),
      field.enum('sector', INSPECTION_SECTORS),
      /** The establishment, agency, broker or lender inspected (its register follows from the sector). */
      field.reference('subjectId', 'establishments', false),
      field.enumList('indicators', ALL_INDICATORS),
      field.integer('workersInterviewed'),
      field.longText('findings', false),
      field.enum('outcome', [
        'no_violation',
        'warning',
        'fine',
        'suspension',
        'closure',
        'referred_protection',
        'referred_police',
      ]),
      // Set by the one-step referrals (POST …/refer-protection, …/refer-police).
      { ...field.idList('victimCaseIds', false), readOnly: true },
      { ...field.organisation('referredToPoliceOrganisationId', ['police'], false), readOnly: true },
      { ...field.date('referredToPoliceOn', false), readOnly: true },
    ],
    derive: (r) => ({
      debtBondage: ((r['indicators'] as string[] | undefined) ?? []).some((c) => DEBT_BONDAGE_INDICATORS.has(c)),
    }),
  },
  {
    id: 'recruitment_agencies',
    recordedBy: [...INSPECTORS, 'ministry'],
    provinceField: 'province',
    summary: ['name', 'licenceStatus', 'licenceValidTo', 'province'],
    fields: [
      field.text('name'),
      field.text('licenceNumber', false),
      field.enum('licenceStatus', ['licensed', 'suspended', 'revoked', 'expired', 'unlicensed']),
      field.date('licenceValidFrom', false),
      field.date('licenceValidTo', false),
      field.province('province'),
      field.text('address', false),
      field.date('closedOn', false),
      field.integer('arrests', false),
      field.idList('criminalCaseIds', false),
      field.country('destinationCountry', false),
    ],
    check: (r) =>
      after(r, 'licenceValidFrom', 'licenceValidTo', 'a licence ends after it starts') ??
      (r['licenceStatus'] === 'licensed' && !r['licenceNumber']
        ? { path: 'licenceNumber', message: 'is missing — a licensed agency has a licence number' }
        : null),
  },
  {
    id: 'brokers',
    recordedBy: [...INSPECTORS, 'ministry'],
    provinceField: 'province',
    summary: ['name', 'agencyId', 'province', 'status'],
    fields: [
      field.reference('agencyId', 'recruitment_agencies'),
      field.text('name'),
      field.province('province'),
      field.date('subLicensedOn', false),
      field.enum('status', ['active', 'suspended', 'terminated']),
    ],
  },
  {
    id: 'lenders',
    recordedBy: [...INSPECTORS, 'ministry'],
    provinceField: 'province',
    summary: ['name', 'kind', 'province', 'status'],
    fields: [
      field.text('name'),
      field.enum('kind', ['microfinance_institution', 'private_lender', 'rural_credit_operator', 'bank']),
      field.text('registrationNumber', false),
      field.province('province'),
      field.enum('status', ['registered', 'unregistered', 'suspended', 'closed']),
    ],
  },
  {
    id: 'budgets',
    recordedBy: COMMITTEES,
    summary: ['bodyOrganisationId', 'fiscalYear', 'amountKhr', 'amountUsd'],
    fields: [
      field.organisation('bodyOrganisationId', COMMITTEES),
      field.year('fiscalYear'),
      field.amount('amountKhr'),
      /** Riels per US dollar, as stated with the budget. */
      field.decimal('exchangeRateKhrPerUsd', true),
      field.text('purpose'),
    ],
    check: (r) =>
      typeof r['exchangeRateKhrPerUsd'] === 'number' && r['exchangeRateKhrPerUsd'] <= 0
        ? { path: 'exchangeRateKhrPerUsd', message: 'must be more than 0 riels per dollar' }
        : null,
    derive: (r) => ({ amountUsd: Math.round(Number(r['amountKhr']) / Number(r['exchangeRateKhrPerUsd'])) }),
  },
  {
    id: 'action_plans',
    recordedBy: COMMITTEES,
    summary: ['bodyOrganisationId', 'title', 'fromYear', 'toYear'],
    fields: [
      field.organisation('bodyOrganisationId', COMMITTEES),
      field.enum('level', ['national', 'provincial']),
      field.text('title'),
      field.year('fromYear'),
      field.year('toYear'),
    ],
    check: (r) =>
      typeof r['fromYear'] === 'number' && typeof r['toYear'] === 'number' && r['toYear'] < r['fromYear']
        ? { path: 'toYear', message: 'is before fromYear — a plan ends on or after the year it starts' }
        : null,
  },
  {
    id: 'action_plan_submissions',
    recordedBy: COMMITTEES,
    summary: ['planId', 'year', 'submittedOn'],
    fields: [field.reference('planId', 'action_plans'), field.year('year'), field.date('submittedOn')],
  },
  {
    id: 'action_plan_activities',
    recordedBy: COMMITTEES,
    summary: ['planId', 'description', 'dueDate', 'status'],
    fields: [
      field.reference('planId', 'action_plans'),
      field.text('description'),
      field.organisation('ownerOrganisationId'),
      field.date('dueDate'),
      field.enum('status', ['planned', 'in_progress', 'done', 'dropped']),
      field.longText('evidence', false),
    ],
  },
  {
    id: 'visa_screenings',
    recordedBy: ['consular', 'diplomatic-mission'],
    summary: ['date', 'missionOrganisationId', 'riskIndicators', 'outcome'],
    fields: [
      field.organisation('missionOrganisationId', ['consular', 'diplomatic-mission']),
      field.date('date'),
      field.enumList('riskIndicators', [
        'broker_arranged',
        'large_age_gap',
        'no_common_language',
        'payment_to_family',
        'brief_acquaintance',
        'spouse_prior_foreign_marriages',
        'applicant_minor_or_near_minor',
      ]),
      field.enum('outcome', ['cleared', 'counselled', 'referred', 'refused']),
    ],
  },
  {
    id: 'border_passes',
    recordedBy: ['immigration', 'national-committee', 'ministry'],
    provinceField: 'province',
    summary: ['crossing', 'periodStart', 'periodEnd', 'issued'],
    fields: [
      field.text('crossing'),
      field.province('province', false),
      field.date('periodStart'),
      field.date('periodEnd'),
      field.integer('issued'),
    ],
    check: (r) => after(r, 'periodStart', 'periodEnd', 'a period ends on or after it starts'),
  },
];

export const REGISTERS: Readonly<Record<RegisterId, RegisterDefinition>> = Object.fromEntries(
  definitions.map((d) => [d.id, d]),
) as Record<RegisterId, RegisterDefinition>;

export function isRegisterId(value: string): value is RegisterId {
  return (REGISTER_IDS as readonly string[]).includes(value);
}

/** The fields a register computes on every write (never taken from input). */
export function derivedFields(def: RegisterDefinition): string[] {
  return Object.keys(def.derive?.({}) ?? {});
}
