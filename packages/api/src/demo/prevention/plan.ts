import { INSPECTION_CHECKLISTS, DEBT_BONDAGE_INDICATORS, type InspectionSector, type RegisterId } from '@ctis/core';
import { COMMUNES, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, VILLAGES } from '../protection/names.ts';
import { addDays, apportion, Prng } from '../protection/prng.ts';
import { PREVENTION_CHOSEN, PREVENTION_FIGURES } from './figures.ts';

/**
 * The prevention demo as a plan, before anything is written: register records (packages/core/src/
 * registers) as the forms would send them, each with the organisation whose user records it and the
 * later versions it goes through (a licence suspended, a kiln closed, a firm shut down). Pure and
 * deterministic: the same seed gives the same plan, placeholder ids included. A record's `key` is a
 * placeholder id (a UUID drawn from the seed); reference fields (brokers.agencyId, inspections.subjectId,
 * action_plan_submissions.planId, action_plan_activities.planId) hold the key of a record planned
 * before them, which the loader replaces with the id the database gives.
 *
 * The figures (figures.ts) fix the totals; the seed decides dates, places, names, and how totals
 * divide among records.
 */

export const PREVENTION_DEMO_SEED = 20_180_630;

/** The demo's time span (facts dated from 2016 to March 2018; national plan activities from 2014). */
export const DEMO_START = '2016-01-01';
export const DEMO_END = '2018-03-31';

/** Organisations the counting rules name (ids from config/countries/KHM.json). */
export const ORG = {
  /** The national committee: organiser of the NCCT trainings, body of the NCCT budget and the national plan. */
  ncct: 'ncct',
  /** The Ministry of Education, Youth and Sport: organiser of the teachers' and education officials' trainings. */
  education: 'moeys',
  labourInspectorate: 'mlvt-labour-inspection',
  labourMinistry: 'mlvt',
  immigration: 'gdi',
  consular: 'mfaic-consular',
  foreignAffairs: 'mfaic',
  tourism: 'mot',
  iom: 'iom-cambodia',
  ngo: 'chab-dai',
} as const;

/** The nine provincial committees with a provincial action plan (the report's "six out of nine"). */
export const PLAN_COMMITTEES = [
  { id: 'pctc-banteay-meanchey', province: 'KH-1', name: 'Banteay Meanchey' },
  { id: 'pctc-battambang', province: 'KH-2', name: 'Battambang' },
  { id: 'pctc-siem-reap', province: 'KH-17', name: 'Siem Reap' },
  { id: 'pctc-kampong-cham', province: 'KH-3', name: 'Kampong Cham' },
  { id: 'pctc-prey-veng', province: 'KH-14', name: 'Prey Veng' },
  { id: 'pctc-svay-rieng', province: 'KH-20', name: 'Svay Rieng' },
  { id: 'pctc-takeo', province: 'KH-21', name: 'Takeo' },
  { id: 'pctc-koh-kong', province: 'KH-9', name: 'Koh Kong' },
  { id: 'pctc-oddar-meanchey', province: 'KH-22', name: 'Oddar Meanchey' },
] as const;

/** Committees recording the entertainment establishments of their province. */
const ENTERTAINMENT_COMMITTEES = [
  { id: 'pctc-phnom-penh', province: 'KH-12' },
  { id: 'pctc-siem-reap', province: 'KH-17' },
  { id: 'pctc-preah-sihanouk', province: 'KH-18' },
] as const;

/** International checkpoints on the Thai border where border passes are issued. */
export const CROSSINGS = [
  { crossing: 'Poipet', province: 'KH-1', weight: 42 },
  { crossing: 'Doung', province: 'KH-2', weight: 16 },
  { crossing: "O'Smach", province: 'KH-22', weight: 15 },
  { crossing: 'Cham Yeam', province: 'KH-9', weight: 15 },
  { crossing: 'Psar Prom', province: 'KH-24', weight: 12 },
] as const;

/** Consular missions screening marriage-visa applications. */
const SCREENING_MISSIONS = [
  { id: 'mfaic-consular', weight: 70 },
  { id: 'embassy-chn', weight: 18 },
  { id: 'embassy-kor', weight: 12 },
] as const;

/** Every organisation the demo acts as or names. */
export const PREVENTION_ORGANISATIONS: readonly string[] = [
  ...Object.values(ORG),
  ...PLAN_COMMITTEES.map((c) => c.id),
  ...ENTERTAINMENT_COMMITTEES.map((c) => c.id),
  ...SCREENING_MISSIONS.map((m) => m.id),
  'embassy-mys',
  'ncct-secretariat',
  'moi',
  'gcnp',
  'mosavy',
  'moj',
];

export type PlannedData = Readonly<Record<string, unknown>>;

export interface PlannedRegisterRecord {
  /** Placeholder id (a UUID from the seed); other records' reference fields point to it. */
  readonly key: string;
  readonly register: RegisterId;
  /** The organisation whose user records it (and every later version). */
  readonly by: string;
  /** The record as first entered (the form's fields; derived fields are added on write). */
  readonly data: PlannedData;
  /** Later versions, in order, each the whole record as the edit form sends it. */
  readonly updates: readonly PlannedData[];
}

export interface PreventionPlan {
  readonly seed: number;
  /** In dependency order: a record comes after every record it references. */
  readonly records: readonly PlannedRegisterRecord[];
}

/** The latest version of a planned record (what the register holds once loaded). */
export function latest(r: PlannedRegisterRecord): PlannedData {
  return r.updates.at(-1) ?? r.data;
}

/** The reference fields whose values are planned record keys. */
export const REFERENCE_FIELDS: Readonly<Partial<Record<RegisterId, readonly string[]>>> = {
  brokers: ['agencyId'],
  inspections: ['subjectId'],
  action_plan_submissions: ['planId'],
  action_plan_activities: ['planId'],
};

// ---------------------------------------------------------------------------------------------
// Small helpers

/** The number of days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isWeekday(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
}

/** A working day in [from, to] (a weekend draw moves to the next Monday, or back to the Friday at the end). */
function workday(rng: Prng, from: string, to: string): string {
  let d = addDays(from, rng.int(0, daysBetween(from, to)));
  while (!isWeekday(d)) d = addDays(d, 1);
  if (d > to) {
    d = to;
    while (!isWeekday(d)) d = addDays(d, -1);
  }
  return d;
}

function monthEnd(year: number, month: number): string {
  return addDays(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
}

function personName(rng: Prng, sex: 'female' | 'male' = rng.chance(0.7) ? 'male' : 'female'): string {
  const family = rng.weighted(FAMILY_NAMES).latin[0];
  const given = rng.weighted(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES).latin[0];
  return `${family} ${given}`;
}

function place(rng: Prng): string {
  return `${rng.pick(VILLAGES)}, ${rng.pick(COMMUNES)}`;
}

/** Split `total` into `n` positive-ish parts with some spread (weights 0.6–1.4). */
function spread(rng: Prng, total: number, n: number): number[] {
  return apportion(
    total,
    Array.from({ length: n }, () => 0.6 + rng.next() * 0.8),
  );
}

/** Participants by sex, with a female share drawn around `femaleShare`. */
function bySex(
  rng: Prng,
  total: number,
  femaleShare: number,
): { participantsFemale: number; participantsMale: number } {
  const share = Math.min(0.95, Math.max(0, femaleShare + (rng.next() - 0.5) * 0.16));
  const female = Math.round(total * share);
  return { participantsFemale: female, participantsMale: total - female };
}

class Builder {
  readonly records: PlannedRegisterRecord[] = [];
  constructor(private readonly keys: Prng) {}

  add(register: RegisterId, by: string, data: PlannedData, updates: readonly PlannedData[] = []): string {
    const key = this.keys.uuid();
    this.records.push({ key, register, by, data: dropUndefined(data), updates: updates.map(dropUndefined) });
    return key;
  }
}

function dropUndefined(data: PlannedData): PlannedData {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

// ---------------------------------------------------------------------------------------------
// The plan

export function generatePreventionPlan(seed: number = PREVENTION_DEMO_SEED): PreventionPlan {
  const root = new Prng(seed);
  const b = new Builder(root.fork('keys'));
  trainings(b, root.fork('trainings'));
  budgets(b, root.fork('budgets'));
  actionPlans(b, root.fork('action-plans'));
  const subjects = {
    ...establishments(b, root.fork('establishments')),
    ...recruitment(b, root.fork('recruitment')),
    lenders: lenders(b, root.fork('lenders')),
  };
  inspections(b, root.fork('inspections'), subjects);
  campaigns(b, root.fork('campaigns'));
  visaScreenings(b, root.fork('visa-screenings'));
  borderPasses(b, root.fork('border-passes'));
  return { seed, records: b.records };
}

// --- Trainings -----------------------------------------------------------------------------------

const TOPICS: Readonly<Record<string, readonly string[]>> = {
  law_enforcement: [
    'Law on Suppression of Human Trafficking and Sexual Exploitation (2008)',
    'Identifying victims and referring them to services',
    'Interviewing child victims and witnesses',
    'Investigating labour trafficking and debt bondage',
    'Online sexual exploitation of children',
    'Cross-border cooperation and victim repatriation',
    'Undercover investigations and evidence for trial',
  ],
  commune_provincial_officials: [
    'Safe migration and the commune safety policy',
    'Identifying and referring victims at commune level',
    'Village-level prevention of trafficking',
    'The provincial referral mechanism',
  ],
  judicial_staff: [
    'Applying the 2008 law: trafficking versus related offences',
    'Victim-sensitive trials and witness protection',
    'Restitution for victims in criminal judgments',
  ],
  ngo_workers: [
    'Minimum standards for victim protection',
    'Case management and referral to the state',
    'Reintegration and family tracing',
  ],
  teachers_education_officials: [
    'Teaching safe migration and trafficking prevention in lower secondary schools',
    'Recognising pupils at risk of trafficking and exploitation',
    'Life-skills curriculum: migration, labour rights and trafficking',
  ],
  diplomats: ['Consular protection of trafficked nationals abroad'],
  military_before_deployment: ['Trafficking and sexual exploitation: conduct on peacekeeping missions'],
  labour_inspectors: ['Labour inspection checklists: forced labour and debt-bondage indicators'],
};

/** Where NCCT trainings of law enforcement are held (with weights). */
const TRAINING_PROVINCES: readonly (readonly [string, number])[] = [
  ['KH-12', 20],
  ['KH-1', 10],
  ['KH-2', 8],
  ['KH-17', 8],
  ['KH-18', 7],
  ['KH-3', 5],
  ['KH-8', 5],
  ['KH-14', 4],
  ['KH-20', 4],
  ['KH-21', 4],
  ['KH-22', 4],
  ['KH-9', 3],
  ['KH-7', 3],
  ['KH-6', 3],
  ['KH-15', 2],
  ['KH-10', 2],
  ['KH-16', 2],
  ['KH-19', 2],
  ['KH-24', 2],
  ['KH-25', 2],
];

/** Provinces the Ministry of Education may train in (six are drawn for 2017). */
const EDUCATION_PROVINCES = ['KH-1', 'KH-2', 'KH-3', 'KH-14', 'KH-20', 'KH-21', 'KH-22', 'KH-17', 'KH-6', 'KH-5'];

function training(
  b: Builder,
  rng: Prng,
  by: string,
  o: { organiser: string; date: string; province?: string; audience: string; total: number; femaleShare: number },
): void {
  b.add('trainings', by, {
    organiserOrganisationId: o.organiser,
    date: o.date,
    province: o.province,
    topic: rng.pick(TOPICS[o.audience]!),
    audience: o.audience,
    ...bySex(rng, o.total, o.femaleShare),
  });
}

function trainings(b: Builder, rng: Prng): void {
  // The NCCT's trainings of law enforcement: 66 to 1,577 officers in 2017 (none counted in 2016: not
  // stated), and some in early 2018.
  const le = PREVENTION_FIGURES.trainingsLawEnforcement[2017];
  const leDates = Array.from({ length: le.trainings }, () => workday(rng, '2017-01-09', '2017-12-22')).sort();
  spread(rng, le.participants, le.trainings).forEach((total, i) =>
    training(b, rng, ORG.ncct, {
      organiser: ORG.ncct,
      date: leDates[i]!,
      province: rng.weighted(TRAINING_PROVINCES),
      audience: 'law_enforcement',
      total,
      femaleShare: 0.12,
    }),
  );
  const le2018 = spread(rng, 281, 12);
  le2018.forEach((total) =>
    training(b, rng, ORG.ncct, {
      organiser: ORG.ncct,
      date: workday(rng, '2018-01-08', '2018-03-30'),
      province: rng.weighted(TRAINING_PROVINCES),
      audience: 'law_enforcement',
      total,
      femaleShare: 0.12,
    }),
  );

  // The NCCT's sessions for commune and provincial officials, judicial staff and NGO workers: 7,689
  // participants in 2016; none in 2017 (not reported); a few in early 2018.
  const other = PREVENTION_CHOSEN.otherParticipants2016;
  const sessions = { commune_provincial_officials: 100, judicial_staff: 28, ngo_workers: 42 } as const;
  const share = { commune_provincial_officials: 0.3, judicial_staff: 0.32, ngo_workers: 0.58 } as const;
  for (const audience of ['commune_provincial_officials', 'judicial_staff', 'ngo_workers'] as const) {
    spread(rng, other[audience], sessions[audience]).forEach((total) =>
      training(b, rng, ORG.ncct, {
        organiser: ORG.ncct,
        date: workday(rng, '2016-01-11', '2016-12-23'),
        province: audience === 'judicial_staff' && rng.chance(0.5) ? 'KH-12' : rng.weighted(TRAINING_PROVINCES),
        audience,
        total,
        femaleShare: share[audience],
      }),
    );
  }
  for (const audience of ['commune_provincial_officials', 'commune_provincial_officials', 'judicial_staff'] as const)
    training(b, rng, ORG.ncct, {
      organiser: ORG.ncct,
      date: workday(rng, '2018-01-15', '2018-03-30'),
      province: rng.weighted(TRAINING_PROVINCES),
      audience,
      total: rng.int(30, 55),
      femaleShare: share[audience],
    });

  // The Ministry of Education: 894 officials and teachers in six provinces, 2017.
  const edu = PREVENTION_FIGURES.educationOfficialsTrained[2017];
  const provinces = rng.shuffle(EDUCATION_PROVINCES);
  const chosen = provinces.slice(0, edu.provinces);
  const perProvince = chosen.map(() => rng.int(2, 4));
  const eduTotals = spread(
    rng,
    edu.participants,
    perProvince.reduce((s, n) => s + n, 0),
  );
  let k = 0;
  chosen.forEach((province, p) => {
    for (let i = 0; i < perProvince[p]!; i++)
      training(b, rng, ORG.education, {
        organiser: ORG.education,
        date: workday(rng, '2017-02-06', '2017-11-24'),
        province,
        audience: 'teachers_education_officials',
        total: eduTotals[k++]!,
        femaleShare: 0.48,
      });
  });

  // Not counted in any figure: partners' trainings (compiled by the NCCT secretariat), a provincial
  // committee's own sessions, and other audiences.
  for (const year of [2016, 2017])
    for (let i = 0; i < rng.int(3, 5); i++)
      training(b, rng, ORG.ncct, {
        organiser: ORG.iom,
        date: workday(rng, `${year}-02-01`, `${year}-11-30`),
        province: rng.weighted(TRAINING_PROVINCES),
        audience: 'law_enforcement',
        total: rng.int(18, 35),
        femaleShare: 0.15,
      });
  training(b, rng, ORG.ncct, {
    organiser: ORG.ngo,
    date: workday(rng, '2017-03-01', '2017-10-31'),
    province: provinces[edu.provinces]!, // a seventh province: the Ministry's count stays at six
    audience: 'teachers_education_officials',
    total: rng.int(25, 40),
    femaleShare: 0.55,
  });
  for (const c of PLAN_COMMITTEES.slice(0, 4))
    training(b, rng, c.id, {
      organiser: c.id,
      date: workday(rng, '2016-03-01', '2016-11-30'),
      province: c.province,
      audience: 'commune_provincial_officials',
      total: rng.int(20, 45),
      femaleShare: 0.3,
    });
  training(b, rng, ORG.foreignAffairs, {
    organiser: ORG.foreignAffairs,
    date: workday(rng, '2017-05-01', '2017-09-29'),
    province: 'KH-12',
    audience: 'diplomats',
    total: rng.int(30, 45),
    femaleShare: 0.35,
  });
  training(b, rng, ORG.ncct, {
    organiser: ORG.ncct,
    date: workday(rng, '2017-04-03', '2017-06-30'),
    province: 'KH-5',
    audience: 'military_before_deployment',
    total: rng.int(120, 180),
    femaleShare: 0.06,
  });
  training(b, rng, ORG.labourMinistry, {
    organiser: ORG.labourMinistry,
    date: workday(rng, '2017-02-01', '2017-03-31'),
    province: 'KH-12',
    audience: 'labour_inspectors',
    total: rng.int(35, 50),
    femaleShare: 0.25,
  });
}

// --- Budgets -------------------------------------------------------------------------------------

function budgets(b: Builder, rng: Prng): void {
  for (const year of [2016, 2017] as const) {
    const rate = PREVENTION_CHOSEN.exchangeRateKhrPerUsd[year];
    b.add('budgets', ORG.ncct, {
      bodyOrganisationId: ORG.ncct,
      fiscalYear: year,
      amountKhr: PREVENTION_FIGURES.budgetNcct[year].KHR,
      exchangeRateKhrPerUsd: rate,
      purpose: 'National budget allocation: the NCCT and its General Secretariat (operations, trainings, campaigns)',
    });
    for (const c of PLAN_COMMITTEES)
      b.add('budgets', c.id, {
        bodyOrganisationId: c.id,
        fiscalYear: year,
        amountKhr: rng.int(30, 110) * 1_000_000,
        exchangeRateKhrPerUsd: rate,
        purpose: `${c.name} provincial committee: commune outreach and the provincial action plan`,
      });
  }
}

// --- Action plans --------------------------------------------------------------------------------

const NATIONAL_ACTIVITIES: readonly (readonly [string, string, string])[] = [
  ['Adopt the national minimum standards for victim protection', 'mosavy', '2015-06-30'],
  ['Guidelines on identifying victims for front-line officials', 'ncct-secretariat', '2015-12-31'],
  ['Include trafficking prevention in the lower secondary curriculum', 'moeys', '2016-09-30'],
  ['Train police investigators in every province on the 2008 law', 'gcnp', '2016-12-31'],
  ['Bilateral agreement with Thailand on labour cooperation renewed', 'mlvt', '2016-12-31'],
  ['Sub-decree on the management of private recruitment agencies enforced', 'mlvt', '2017-06-30'],
  ['Labour inspections of brick kilns in Kandal and Kampong Chhnang', 'mlvt', '2017-12-31'],
  ['Issue border passes and passports at reduced cost to migrant workers', 'moi', '2017-12-31'],
  ['Consular screening of marriage-visa applicants against risk profiles', 'mfaic', '2017-12-31'],
  ['National awareness campaign on domestic demand for commercial sex', 'ncct-secretariat', '2017-12-31'],
  ['Train judges and prosecutors on restitution for victims', 'moj', '2017-12-31'],
  ['Code of conduct against child sex tourism for hotels and guesthouses', 'mot', '2017-09-30'],
  ['Database of trafficking cases shared by police, courts and social affairs', 'ncct-secretariat', '2018-06-30'],
  ['Provincial committees adopt and submit provincial action plans', 'ncct-secretariat', '2017-12-31'],
  ['Standard operating procedures for repatriation from Malaysia and China', 'mfaic', '2018-03-31'],
  ['Evaluation of the national plan 2014–2018', 'ncct-secretariat', '2018-12-31'],
  ['Shelter standards inspection for NGO-run shelters', 'mosavy', '2018-09-30'],
  ['Anti-trafficking module in police academy basic training', 'gcnp', '2015-12-31'],
  ['Hotline for migrant workers abroad', 'mlvt', '2016-06-30'],
  ['Study on debt bondage in brick kilns', 'mlvt', '2016-12-31'],
];

const PROVINCIAL_ACTIVITIES = [
  'Safe-migration sessions in every commune of the province',
  'Train commune councils on identifying and referring victims',
  'Provincial referral meeting every quarter',
  'Inspect recruitment brokers active in the province',
];

function status(rng: Prng, due: string): 'planned' | 'in_progress' | 'done' | 'dropped' {
  if (due <= '2016-12-31')
    return rng.weighted([
      ['done', 8],
      ['dropped', 1],
      ['in_progress', 1],
    ] as const);
  if (due <= '2017-12-31')
    return rng.weighted([
      ['done', 5],
      ['in_progress', 3],
      ['dropped', 1],
    ] as const);
  return rng.weighted([
    ['planned', 4],
    ['in_progress', 4],
    ['done', 1],
  ] as const);
}

function activity(b: Builder, rng: Prng, by: string, planId: string, description: string, owner: string, due: string) {
  const s = status(rng, due);
  b.add('action_plan_activities', by, {
    planId,
    description,
    ownerOrganisationId: owner,
    dueDate: due,
    status: s,
    evidence:
      s === 'done'
        ? rng.pick([
            'Report submitted to the NCCT secretariat, with attendance lists',
            'Signed document on file at the NCCT secretariat',
            'Minutes of the meetings and photographs',
            'Published; copies distributed to provincial committees',
          ])
        : s === 'dropped'
          ? 'Dropped at the mid-term review: no funding identified'
          : undefined,
  });
}

function actionPlans(b: Builder, rng: Prng): void {
  const national = b.add('action_plans', ORG.ncct, {
    bodyOrganisationId: ORG.ncct,
    level: 'national',
    title: 'National Plan of Action to Suppress Human Trafficking, Smuggling, Labour and Sexual Exploitation 2014–2018',
    fromYear: 2014,
    toYear: 2018,
  });

  // Which committees submit: five in 2016, six in 2017 (four of the 2016 ones and two new), chosen by seed.
  const order = rng.shuffle(PLAN_COMMITTEES);
  const sub2016 = order.slice(0, 5);
  const sub2017 = [...order.slice(0, 4), ...order.slice(5, 7)];
  const sub2018 = order.slice(0, 4);
  const from2017 = new Set(order.slice(5, 7).map((c) => c.id));
  const plans = new Map<string, string>();
  for (const c of PLAN_COMMITTEES) {
    const fromYear = from2017.has(c.id) ? 2017 : 2016;
    plans.set(
      c.id,
      b.add('action_plans', c.id, {
        bodyOrganisationId: c.id,
        level: 'provincial',
        title: `${c.name} Provincial Action Plan on Counter Trafficking ${fromYear}–2018`,
        fromYear,
        toYear: 2018,
      }),
    );
  }
  for (const [year, committees] of [
    [2016, sub2016],
    [2017, sub2017],
    [2018, sub2018],
  ] as const)
    for (const c of committees)
      b.add('action_plan_submissions', c.id, {
        planId: plans.get(c.id)!,
        year,
        submittedOn: workday(rng, `${year - 1}-12-01`, `${year}-03-30`),
      });
  // A committee sends a revised plan later in 2017: submitted twice, counted once.
  const revised = sub2017[0]!;
  b.add('action_plan_submissions', revised.id, {
    planId: plans.get(revised.id)!,
    year: 2017,
    submittedOn: workday(rng, '2017-06-01', '2017-08-31'),
  });
  // The NCCT's annual work plans under the national plan (not provincial: not counted).
  for (const year of [2016, 2017])
    b.add('action_plan_submissions', ORG.ncct, {
      planId: national,
      year,
      submittedOn: workday(rng, `${year}-01-04`, `${year}-02-26`),
    });

  for (const [description, owner, due] of NATIONAL_ACTIVITIES)
    activity(b, rng, ORG.ncct, national, description, owner, due);
  for (const c of PLAN_COMMITTEES)
    for (const description of rng.shuffle(PROVINCIAL_ACTIVITIES).slice(0, rng.int(2, 3)))
      activity(b, rng, c.id, plans.get(c.id)!, description, c.id, rng.pick(['2017-06-30', '2017-12-31', '2018-06-30']));
}

// --- Establishments ------------------------------------------------------------------------------

export interface Subject {
  readonly key: string;
  readonly province: string;
  /** How likely an inspection finds bonded labour there (0–1). */
  readonly risk: number;
  /** When it can be inspected (default: the whole span). */
  readonly from?: string;
  readonly to?: string;
  /** Inspected once, on this date, with findings (and not in the yearly rounds). */
  readonly mustVisit?: string;
}

interface Subjects {
  kilns: Subject[];
  vessels: Subject[];
  plantations: Subject[];
  agencies: Subject[];
  brokers: Subject[];
  lenders: Subject[];
}

const KILN_PROVINCES: readonly (readonly [string, number])[] = [
  ['KH-8', 10],
  ['KH-4', 6],
  ['KH-12', 4],
  ['KH-5', 2],
  ['KH-2', 2],
];
const PORTS: readonly (readonly [string, number])[] = [
  ['KH-18', 5],
  ['KH-9', 3],
  ['KH-7', 2],
  ['KH-23', 1],
];

function establishments(b: Builder, rng: Prng): Pick<Subjects, 'kilns' | 'vessels' | 'plantations'> {
  const by = ORG.labourInspectorate;
  const kilns: Subject[] = [];
  for (let i = 0; i < 24; i++) {
    const province = rng.weighted(KILN_PROVINCES);
    const owner = personName(rng);
    const data = {
      kind: 'brick_kiln',
      name: `${owner} brick kiln ${i + 1}`,
      province,
      location: place(rng),
      ownerName: owner,
      registrationNumber: rng.chance(0.6) ? `BK-${province.slice(3)}-${String(rng.int(100, 999))}` : undefined,
      status: 'operating',
    };
    const risk = rng.weighted([
      [0.75, 3],
      [0.4, 3],
      [0.1, 4],
    ] as const);
    // A few high-risk kilns are closed after the inspections.
    const updates = risk > 0.7 && rng.chance(0.4) ? [{ ...data, status: 'closed' }] : [];
    kilns.push({ key: b.add('establishments', by, data, updates), province, risk });
  }
  const vessels: Subject[] = [];
  for (let i = 0; i < 10; i++) {
    const province = rng.weighted(PORTS);
    const owner = personName(rng, 'male');
    const data = {
      kind: 'fishing_vessel',
      name: `${rng.pick(['Mongkol', 'Sok Samnang', 'Chey Leap', 'Seng Heng', 'Lucky Star', 'Ocean Pearl'])} ${String(rng.int(1, 30)).padStart(2, '0')}`,
      province,
      location: rng.pick(['Stung Hav fishing port', 'Koh Kong harbour', 'Kampot river port', 'Kep crab market pier']),
      ownerName: owner,
      registrationNumber: `FV-${province.slice(3)}-${String(rng.int(1000, 9999))}`,
      status: 'operating',
    };
    vessels.push({ key: b.add('establishments', by, data), province, risk: rng.pick([0.1, 0.3, 0.6]) });
  }
  const plantations: Subject[] = [];
  for (const [province, crop] of [
    ['KH-10', 'rubber'],
    ['KH-11', 'rubber'],
    ['KH-16', 'cashew'],
    ['KH-6', 'cassava'],
    ['KH-25', 'rubber'],
    ['KH-9', 'sugar cane'],
  ] as const) {
    const owner = personName(rng);
    const data = {
      kind: 'plantation',
      name: `${crop[0]!.toUpperCase()}${crop.slice(1)} plantation, ${owner}`,
      province,
      location: place(rng),
      ownerName: `${owner} (${rng.pick(['agro-industry company', 'economic land concession', 'family estate'])})`,
      registrationNumber: `ELC-${province.slice(3)}-${String(rng.int(10, 99))}`,
      status: 'operating',
    };
    plantations.push({ key: b.add('establishments', by, data), province, risk: rng.pick([0.1, 0.3, 0.5]) });
  }
  for (const province of ['KH-12', 'KH-8', 'KH-5', 'KH-12'])
    b.add('establishments', by, {
      kind: 'factory',
      name: `${rng.pick(['Golden', 'Grand', 'Asia', 'Mekong', 'Angkor'])} ${rng.pick(['Garment', 'Footwear', 'Textile'])} Factory`,
      province,
      location: place(rng),
      ownerName: `${rng.pick(['Golden Needle', 'Mekong Apparel', 'Sun Rise Knitting'])} Co., Ltd.`,
      registrationNumber: `MOC-${String(rng.int(10000, 99999))}`,
      status: 'operating',
    });
  // Entertainment venues, recorded by the provincial committees of Phnom Penh, Siem Reap and Preah Sihanouk.
  for (const c of ENTERTAINMENT_COMMITTEES)
    for (const [kind, n] of [
      ['karaoke_bar', 2],
      ['massage_parlour', 2],
      ['hotel', 1],
    ] as const)
      for (let i = 0; i < n; i++) {
        const data = {
          kind,
          name: `${rng.pick(['Golden', 'Paradise', 'VIP', 'Lucky', 'Star', 'Royal', 'Happy'])} ${
            kind === 'karaoke_bar' ? 'KTV' : kind === 'massage_parlour' ? 'Spa & Massage' : 'Hotel'
          }`,
          province: c.province,
          location: `Street ${rng.int(2, 600)}, ${rng.pick(COMMUNES)}`,
          ownerName: personName(rng),
          status: 'operating',
        };
        const updates = kind === 'karaoke_bar' && rng.chance(0.3) ? [{ ...data, status: 'suspended' }] : [];
        b.add('establishments', c.id, data, updates);
      }
  return { kilns, vessels, plantations };
}

// --- Recruitment agencies and brokers ------------------------------------------------------------

const AGENCY_WORDS = [
  'Golden',
  'Asia',
  'Mekong',
  'Angkor',
  'Sovannaphum',
  'Seng Enterprise',
  'Bright Future',
  'Sun Rise',
  'Top Manpower',
  'Khmer Workers',
  'Global Link',
  'Lucky Star',
  'Phnom Meas',
  'Prosperity',
  'Harmony',
  'New Life',
  'Eastern Star',
  'Kampuchea',
];
const DESTINATIONS: readonly (readonly [string, number])[] = [
  ['MYS', 5],
  ['THA', 4],
  ['JPN', 3],
  ['KOR', 2],
  ['SGP', 2],
  ['SAU', 1],
  ['HKG', 1],
];
const BROKER_PROVINCES = ['KH-14', 'KH-3', 'KH-20', 'KH-21', 'KH-2', 'KH-1', 'KH-6', 'KH-4', 'KH-22', 'KH-25'];

function recruitment(b: Builder, rng: Prng): Pick<Subjects, 'agencies' | 'brokers'> {
  const by = ORG.labourInspectorate;
  const agencies: Subject[] = [];
  const licensed: { key: string; from: string; to: string }[] = [];
  const names = rng.shuffle(AGENCY_WORDS);
  let suspended = 0;
  let revoked = false;
  for (let i = 0; i < 18; i++) {
    const from = workday(rng, '2014-01-06', '2017-06-30');
    const province = rng.chance(0.8) ? 'KH-12' : rng.pick(['KH-8', 'KH-2', 'KH-1']);
    const data: PlannedData = {
      name: `${names[i]} Manpower Co., Ltd.`,
      licenceNumber: `MLVT-PEA-${String(100 + i * 7 + rng.int(0, 6)).padStart(4, '0')}`,
      licenceStatus: 'licensed',
      licenceValidFrom: from,
      licenceValidTo: addDays(from, 2 * 365 - 1),
      province,
      address: `No. ${rng.int(1, 250)}, Street ${rng.int(2, 600)}, ${rng.pick(COMMUNES)}`,
      destinationCountry: rng.weighted(DESTINATIONS),
    };
    // Two-year licences: renewed when they run out, or left to lapse (status expired).
    const updates: PlannedData[] = [];
    let current = data;
    while ((current['licenceValidTo'] as string) < DEMO_END) {
      const to = current['licenceValidTo'] as string;
      current = rng.chance(0.6)
        ? { ...current, licenceValidFrom: addDays(to, 1), licenceValidTo: addDays(to, 2 * 365) }
        : { ...current, licenceStatus: 'expired' };
      updates.push(current);
      if (current['licenceStatus'] === 'expired') break;
    }
    let end = current['licenceStatus'] === 'expired' ? (current['licenceValidTo'] as string) : DEMO_END;
    // Of those still licensed, the first three are suspended after inspections, and the fourth has its
    // licence revoked and is closed (a licensed firm: not an unlicensed closure).
    if (current['licenceStatus'] === 'licensed' && suspended < 3) {
      suspended++;
      updates.push({ ...current, licenceStatus: 'suspended' });
    } else if (current['licenceStatus'] === 'licensed' && !revoked) {
      revoked = true;
      const validFrom = current['licenceValidFrom'] as string;
      const lo = validFrom > '2017-03-01' ? validFrom : '2017-03-01';
      const hi = lo < '2017-11-15' ? '2017-12-15' : addDays(lo, 30) < DEMO_END ? addDays(lo, 30) : DEMO_END;
      end = workday(rng, lo, hi);
      updates.push({ ...current, licenceStatus: 'revoked', closedOn: end });
    }
    const key = b.add('recruitment_agencies', by, data, updates);
    agencies.push({ key, province, risk: rng.pick([0.1, 0.25, 0.5]), from, to: end });
    licensed.push({ key, from, to: end });
  }

  // Unlicensed firms. The 2017 closure of the figure: found, then shut down with three men arrested
  // (migration to Japan). Another found in 2017 and still under investigation (not closed); one
  // shut down in February 2018 (after the reporting period).
  const found = workday(rng, '2017-05-01', '2017-07-31');
  const japan: PlannedData = {
    name: 'Sakura Skills Training and Job Placement Centre',
    licenceStatus: 'unlicensed',
    province: 'KH-12',
    address: `No. ${rng.int(1, 250)}, Street ${rng.int(2, 600)}, Khan Sen Sok`,
    destinationCountry: 'JPN',
  };
  agencies.push({
    key: b.add('recruitment_agencies', by, japan, [
      {
        ...japan,
        closedOn: workday(rng, addDays(found, 14), addDays(found, 60)),
        arrests: PREVENTION_FIGURES.unlicensedRecruiterArrests[2017].arrests,
      },
    ]),
    province: 'KH-12',
    risk: 1,
    mustVisit: found,
  });
  const pending: PlannedData = {
    name: 'Golden Gate Overseas Jobs',
    licenceStatus: 'unlicensed',
    province: 'KH-14',
    address: place(rng),
    destinationCountry: 'MYS',
  };
  agencies.push({
    key: b.add('recruitment_agencies', by, pending),
    province: 'KH-14',
    risk: 1,
    mustVisit: workday(rng, '2017-09-01', '2017-11-30'),
  });
  const later: PlannedData = {
    name: 'Thai Border Labour Services',
    licenceStatus: 'unlicensed',
    province: 'KH-1',
    address: place(rng),
    destinationCountry: 'THA',
  };
  b.add('recruitment_agencies', by, later, [
    { ...later, closedOn: workday(rng, '2018-02-01', '2018-02-28'), arrests: 1 },
  ]);

  // Brokers sub-licensed by licensed agencies, in the provinces workers come from.
  const brokers: Subject[] = [];
  for (const a of licensed) {
    for (let i = 0; i < rng.int(0, 3); i++) {
      const province = rng.pick(BROKER_PROVINCES);
      const on = workday(rng, a.from, addDays(a.from, 300) < a.to ? addDays(a.from, 300) : a.to);
      const data = { agencyId: a.key, name: personName(rng), province, subLicensedOn: on, status: 'active' };
      const updates = rng.chance(0.15) ? [{ ...data, status: rng.pick(['suspended', 'terminated']) }] : [];
      brokers.push({
        key: b.add('brokers', by, data, updates),
        province,
        risk: rng.pick([0.2, 0.4]),
        from: on,
        to: a.to,
      });
    }
  }
  return { agencies, brokers };
}

// --- Lenders -------------------------------------------------------------------------------------

function lenders(b: Builder, rng: Prng): Subject[] {
  const by = ORG.labourInspectorate;
  const out: Subject[] = [];
  const kinds: readonly (readonly [string, string, string, number])[] = [
    ['Sereypheap Microfinance Plc.', 'microfinance_institution', 'registered', 0.2],
    ['Kampuchea Rural Credit Plc.', 'microfinance_institution', 'registered', 0.15],
    ['Chamroeun Finance Plc.', 'microfinance_institution', 'registered', 0.25],
    ['Angkor Village Savings', 'rural_credit_operator', 'registered', 0.3],
    ['Prey Veng Community Credit', 'rural_credit_operator', 'registered', 0.2],
    ['Mekong Quick Loan', 'microfinance_institution', 'registered', 0.35],
  ];
  for (const [name, kind, status, risk] of kinds) {
    const province = rng.pick(BROKER_PROVINCES);
    out.push({
      key: b.add('lenders', by, {
        name,
        kind,
        registrationNumber: `NBC-MFI-${String(rng.int(10, 99))}`,
        province,
        status,
      }),
      province,
      risk,
    });
  }
  // Private money lenders in the kiln and migration provinces, unregistered; one stops after inspection.
  for (let i = 0; i < 5; i++) {
    const province = rng.pick(['KH-8', 'KH-4', 'KH-14', 'KH-20', 'KH-3']);
    const data = {
      name: `${personName(rng)} (money lender)`,
      kind: 'private_lender',
      province,
      status: 'unregistered',
    };
    const updates = i === 0 ? [{ ...data, status: 'closed' }] : [];
    out.push({ key: b.add('lenders', by, data, updates), province, risk: 0.7 });
  }
  return out;
}

// --- Labour inspections --------------------------------------------------------------------------

const FINDINGS: Readonly<Record<string, string>> = {
  advance_payment_debt: 'Families took advances of 2–8 million riels from the owner and work them off',
  debt_passed_to_family: 'Debt of a deceased parent carried by the children',
  wages_withheld_against_debt: 'Wages kept by the owner against the debt',
  not_free_to_leave_until_repaid: 'Workers say they may not leave before the debt is repaid',
  children_working: 'Children under 15 moulding and carrying bricks',
  whole_family_recruited: 'Whole families recruited together against one advance',
  recruitment_debt: 'Recruitment fees owed to the broker, deducted from wages',
  housing_or_food_debt: 'Housing and rice charged against wages, debts growing',
  documents_withheld: 'Identity documents kept by the employer',
  confined_on_vessel: 'Crew not allowed ashore for months',
  transshipment_at_sea: 'Catch and crew transferred at sea',
  physical_violence: 'Workers report beatings',
  threats: 'Threats against workers who want to leave',
  fees_charged_to_workers: 'Placement fees charged to workers above the legal limit',
  deceptive_job_offer: 'Job offered differs from the contract signed abroad',
  contract_substitution: 'Contract replaced on arrival',
  confinement_in_training_centre: 'Recruits kept in the training centre, not allowed out',
  unlicensed_sub_broker: 'Recruits brought by brokers the agency has not sub-licensed',
  minors_recruited: 'Recruits under 18 with altered documents',
  land_title_collateral_for_migration: 'Land titles held as collateral for loans taken to pay for migration',
  loan_repaid_by_labour: 'Loans repaid by working for the lender or a kiln owner',
  interest_above_legal_cap: 'Interest above the legal cap',
  loan_tied_to_employer: 'Loan repayments deducted by the employer',
  coercive_collection: 'Threats to collect repayments',
  excessive_hours: 'Shifts of 12 hours or more, seven days a week',
  no_written_contract: 'No written contract',
};

function inspections(b: Builder, rng: Prng, s: Subjects): void {
  const by = ORG.labourInspectorate;
  const visit = (sector: InspectionSector, subject: Subject, date: string) => {
    const checklist = INSPECTION_CHECKLISTS[sector];
    const found = subject.mustVisit !== undefined || rng.chance(subject.risk);
    const indicators = found
      ? checklist.filter((code) => rng.chance(DEBT_BONDAGE_INDICATORS.has(code) ? 0.6 : 0.35))
      : checklist.filter((code) => !DEBT_BONDAGE_INDICATORS.has(code) && rng.chance(0.15));
    // A finding always names at least one debt-bondage indicator of the checklist.
    if (found && !indicators.some((c) => DEBT_BONDAGE_INDICATORS.has(c))) {
      const bondage = checklist.filter((c) => DEBT_BONDAGE_INDICATORS.has(c));
      if (bondage.length) indicators.push(rng.pick(bondage));
    }
    const bonded = indicators.some((c) => DEBT_BONDAGE_INDICATORS.has(c));
    const outcome = subject.mustVisit
      ? 'referred_police'
      : bonded
        ? rng.weighted([
            ['referred_protection', 3],
            ['referred_police', 2],
            ['fine', 2],
            ['suspension', sector === 'recruitment_agency' || sector === 'sub_licensed_broker' ? 2 : 0],
            ['warning', 1],
          ] as const)
        : indicators.length
          ? rng.weighted([
              ['warning', 4],
              ['fine', 1],
            ] as const)
          : 'no_violation';
    b.add('inspections', by, {
      inspectorOrganisationId: ORG.labourInspectorate,
      date,
      province: subject.province,
      sector,
      subjectId: subject.key,
      indicators: [...new Set(indicators)],
      workersInterviewed: sector === 'lending_institution' ? rng.int(3, 15) : rng.int(4, 40),
      findings: indicators.length ? indicators.map((c) => FINDINGS[c] ?? c).join('. ') + '.' : undefined,
      outcome,
    });
  };
  const rounds = (sector: InspectionSector, subjects: readonly Subject[], perYear: number) => {
    for (const [from, to] of [
      ['2016-01-11', '2016-12-16'],
      ['2017-01-09', '2017-12-15'],
      ['2018-01-08', '2018-03-30'],
    ] as const)
      for (const subject of subjects) {
        const start = subject.from && subject.from > from ? subject.from : from;
        const end = subject.to && subject.to < to ? subject.to : to;
        if (subject.mustVisit || daysBetween(start, end) < 7) continue;
        if (rng.chance(from.startsWith('2018') ? perYear / 4 : perYear))
          visit(sector, subject, workday(rng, start, end));
      }
    for (const subject of subjects) if (subject.mustVisit) visit(sector, subject, subject.mustVisit);
  };
  rounds('brick_kiln', s.kilns, 0.8);
  rounds('fishing_vessel', s.vessels, 0.6);
  rounds('plantation', s.plantations, 0.6);
  rounds('recruitment_agency', s.agencies, 0.5);
  rounds('sub_licensed_broker', s.brokers, 0.3);
  rounds('lending_institution', s.lenders, 0.5);
}

// --- Campaigns -----------------------------------------------------------------------------------

function campaign(
  b: Builder,
  by: string,
  o: {
    organiser: string;
    startDate: string;
    endDate?: string;
    province?: string;
    country?: string;
    audience: string;
    channel: string;
    target: string;
    reach: number;
    officialsDeployed?: number;
  },
): void {
  b.add('campaigns', by, {
    organiserOrganisationId: o.organiser,
    startDate: o.startDate,
    endDate: o.endDate && o.endDate > DEMO_END ? DEMO_END : o.endDate,
    province: o.province,
    country: o.country,
    audience: o.audience,
    channel: o.channel,
    target: o.target,
    reach: o.reach,
    officialsDeployed: o.officialsDeployed,
  });
}

function campaigns(b: Builder, rng: Prng): void {
  const periods = [
    ['2016-01-11', '2016-12-16'],
    ['2017-01-09', '2017-12-15'],
    ['2018-01-08', '2018-03-16'],
  ] as const;
  // The NCCT against domestic demand for commercial sex: radio, television and social media.
  for (const [from, to] of periods)
    for (const channel of rng
      .shuffle(['radio', 'television', 'social_media', 'print'])
      .slice(0, from.startsWith('2018') ? 1 : 3)) {
      const start = workday(rng, from, to);
      campaign(b, ORG.ncct, {
        organiser: ORG.ncct,
        startDate: start,
        endDate: addDays(start, rng.int(14, 60)),
        audience: 'general_public',
        channel,
        target: 'domestic_demand_commercial_sex',
        reach: rng.int(20, 400) * 1000,
      });
    }
  // Safe migration: provincial committees in communes, IOM with them (recorded by the NCCT secretariat).
  for (const c of PLAN_COMMITTEES)
    for (const [from, to] of periods.slice(0, 2))
      if (rng.chance(0.7)) {
        const start = workday(rng, from, to);
        campaign(b, c.id, {
          organiser: c.id,
          startDate: start,
          endDate: addDays(start, rng.int(0, 20)),
          province: c.province,
          audience: rng.pick(['migrant_workers', 'parents', 'students', 'general_public']),
          channel: rng.pick(['community_meeting', 'school_session', 'outreach_team']),
          target: 'safe_migration',
          reach: rng.int(150, 3000),
        });
      }
  for (let i = 0; i < 4; i++) {
    const start = workday(rng, '2016-03-01', '2017-11-30');
    campaign(b, ORG.ncct, {
      organiser: ORG.iom,
      startDate: start,
      endDate: addDays(start, rng.int(30, 90)),
      province: rng.pick(['KH-1', 'KH-2', 'KH-14', 'KH-20']),
      audience: 'migrant_workers',
      channel: rng.pick(['community_meeting', 'radio', 'outreach_team']),
      target: 'safe_migration',
      reach: rng.int(2000, 15000),
    });
  }
  // The Ministry of Tourism: hospitality staff, and tourists against child sex tourism.
  for (const province of ['KH-12', 'KH-17', 'KH-18'])
    for (const [from, to] of periods.slice(0, 2)) {
      const start = workday(rng, from, to);
      campaign(b, ORG.tourism, {
        organiser: ORG.tourism,
        startDate: start,
        endDate: addDays(start, rng.int(1, 5)),
        province,
        audience: 'hospitality_staff',
        channel: 'community_meeting',
        target: 'hospitality_staff',
        reach: rng.int(80, 600),
      });
      if (rng.chance(0.5))
        campaign(b, ORG.tourism, {
          organiser: ORG.tourism,
          startDate: workday(rng, from, to),
          province,
          audience: 'tourists',
          channel: rng.pick(['print', 'social_media']),
          target: 'child_sex_tourism',
          reach: rng.int(5, 60) * 1000,
        });
    }
  // Migrant documentation. In Thailand in 2017: 360 officials, 100 days (the first and the last day
  // included), organised by the consular department. Not counted: one in Malaysia the same year, and
  // the extension in Thailand from January 2018.
  const doc = PREVENTION_FIGURES.officialsSentDocumentationCampaign[2017];
  const start = '2017-08-01';
  campaign(b, ORG.consular, {
    organiser: ORG.consular,
    startDate: start,
    endDate: addDays(start, doc.days - 1),
    country: 'THA',
    audience: 'migrant_workers',
    channel: 'outreach_team',
    target: 'migrant_documentation',
    reach: rng.int(150, 190) * 1000,
    officialsDeployed: doc.officials,
  });
  campaign(b, ORG.consular, {
    organiser: 'embassy-mys',
    startDate: '2017-03-06',
    endDate: '2017-04-14',
    country: 'MYS',
    audience: 'migrant_workers',
    channel: 'outreach_team',
    target: 'migrant_documentation',
    reach: rng.int(8, 15) * 1000,
    officialsDeployed: 24,
  });
  campaign(b, ORG.consular, {
    organiser: ORG.consular,
    startDate: '2018-01-15',
    endDate: '2018-03-31',
    country: 'THA',
    audience: 'migrant_workers',
    channel: 'outreach_team',
    target: 'migrant_documentation',
    reach: rng.int(40, 70) * 1000,
    officialsDeployed: 120,
  });
  // Labour rights for factory workers (the labour ministry).
  for (const [from, to] of periods.slice(0, 2))
    campaign(b, ORG.labourMinistry, {
      organiser: ORG.labourMinistry,
      startDate: workday(rng, from, to),
      province: rng.pick(['KH-12', 'KH-8', 'KH-5']),
      audience: 'employers',
      channel: 'community_meeting',
      target: 'labour_rights',
      reach: rng.int(100, 400),
    });
}

// --- Consular marriage-visa screenings -----------------------------------------------------------

const RISK_INDICATORS: readonly (readonly [string, number])[] = [
  ['broker_arranged', 0.35],
  ['large_age_gap', 0.3],
  ['no_common_language', 0.4],
  ['payment_to_family', 0.2],
  ['brief_acquaintance', 0.3],
  ['spouse_prior_foreign_marriages', 0.08],
  ['applicant_minor_or_near_minor', 0.05],
];

function visaScreenings(b: Builder, rng: Prng): void {
  for (const [from, to, n] of [
    ['2016-01-04', '2016-12-30', 110],
    ['2017-01-03', '2017-12-29', 125],
    ['2018-01-02', '2018-03-30', 30],
  ] as const)
    for (let i = 0; i < n; i++) {
      const mission = rng.weighted(SCREENING_MISSIONS.map((m) => [m.id, m.weight] as const));
      const risks = RISK_INDICATORS.filter(([, p]) => rng.chance(p)).map(([code]) => code);
      const outcome =
        risks.length === 0
          ? 'cleared'
          : risks.length === 1
            ? rng.weighted([
                ['cleared', 3],
                ['counselled', 2],
              ] as const)
            : risks.length === 2
              ? rng.weighted([
                  ['counselled', 3],
                  ['referred', 1],
                  ['refused', 1],
                ] as const)
              : rng.weighted([
                  ['referred', 2],
                  ['refused', 3],
                ] as const);
      b.add('visa_screenings', mission, {
        missionOrganisationId: mission,
        date: workday(rng, from, to),
        riskIndicators: risks,
        outcome,
      });
    }
}

// --- Border passes -------------------------------------------------------------------------------

/** Monthly weights: more passes after Thailand's decree on foreign workers (June 2017). */
const MONTH_WEIGHTS_2017 = [0.8, 0.8, 0.9, 0.7, 0.9, 1.0, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9];

function borderPasses(b: Builder, rng: Prng): void {
  const weights: number[] = [];
  const cells: { crossing: string; province: string; month: number }[] = [];
  for (const c of CROSSINGS)
    for (let m = 1; m <= 12; m++) {
      cells.push({ crossing: c.crossing, province: c.province, month: m });
      weights.push(c.weight * MONTH_WEIGHTS_2017[m - 1]! * (0.85 + rng.next() * 0.3));
    }
  const issued = apportion(PREVENTION_FIGURES.borderPassesIssued[2017], weights);
  cells.forEach((cell, i) =>
    b.add('border_passes', ORG.immigration, {
      crossing: cell.crossing,
      province: cell.province,
      periodStart: `2017-${String(cell.month).padStart(2, '0')}-01`,
      periodEnd: monthEnd(2017, cell.month),
      issued: issued[i]!,
    }),
  );
  for (const c of CROSSINGS)
    for (let m = 1; m <= 3; m++)
      b.add('border_passes', ORG.immigration, {
        crossing: c.crossing,
        province: c.province,
        periodStart: `2018-${String(m).padStart(2, '0')}-01`,
        periodEnd: monthEnd(2018, m),
        issued: Math.round(c.weight * 175 * (0.85 + rng.next() * 0.3)),
      });
}
