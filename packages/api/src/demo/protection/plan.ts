import type { EventOf, Identity, VictimCaseEvent } from '@ctis/core';
import { DEMO_YEARS, PROTECTION_FIGURES, type CountryCounts, type DemoYear } from './figures.ts';
import {
  COMMUNES,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  formatPhone,
  MALE_GIVEN_NAMES,
  mobileNumber,
  nationalIdNumber,
  NICKNAMES,
  passportNumber,
  spell,
  THAI_NAMES,
  VIETNAMESE_NAMES,
  VILLAGES,
  type KhmerName,
} from './names.ts';
import { addDays, apportion, clampDate, daysOfYear, Prng } from './prng.ts';

/**
 * The demo data set as a plan, before anything is written: the true persons (hidden), the records
 * each agency keeps of them (what the database will hold), and the transit centre's daily tallies.
 * Pure and deterministic: the same seed gives the same plan, event ids included.
 */

export const PROTECTION_DEMO_SEED = 20_171_231;

/** The organisations the demo acts as (ids from config/countries/KHM.json). */
export const ORG = {
  mfaic: 'mfaic-consular',
  mosavy: 'mosavy',
  ngo: 'chab-dai',
  poipet: 'poipet-transit-centre',
  iom: 'iom-cambodia',
  hagar: 'hagar-cambodia',
  licadho: 'licadho',
} as const;

/** Police units and the provincial social affairs department beside each (same province). */
export const POLICE_UNITS = [
  { id: 'ahtjp-phnom-penh', province: 'KH-12', dosavy: 'dosavy-phnom-penh', weight: 35 },
  { id: 'ahtjp-banteay-meanchey', province: 'KH-1', dosavy: 'dosavy-banteay-meanchey', weight: 25 },
  { id: 'ahtjp-siem-reap', province: 'KH-17', dosavy: 'dosavy-siem-reap', weight: 15 },
  { id: 'ahtjp-battambang', province: 'KH-2', dosavy: 'dosavy-battambang', weight: 12 },
  { id: 'ahtjp-preah-sihanouk', province: 'KH-18', dosavy: 'dosavy-preah-sihanouk', weight: 13 },
] as const;

/** Missions abroad by country (config organisations of type diplomatic-mission). */
const EMBASSIES: Readonly<Record<string, string>> = {
  THA: 'embassy-tha',
  MYS: 'embassy-mys',
  CHN: 'embassy-chn',
  IDN: 'embassy-idn',
  VNM: 'embassy-vnm',
  JPN: 'embassy-jpn',
  SAU: 'embassy-sau',
  SGP: 'embassy-sgp',
  KOR: 'embassy-kor',
  LAO: 'embassy-lao',
  MMR: 'embassy-mmr',
};

export type Agency = 'mfaic' | 'mosavy' | 'ngo' | 'police';
type Sex = 'female' | 'male';

/** A real person, as only the demo knows them. Never written to the database. */
export interface TruePerson {
  readonly id: string;
  readonly sex: Sex;
  readonly dateOfBirth: string;
  readonly birthYear: number;
  readonly nationality: 'KHM' | 'VNM' | 'THA';
  /** Province of origin (null for foreign victims). */
  readonly province: string | null;
  readonly family: KhmerName | null;
  readonly given: KhmerName | null;
  /** Foreign victims: names as their own documents write them. */
  readonly foreignName: { readonly family: string; readonly given: string } | null;
  readonly nickname: string | null;
  /** National-format mobile numbers: their own, a relative's. */
  readonly phones: readonly string[];
  readonly nationalId: string | null;
  readonly passport: string | null;
  readonly village: string;
  readonly commune: string;
}

/** One event of a case after its opening, and the organisation whose user records it. */
export interface PlannedStep {
  readonly by: string;
  readonly event: Exclude<VictimCaseEvent, { type: 'case_opened' }>;
}

/** One agency's record of one person: a person row (with identity) and a victim case. */
export interface PlannedRecord {
  /** Stable key of the record, e.g. "mfaic-2017-0042" (agency, year of the counted act, sequence). */
  readonly key: string;
  readonly agency: Agency;
  /** The hidden true person (ground truth; never stored). */
  readonly truePersonId: string;
  /** The owner organisation: it opens the case. */
  readonly organisationId: string;
  readonly person: {
    readonly sex: Sex;
    readonly birthYear: number | null;
    readonly nationality: string | null;
    readonly province: string | null;
    readonly identity: Identity;
  };
  readonly open: Omit<EventOf<'case_opened'>, 'personId' | 'organisationId'>;
  readonly steps: readonly PlannedStep[];
}

export interface PlannedTally {
  readonly day: string;
  readonly screened: number;
  readonly indicated: number;
}

export interface ProtectionPlan {
  readonly seed: number;
  readonly persons: readonly TruePerson[];
  readonly records: readonly PlannedRecord[];
  /** Poipet transit centre, site border_transit_centre, one per day of 2016 and 2017. */
  readonly tallies: readonly PlannedTally[];
}

/** Ground truth for the linker: per generated person record, the hidden true person. */
export interface GroundTruthRow {
  readonly recordKey: string;
  readonly agency: Agency;
  readonly truePersonId: string;
}

export function protectionGroundTruth(seed: number = PROTECTION_DEMO_SEED): GroundTruthRow[] {
  return generateProtectionPlan(seed).records.map((r) => ({
    recordKey: r.key,
    agency: r.agency,
    truePersonId: r.truePersonId,
  }));
}

// ---------------------------------------------------------------------------------------------
// Who the victims are: by country of exploitation

const ORIGIN_PROVINCES: readonly (readonly [string, number])[] = [
  ['KH-1', 9],
  ['KH-2', 9],
  ['KH-3', 8],
  ['KH-14', 10],
  ['KH-20', 7],
  ['KH-21', 6],
  ['KH-6', 7],
  ['KH-17', 6],
  ['KH-5', 6],
  ['KH-8', 5],
  ['KH-12', 4],
  ['KH-15', 4],
  ['KH-4', 4],
  ['KH-22', 3],
  ['KH-7', 3],
  ['KH-25', 4],
  ['KH-10', 2],
  ['KH-18', 1],
  ['KH-9', 1],
  ['KH-13', 1],
  ['KH-19', 1],
  ['KH-16', 1],
  ['KH-11', 1],
  ['KH-23', 1],
  ['KH-24', 1],
];

type SectorChoice = readonly (readonly [string, number])[];
interface CountryProfile {
  readonly female: number;
  readonly child: number;
  readonly male: SectorChoice;
  readonly women: SectorChoice;
  readonly children: SectorChoice;
  readonly recruitment: readonly string[];
  /** Share of victims with a passport (legal migration first, then exploitation). */
  readonly passport: number;
}

const PROFILES: Readonly<Record<string, CountryProfile>> = {
  THA: {
    female: 0.42,
    child: 0.08,
    male: [
      ['fishing', 4],
      ['construction', 3],
      ['agriculture', 3],
    ],
    women: [
      ['agriculture', 3],
      ['domestic_work', 2],
      ['entertainment_hospitality', 2],
      ['manufacturing', 2],
    ],
    children: [
      ['begging', 6],
      ['agriculture', 1],
    ],
    recruitment: ['broker', 'personal_contact', 'internet_social_media'],
    passport: 0.2,
  },
  MYS: {
    female: 0.7,
    child: 0.02,
    male: [
      ['fishing', 3],
      ['construction', 3],
      ['agriculture', 2],
    ],
    women: [
      ['domestic_work', 8],
      ['manufacturing', 1],
      ['entertainment_hospitality', 1],
    ],
    children: [['domestic_work', 1]],
    recruitment: ['employment_agency', 'broker', 'advertisement'],
    passport: 0.7,
  },
  CHN: {
    female: 0.9,
    child: 0.04,
    male: [
      ['manufacturing', 3],
      ['construction', 1],
    ],
    women: [
      ['forced_marriage', 9],
      ['manufacturing', 1],
    ],
    children: [['forced_marriage', 1]],
    recruitment: ['marriage_broker', 'broker', 'internet_social_media'],
    passport: 0.6,
  },
  VNM: {
    female: 0.5,
    child: 0.25,
    male: [
      ['agriculture', 2],
      ['construction', 1],
      ['manufacturing', 1],
    ],
    women: [
      ['entertainment_hospitality', 2],
      ['manufacturing', 2],
      ['forced_marriage', 1],
    ],
    children: [['begging', 1]],
    recruitment: ['personal_contact', 'broker'],
    passport: 0.1,
  },
  IDN: { female: 0.04, child: 0.02, ...fishing(), passport: 0.4 },
  MMR: { female: 0.05, child: 0.02, ...fishing(), passport: 0.2 },
  SOM: { female: 0, child: 0, ...fishing(), passport: 0.5 },
  LAO: {
    female: 0.4,
    child: 0.05,
    male: [
      ['agriculture', 2],
      ['construction', 2],
    ],
    women: [
      ['entertainment_hospitality', 1],
      ['agriculture', 1],
    ],
    children: [['agriculture', 1]],
    recruitment: ['personal_contact', 'broker'],
    passport: 0.2,
  },
  JPN: {
    female: 0.5,
    child: 0,
    male: [
      ['manufacturing', 3],
      ['construction', 1],
      ['agriculture', 2],
    ],
    women: [
      ['manufacturing', 3],
      ['agriculture', 2],
    ],
    children: [['manufacturing', 1]],
    recruitment: ['employment_agency', 'broker'],
    passport: 0.95,
  },
  SGP: {
    female: 0.8,
    child: 0,
    male: [['construction', 1]],
    women: [['domestic_work', 1]],
    children: [['domestic_work', 1]],
    recruitment: ['employment_agency'],
    passport: 0.9,
  },
  SAU: {
    female: 1,
    child: 0,
    male: [['domestic_work', 1]],
    women: [['domestic_work', 1]],
    children: [['domestic_work', 1]],
    recruitment: ['employment_agency', 'broker'],
    passport: 0.95,
  },
  KOR: {
    female: 0.4,
    child: 0,
    male: [
      ['agriculture', 2],
      ['fishing', 1],
      ['manufacturing', 1],
    ],
    women: [
      ['agriculture', 2],
      ['manufacturing', 1],
      ['forced_marriage', 1],
    ],
    children: [['agriculture', 1]],
    recruitment: ['employment_agency', 'marriage_broker'],
    passport: 0.9,
  },
  KHM: {
    female: 0.75,
    child: 0.3,
    male: [
      ['brick_kiln', 4],
      ['construction', 1],
      ['agriculture', 1],
    ],
    women: [
      ['entertainment_hospitality', 6],
      ['domestic_work', 1],
    ],
    children: [
      ['entertainment_hospitality', 4],
      ['begging', 3],
      ['brick_kiln', 1],
    ],
    recruitment: ['personal_contact', 'internet_social_media', 'broker', 'other'],
    passport: 0,
  },
};

function fishing(): Omit<CountryProfile, 'female' | 'child' | 'passport'> {
  return {
    male: [['fishing', 1]],
    women: [['fishing', 1]],
    children: [['fishing', 1]],
    recruitment: ['broker', 'personal_contact'],
  };
}

const METHODS: Readonly<Record<string, readonly string[]>> = {
  fishing: ['debt_bondage', 'withholding_wages', 'physical_abuse', 'restricting_movement', 'withholding_documents'],
  domestic_work: ['withholding_documents', 'restricting_movement', 'isolation', 'excessive_working_hours'],
  forced_marriage: ['false_promises', 'isolation', 'sexual_abuse', 'threats'],
  entertainment_hospitality: ['debt_bondage', 'sexual_abuse', 'threats', 'drugs_alcohol'],
  brick_kiln: ['debt_bondage', 'threats_to_family', 'excessive_working_hours'],
  begging: ['psychological_abuse', 'threats', 'physical_abuse'],
  construction: ['withholding_wages', 'withholding_documents', 'excessive_working_hours', 'false_promises'],
  agriculture: ['withholding_wages', 'debt_bondage', 'restricting_movement'],
  manufacturing: ['withholding_documents', 'excessive_working_hours', 'withholding_wages', 'false_promises'],
};

function typeOf(sector: string): string {
  switch (sector) {
    case 'entertainment_hospitality':
      return 'sexual_exploitation';
    case 'forced_marriage':
      return 'forced_marriage';
    case 'domestic_work':
      return 'domestic_servitude';
    default:
      return 'forced_labour';
  }
}

const ADULT_AGE: readonly (readonly [[number, number], number])[] = [
  [[18, 24], 35],
  [[25, 34], 40],
  [[35, 52], 25],
];

// ---------------------------------------------------------------------------------------------
// Generation

export function generateProtectionPlan(seed: number = PROTECTION_DEMO_SEED): ProtectionPlan {
  return new Generator(seed).run();
}

/** One true person's appearances in the agencies' books, around one event (a return home). */
interface Appearance {
  readonly person: TruePerson;
  readonly country: string;
  /** The date the person came home (completed repatriation); the agencies' dates follow from it. */
  readonly returned: string;
  readonly year: DemoYear;
}

class Generator {
  private readonly persons: TruePerson[] = [];
  private readonly records: { agency: Agency; year: number; sortOn: string; build: (key: string) => PlannedRecord }[] =
    [];
  private personSeq = 0;

  constructor(private readonly seed: number) {}

  run(): ProtectionPlan {
    const root = new Prng(this.seed);
    const overlaps = root.fork('overlaps');
    const sets = DEMO_YEARS.map((year) => this.returneeSets(overlaps, year));
    this.relinkReturnees(root.fork('relink'), sets);
    const referring = this.mosavyReferrals(root.fork('mosavy-referrals'), sets[0]!);
    const rng = root.fork('records');
    for (const yearSets of sets) for (const s of yearSets) this.returneeRecords(rng, s, referring.has(s.app));
    this.awaitingAtYearEnd(root.fork('awaiting'));
    this.policeReferrals(root.fork('police'), sets[1]!);
    this.foreignVictims(root.fork('foreign'));
    const tallies = this.tallies(root.fork('tallies'));

    // Keys in the order each agency would have entered them: by date of the counted act.
    const counters = new Map<string, number>();
    const ordered = [...this.records].sort(
      (a, b) =>
        AGENCY_ORDER.indexOf(a.agency) - AGENCY_ORDER.indexOf(b.agency) ||
        a.year - b.year ||
        (a.sortOn < b.sortOn ? -1 : a.sortOn > b.sortOn ? 1 : 0),
    );
    const records = ordered.map((r) => {
      const prefix = `${r.agency}-${r.year}`;
      const seq = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, seq);
      return r.build(`${prefix}-${String(seq).padStart(4, '0')}`);
    });
    return { seed: this.seed, persons: this.persons, records, tallies };
  }

  // --- returnees: MFAIC, MOSAVY and the NGO, with their overlaps ---------------------------------

  /**
   * For each country, split each agency's count into people known to one, two or three agencies.
   * The splits are fixed shares (so the figures never depend on the seed); who they are is drawn.
   */
  private returneeSets(rng: Prng, year: DemoYear): { agencies: Agency[]; app: Appearance }[] {
    const F: CountryCounts = PROTECTION_FIGURES.repatriatedByMfaic[year];
    const S: CountryCounts = PROTECTION_FIGURES.repatriatedWithMosavy[year];
    const N: CountryCounts = year === 2017 ? PROTECTION_FIGURES.assistedByNgo[2017] : {};
    const countries = [...new Set([...Object.keys(F), ...Object.keys(S), ...Object.keys(N)])].sort();
    const out: { agencies: Agency[]; app: Appearance }[] = [];
    for (const c of countries) {
      const f = F[c] ?? 0;
      const s = S[c] ?? 0;
      const n = N[c] ?? 0;
      const all3 = Math.round(Math.min(f, s, n) * 0.3);
      const fs = Math.round((Math.min(f, s) - all3) * 0.5);
      const fn = Math.round(Math.min(f - all3 - fs, n - all3) * 0.3);
      const sn = Math.round(Math.min(s - all3 - fs, n - all3 - fn) * 0.5);
      const groups: [Agency[], number][] = [
        [['mfaic', 'mosavy', 'ngo'], all3],
        [['mfaic', 'mosavy'], fs],
        [['mfaic', 'ngo'], fn],
        [['mosavy', 'ngo'], sn],
        [['mfaic'], f - all3 - fs - fn],
        [['mosavy'], s - all3 - fs - sn],
        [['ngo'], n - all3 - fn - sn],
      ];
      for (const [agencies, count] of groups) {
        for (let i = 0; i < count; i++) {
          // People seen by several agencies come home away from the year's edges, so every
          // agency's date of the same return falls in the same year.
          const window = agencies.length > 1 ? [`${year}-01-08`, `${year}-12-10`] : [`${year}-01-01`, `${year}-12-31`];
          const days = daysOfYear(year).filter((d) => d >= window[0]! && d <= window[1]!);
          const person = this.newPerson(rng, c, year);
          out.push({ agencies, app: { person, country: c, returned: rng.pick(days), year } });
        }
      }
    }
    return out;
  }

  /**
   * Realistic wrinkles in who is who: a few people trafficked again (home in 2016, home again in
   * 2017) and a few people MFAIC recorded twice in one year (two missions, two spellings).
   */
  private relinkReturnees(rng: Prng, sets: { agencies: Agency[]; app: Appearance }[][]): void {
    const singles = (year: number) =>
      sets[year - 2016]!.filter((s) => s.agencies.length === 1 && s.agencies[0] === 'mfaic');
    const used = new Set<{ agencies: Agency[]; app: Appearance }>();
    // Trafficked again: home in 2016, home again in 2017 (another record, the same person).
    const later = rng.shuffle(singles(2017));
    for (const first of rng.shuffle(singles(2016)).slice(0, 8)) {
      const again = later.find((s) => !used.has(s) && s.app.person.sex === first.app.person.sex);
      if (!again) continue;
      used.add(first).add(again);
      this.dropPerson(again.app.person);
      again.app = { ...again.app, person: first.app.person };
    }
    // Recorded twice by MFAIC in one year: the same return, two missions, two spellings.
    for (const year of DEMO_YEARS) {
      const pool = rng.shuffle(singles(year).filter((s) => !used.has(s)));
      for (let i = 0; i < (year === 2017 ? 3 : 2); i++) {
        const first = pool.shift()!;
        const second = pool.find((s) => s.app.country === first.app.country)!;
        pool.splice(pool.indexOf(second), 1);
        used.add(first).add(second);
        this.dropPerson(second.app.person);
        const returned = clampDate(addDays(first.app.returned, rng.int(0, 1)), `${year}-01-01`, `${year}-12-31`);
        second.app = { ...second.app, person: first.app.person, returned };
      }
    }
  }

  /** MOSAVY's 2016 referrals: made on some of its own 2016 returnee cases, after the return. */
  private mosavyReferrals(rng: Prng, sets2016: readonly { agencies: Agency[]; app: Appearance }[]): Set<Appearance> {
    const candidates = sets2016.filter((s) => s.agencies.includes('mosavy') && s.app.returned <= '2016-12-20');
    const chosen = rng.shuffle(candidates).slice(0, PROTECTION_FIGURES.referredByMosavy[2016]);
    return new Set(chosen.map((s) => s.app));
  }

  private returneeRecords(rng: Prng, s: { agencies: Agency[]; app: Appearance }, mosavyRefers: boolean): void {
    for (const agency of s.agencies) {
      if (agency === 'mfaic') this.mfaicRecord(rng, s.app, {});
      else if (agency === 'mosavy') this.mosavyRecord(rng, s.app, s.agencies.includes('mfaic'), mosavyRefers);
      else this.ngoRecord(rng, s.app);
    }
  }

  /** MFAIC (Department of Consular Affairs): a consular case, the repatriation, often the closure. */
  private mfaicRecord(rng: Prng, app: Appearance, opts: { awaitingOnly?: string }): void {
    const { person, country, returned } = app;
    const intake = addDays(opts.awaitingOnly ?? returned, -rng.int(5, 45));
    const embassy = EMBASSIES[country];
    const assisting = [ORG.mfaic, ...(embassy ? [embassy] : []), ...(rng.chance(0.35) ? [ORG.iom] : [])];
    const repatriationId = rng.uuid();
    const steps: PlannedStep[] = [{ by: ORG.mfaic, event: this.exploitation(rng, app, intake) }];
    const awaiting = opts.awaitingOnly !== undefined || rng.chance(0.25);
    steps.push({
      by: ORG.mfaic,
      event: {
        type: 'repatriation_recorded',
        occurredOn: opts.awaitingOnly ?? (awaiting ? addDays(intake, rng.int(0, 3)) : returned),
        repatriationId,
        direction: 'home_from_abroad',
        country,
        assistingOrganisationIds: assisting,
        status: awaiting ? 'awaiting' : 'completed',
      },
    });
    if (opts.awaitingOnly === undefined) {
      if (awaiting)
        steps.push({ by: ORG.mfaic, event: { type: 'repatriation_completed', occurredOn: returned, repatriationId } });
      if (rng.chance(0.2))
        steps.push({
          by: ORG.mfaic,
          event: { type: 'case_closed', occurredOn: addDays(returned, rng.int(0, 20)), reason: 'repatriated' },
        });
    }
    const identity = this.identityAs(rng, 'mfaic', person);
    this.push('mfaic', app.year, opts.awaitingOnly ?? returned, (key) => ({
      key,
      agency: 'mfaic',
      truePersonId: person.id,
      organisationId: ORG.mfaic,
      person: this.statistics(rng, 'mfaic', person, identity),
      open: { type: 'case_opened', occurredOn: intake, source: 'consular', ...provinceOf(person, rng, 0.1) },
      steps,
    }));
  }

  /** MOSAVY: receives the returnee (often handed over by a mission or IOM) and assists the return. */
  private mosavyRecord(rng: Prng, app: Appearance, withMfaic: boolean, refers: boolean): void {
    const { person, country, year } = app;
    const received = withMfaic ? addDays(app.returned, rng.int(0, 1)) : app.returned;
    const opened = addDays(received, -rng.int(1, 20));
    const child = isChildOn(person, opened);
    const embassy = EMBASSIES[country];
    const assisting = [
      ORG.mosavy,
      ...(rng.chance(0.6) ? [ORG.iom] : []),
      ...(embassy && rng.chance(0.3) ? [embassy] : []),
    ];
    const repatriationId = rng.uuid();
    const steps: PlannedStep[] = [
      { by: ORG.mosavy, event: this.exploitation(rng, app, opened) },
      {
        by: ORG.mosavy,
        event: {
          type: 'consent_given',
          occurredOn: opened,
          consentId: rng.uuid(),
          purposes: ['repatriation', 'services', 'referral', 'data_sharing'],
          givenBy: child ? 'guardian' : 'person',
        },
      },
    ];
    const awaiting = rng.chance(0.2);
    steps.push({
      by: ORG.mosavy,
      event: {
        type: 'repatriation_recorded',
        occurredOn: awaiting ? opened : received,
        repatriationId,
        direction: 'home_from_abroad',
        country,
        assistingOrganisationIds: assisting,
        status: awaiting ? 'awaiting' : 'completed',
      },
    });
    if (awaiting)
      steps.push({ by: ORG.mosavy, event: { type: 'repatriation_completed', occurredOn: received, repatriationId } });
    if (refers) {
      const unit = POLICE_UNITS.find((u) => u.province === person.province);
      const to = unit && rng.chance(0.5) ? unit.dosavy : rng.pick([ORG.ngo, ORG.hagar, ORG.licadho]);
      const referralId = rng.uuid();
      const madeOn = clampDate(addDays(received, rng.int(0, 7)), received, `${year}-12-31`);
      steps.push({
        by: ORG.mosavy,
        event: {
          type: 'referral_made',
          occurredOn: madeOn,
          referralId,
          fromOrganisationId: ORG.mosavy,
          toOrganisationId: to,
          reason: 'Returnee needs reintegration support near home: shelter, counselling and vocational training.',
        },
      });
      steps.push({
        by: to,
        event: {
          type: 'referral_answered',
          occurredOn: addDays(madeOn, rng.int(0, 4)),
          referralId,
          answer: 'accepted',
        },
      });
    }
    const identity = this.identityAs(rng, 'mosavy', person);
    this.push('mosavy', year, received, (key) => ({
      key,
      agency: 'mosavy',
      truePersonId: person.id,
      organisationId: ORG.mosavy,
      person: this.statistics(rng, 'mosavy', person, identity),
      open: {
        type: 'case_opened',
        occurredOn: opened,
        source: rng.chance(0.6) ? 'referral' : 'other',
        ...provinceOf(person, rng, 0.05),
      },
      steps,
    }));
  }

  /** The NGO (Chab Dai): receives a returnee, records where they were exploited, and assists them. */
  private ngoRecord(rng: Prng, app: Appearance): void {
    const { person, year } = app;
    const end = `${year}-12-31`;
    const opened = clampDate(addDays(app.returned, rng.int(0, 10)), `${year}-01-01`, end);
    const started = clampDate(addDays(opened, rng.int(0, 2)), opened, end);
    const serviceType = rng.weighted([
      ['shelter', 35],
      ['psycho_social', 30],
      ['family_tracing', 15],
      ['vocational', 10],
      ['legal', 10],
    ] as const);
    const serviceId = rng.uuid();
    const steps: PlannedStep[] = [
      { by: ORG.ngo, event: this.exploitation(rng, app, opened) },
      {
        by: ORG.ngo,
        event: {
          type: 'consent_given',
          occurredOn: opened,
          consentId: rng.uuid(),
          purposes: ['services', 'data_sharing'],
          givenBy: isChildOn(person, opened) ? 'guardian' : 'person',
        },
      },
      {
        by: ORG.ngo,
        event: {
          type: 'service_started',
          occurredOn: started,
          serviceId,
          serviceType,
          providerOrganisationId: ORG.ngo,
          governmentFunded: false,
        },
      },
    ];
    const ended = addDays(started, rng.int(7, 120));
    if (rng.chance(0.25) && ended <= end)
      steps.push({ by: ORG.ngo, event: { type: 'service_ended', occurredOn: ended, serviceId } });
    const identity = this.identityAs(rng, 'ngo', person);
    this.push('ngo', year, started, (key) => ({
      key,
      agency: 'ngo',
      truePersonId: person.id,
      organisationId: ORG.ngo,
      person: this.statistics(rng, 'ngo', person, identity),
      open: {
        type: 'case_opened',
        occurredOn: opened,
        source: rng.chance(0.7) ? 'referral' : 'shelter_intake',
        ...provinceOf(person, rng, 0.05),
      },
      steps,
    }));
  }

  /** Repatriations still awaited at the end of 2017 (not counted: not completed). */
  private awaitingAtYearEnd(rng: Prng): void {
    for (let i = 0; i < 12; i++) {
      const country = rng.pick(['MYS', 'THA', 'VNM', 'CHN']);
      const person = this.newPerson(rng, country, 2017);
      const recorded = `2017-12-${String(rng.int(10, 28)).padStart(2, '0')}`;
      this.mfaicRecord(rng, { person, country, returned: recorded, year: 2017 }, { awaitingOnly: recorded });
    }
  }

  // --- police referrals -------------------------------------------------------------------------

  /**
   * Police units open a case at an operation and refer the victim to the provincial DoSAVY or an NGO.
   * Some referrals are declined and made again elsewhere (the victim counts once); a few victims
   * refuse referral (not counted). Some Banteay Meanchey interceptions of returnees from Thailand
   * are people the NGO also received in 2017.
   */
  private policeReferrals(rng: Prng, sets2017: readonly { agencies: Agency[]; app: Appearance }[]): void {
    const ngoThai = sets2017.filter(
      (s) => s.agencies.length === 1 && s.agencies[0] === 'ngo' && s.app.country === 'THA',
    );
    const shared = rng.shuffle(ngoThai).slice(0, 15);
    for (const year of DEMO_YEARS) {
      const target = PROTECTION_FIGURES.referredByPolice[year];
      const sharedThisYear = year === 2017 ? shared : [];
      for (let i = 0; i < target; i++) {
        const s = sharedThisYear[i];
        if (s) {
          const operation = addDays(s.app.returned, -rng.int(1, 3));
          this.policeRecord(rng, {
            unit: POLICE_UNITS[1],
            person: s.app.person,
            country: 'THA',
            on: clampDate(operation, `${year}-01-01`, `${year}-12-31`),
            year,
            refer: 'to-ngo',
          });
          continue;
        }
        const unit = rng.weighted(POLICE_UNITS.map((u) => [u, u.weight] as const));
        const country = unit.id === 'ahtjp-banteay-meanchey' && rng.chance(0.4) ? 'THA' : 'KHM';
        this.policeRecord(rng, {
          unit,
          person: this.newPerson(rng, country, year),
          country,
          on: rng.pick(daysOfYear(year)),
          year,
          refer: 'yes',
        });
      }
      const refused = year === 2017 ? 9 : 14;
      for (let i = 0; i < refused; i++) {
        const unit = rng.weighted(POLICE_UNITS.map((u) => [u, u.weight] as const));
        this.policeRecord(rng, {
          unit,
          person: this.newPerson(rng, 'KHM', year),
          country: 'KHM',
          on: rng.pick(daysOfYear(year)),
          year,
          refer: 'no',
        });
      }
    }
  }

  private policeRecord(
    rng: Prng,
    p: {
      unit: (typeof POLICE_UNITS)[number];
      person: TruePerson;
      country: string;
      on: string;
      year: number;
      refer: 'yes' | 'no' | 'to-ngo';
    },
  ): void {
    const { unit, person, on, year } = p;
    const end = `${year}-12-31`;
    const app: Appearance = { person, country: p.country, returned: on, year: year as DemoYear };
    const steps: PlannedStep[] = [{ by: unit.id, event: this.exploitation(rng, app, on, unit.province) }];
    if (p.refer === 'no') {
      steps.push({
        by: unit.id,
        event: {
          type: 'case_closed',
          occurredOn: addDays(on, rng.int(0, 5)),
          reason: 'other',
          note: 'The person declined referral and went home to the family.',
        },
      });
    } else {
      steps.push({
        by: unit.id,
        event: {
          type: 'consent_given',
          occurredOn: on,
          consentId: rng.uuid(),
          purposes: ['referral', 'services'],
          givenBy: isChildOn(person, on) ? 'guardian' : 'person',
        },
      });
      const receivers = [unit.dosavy, ORG.hagar, ORG.licadho, ORG.ngo];
      const first =
        p.refer === 'to-ngo' ? ORG.ngo : rng.weighted(receivers.map((r) => [r, weightOf(r, unit)] as const));
      const declined = p.refer === 'yes' && rng.chance(0.06);
      let madeOn = clampDate(addDays(on, rng.int(0, 2)), on, end);
      let to = first;
      for (let attempt = 0; ; attempt++) {
        const referralId = rng.uuid();
        steps.push({
          by: unit.id,
          event: {
            type: 'referral_made',
            occurredOn: madeOn,
            referralId,
            fromOrganisationId: unit.id,
            toOrganisationId: to,
            reason: isChildOn(person, on)
              ? 'Child victim: needs shelter, family tracing and a risk assessment before any return home.'
              : 'Victim identified in a police operation: needs shelter, medical care and psycho-social support.',
          },
        });
        const answeredOn = clampDate(addDays(madeOn, rng.int(0, 3)), madeOn, end);
        if (declined && attempt === 0) {
          steps.push({
            by: to,
            event: {
              type: 'referral_answered',
              occurredOn: answeredOn,
              referralId,
              answer: 'declined',
              reason: 'No shelter place available this week.',
            },
          });
          madeOn = answeredOn;
          to = to === unit.dosavy ? ORG.hagar : unit.dosavy;
          continue;
        }
        steps.push({
          by: to,
          event: { type: 'referral_answered', occurredOn: answeredOn, referralId, answer: 'accepted' },
        });
        break;
      }
    }
    const identity = this.identityAs(rng, 'police', person);
    this.push('police', year, on, (key) => ({
      key,
      agency: 'police',
      truePersonId: person.id,
      organisationId: unit.id,
      person: this.statistics(rng, 'police', person, identity),
      open: { type: 'case_opened', occurredOn: on, source: 'police_operation', province: unit.province },
      steps,
    }));
  }

  // --- foreign victims returned home by MOSAVY --------------------------------------------------

  private foreignVictims(rng: Prng): void {
    for (const year of DEMO_YEARS) {
      const counts: CountryCounts = PROTECTION_FIGURES.foreignVictimsRepatriated[year];
      for (const [country, count] of Object.entries(counts)) {
        for (let i = 0; i < count; i++) {
          const person = this.newForeignPerson(rng, country as 'VNM' | 'THA', year);
          const returned = rng.pick(daysOfYear(year).filter((d) => d >= `${year}-02-01`));
          const referred = addDays(returned, -rng.int(25, 90));
          const shelterId = rng.uuid();
          const repatriationId = rng.uuid();
          const child = isChildOn(person, referred);
          const steps: PlannedStep[] = [
            {
              by: ORG.mosavy,
              event: {
                type: 'consent_given',
                occurredOn: referred,
                consentId: rng.uuid(),
                purposes: ['services', 'repatriation', 'data_sharing'],
                givenBy: child ? 'guardian' : 'person',
              },
            },
            {
              by: ORG.mosavy,
              event: {
                type: 'exploitation_recorded',
                occurredOn: referred,
                types: [child ? 'forced_labour' : 'sexual_exploitation'],
                sectors: [child ? 'begging' : 'entertainment_hospitality'],
                methodsOfControl: child ? ['threats', 'psychological_abuse'] : ['debt_bondage', 'sexual_abuse'],
                recruitmentMethods: ['personal_contact'],
                recruitmentCountry: country,
                exploitationCountry: 'KHM',
                exploitationProvince: child ? 'KH-12' : rng.pick(['KH-12', 'KH-18', 'KH-17']),
              },
            },
            {
              by: ORG.mosavy,
              event: {
                type: 'service_started',
                occurredOn: referred,
                serviceId: shelterId,
                serviceType: 'shelter',
                providerOrganisationId: ORG.hagar,
                governmentFunded: false,
              },
            },
            {
              by: ORG.mosavy,
              event: {
                type: 'repatriation_recorded',
                occurredOn: addDays(referred, rng.int(5, 20)),
                repatriationId,
                direction: 'foreign_returned_home',
                country,
                assistingOrganisationIds: [ORG.mosavy, ORG.iom],
                status: 'awaiting',
              },
            },
            { by: ORG.mosavy, event: { type: 'repatriation_completed', occurredOn: returned, repatriationId } },
            { by: ORG.mosavy, event: { type: 'service_ended', occurredOn: returned, serviceId: shelterId } },
            { by: ORG.mosavy, event: { type: 'case_closed', occurredOn: returned, reason: 'repatriated' } },
          ];
          const identity = this.foreignIdentity(rng, person);
          this.push('mosavy', year, returned, (key) => ({
            key,
            agency: 'mosavy',
            truePersonId: person.id,
            organisationId: ORG.mosavy,
            person: { sex: person.sex, birthYear: person.birthYear, nationality: country, province: null, identity },
            open: { type: 'case_opened', occurredOn: referred, source: 'referral', province: 'KH-12' },
            steps,
          }));
        }
      }
    }
  }

  // --- Poipet transit centre -----------------------------------------------------------------------

  /**
   * Deportees from Thailand screened at Poipet, one tally a day, none indicated. Fewer on weekends;
   * in late June and July 2017 many more (the exodus after Thailand's new foreign-worker decree).
   */
  private tallies(rng: Prng): PlannedTally[] {
    const out: PlannedTally[] = [];
    for (const year of DEMO_YEARS) {
      const days = daysOfYear(year);
      const weights = days.map((d) => {
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
        const base = weekday === 0 ? 0.35 : weekday === 6 ? 0.6 : 1;
        const surge = year === 2017 && d >= '2017-06-24' && d <= '2017-07-31' ? 2.6 : 1;
        const newYear = d.slice(5) >= '04-13' && d.slice(5) <= '04-16' ? 0.4 : 1;
        return base * surge * newYear * (0.7 + rng.next() * 0.6);
      });
      const screened = apportion(PROTECTION_FIGURES.deporteesScreenedPoipet[year], weights);
      days.forEach((day, i) => out.push({ day, screened: screened[i]!, indicated: 0 }));
    }
    return out;
  }

  // --- people and what each agency writes down about them ---------------------------------------

  private newPerson(rng: Prng, country: string, year: number): TruePerson {
    const profile = PROFILES[country] ?? PROFILES.THA!;
    const child = rng.chance(profile.child);
    const sex: Sex = rng.chance(profile.female) ? 'female' : 'male';
    const age = child ? rng.int(7, 17) : rng.int(...rng.weighted(ADULT_AGE));
    const birthYear = year - age;
    const given = rng.weighted(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    const phones = [mobileNumber(rng), ...(rng.chance(0.6) ? [mobileNumber(rng)] : [])];
    const person: TruePerson = {
      id: `TP-${String(++this.personSeq).padStart(5, '0')}`,
      sex,
      dateOfBirth: `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
      birthYear,
      nationality: 'KHM',
      province: rng.weighted(ORIGIN_PROVINCES),
      family: rng.weighted(FAMILY_NAMES),
      given,
      foreignName: null,
      nickname: rng.chance(0.3) ? rng.pick(NICKNAMES) : null,
      phones: child ? phones.slice(1).concat(phones.slice(0, 1)) : phones,
      nationalId: !child && rng.chance(0.55) ? nationalIdNumber(rng) : null,
      passport: !child && rng.chance(profile.passport) ? passportNumber(rng) : null,
      village: rng.pick(VILLAGES),
      commune: rng.pick(COMMUNES),
    };
    this.persons.push(person);
    return person;
  }

  private newForeignPerson(rng: Prng, nationality: 'VNM' | 'THA', year: number): TruePerson {
    const child = rng.chance(0.4);
    const sex: Sex = child ? rng.pick(['female', 'male'] as const) : 'female';
    const birthYear = year - (child ? rng.int(8, 16) : rng.int(18, 30));
    const foreignName =
      nationality === 'VNM'
        ? {
            family: rng.pick(VIETNAMESE_NAMES.family),
            given: `${rng.pick(VIETNAMESE_NAMES.middle[sex])} ${rng.pick(VIETNAMESE_NAMES.given[sex])}`,
          }
        : { family: rng.pick(THAI_NAMES.family), given: rng.pick(THAI_NAMES.given[sex]) };
    const person: TruePerson = {
      id: `TP-${String(++this.personSeq).padStart(5, '0')}`,
      sex,
      dateOfBirth: `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
      birthYear,
      nationality,
      province: null,
      family: null,
      given: null,
      foreignName,
      nickname: null,
      phones: [],
      nationalId: null,
      passport: null,
      village: '',
      commune: '',
    };
    this.persons.push(person);
    return person;
  }

  private dropPerson(p: TruePerson): void {
    const i = this.persons.indexOf(p);
    if (i >= 0) this.persons.splice(i, 1);
  }

  /**
   * The identity as one agency records it. MFAIC works from passports and travel documents (Latin,
   * often upper case, full date of birth); MOSAVY writes Khmer script first, often a birth year
   * only; the NGO writes the name as the person says it (variants, given name first, a nickname).
   */
  private identityAs(rng: Prng, agency: Agency, p: TruePerson): Identity {
    const family = p.family!;
    const given = p.given!;
    const names: Identity['names'] = [];
    const khmer = { script: 'khmr' as const, family: family.km, given: given.km };
    const documents: Identity['documents'] = [];
    const phones: string[] = [];
    const addresses: Identity['addresses'] = [];
    const aliases: string[] = [];
    let dateOfBirth: string | undefined;
    const address = () => ({
      text: `${p.village}, ${p.commune}`,
      ...(p.province ? { province: p.province } : {}),
    });
    switch (agency) {
      case 'mfaic': {
        const upper = rng.chance(0.6);
        const f = spell(rng, family, 0.15);
        const g = spell(rng, given, 0.2);
        names.push({ script: 'latn', family: upper ? f.toUpperCase() : f, given: upper ? g.toUpperCase() : g });
        if (rng.chance(0.3)) names.push(khmer);
        const dob = rng.next();
        if (dob < 0.78) dateOfBirth = p.dateOfBirth;
        else if (dob < 0.88) dateOfBirth = swapDayMonth(p.dateOfBirth);
        if (p.passport && rng.chance(0.8)) documents.push({ type: 'passport', number: p.passport, country: 'KHM' });
        else if (rng.chance(0.5)) documents.push({ type: 'other', number: `TD${rng.int(100000, 999999)}` });
        if (p.phones.length && rng.chance(0.35)) phones.push(formatPhone(p.phones.at(-1)!, 'international'));
        break;
      }
      case 'mosavy': {
        names.push(khmer);
        if (rng.chance(0.7))
          names.push({ script: 'latn', family: spell(rng, family, 0.3), given: spell(rng, given, 0.4) });
        if (rng.chance(0.4)) dateOfBirth = p.dateOfBirth;
        if (p.nationalId && rng.chance(0.5))
          documents.push({ type: 'national_id', number: p.nationalId, country: 'KHM' });
        if (p.phones.length && rng.chance(0.6)) {
          const phone = rng.chance(0.5) ? p.phones[0]! : (p.phones[1] ?? mobileNumber(rng));
          phones.push(formatPhone(phone, rng.pick(['spaced', 'plain'] as const)));
        }
        addresses.push(address());
        break;
      }
      case 'ngo': {
        const f = spell(rng, family, 0.35);
        const g = spell(rng, given, 0.45);
        if (rng.chance(0.3)) names.push({ script: 'latn', full: `${g} ${f}` });
        else names.push({ script: 'latn', family: f, given: g });
        if (rng.chance(0.5)) names.push(khmer);
        if (p.nickname && rng.chance(0.7)) aliases.push(p.nickname);
        if (rng.chance(0.55)) dateOfBirth = p.dateOfBirth;
        if (p.phones.length && rng.chance(0.85))
          phones.push(
            formatPhone(rng.pick(p.phones), rng.pick(['spaced', 'plain', 'dashed', 'international'] as const)),
          );
        if (rng.chance(0.6)) addresses.push(address());
        break;
      }
      case 'police': {
        names.push(khmer);
        names.push({ script: 'latn', family: spell(rng, family, 0.3), given: spell(rng, given, 0.3) });
        if (p.nickname && rng.chance(0.4)) aliases.push(p.nickname);
        if (rng.chance(0.3)) dateOfBirth = p.dateOfBirth;
        if (p.nationalId && rng.chance(0.3))
          documents.push({ type: 'national_id', number: p.nationalId, country: 'KHM' });
        if (p.phones.length && rng.chance(0.5)) phones.push(formatPhone(p.phones[0]!, 'spaced'));
        break;
      }
    }
    return {
      names,
      aliases,
      ...(dateOfBirth ? { dateOfBirth } : {}),
      documents,
      phones,
      addresses,
    };
  }

  private foreignIdentity(rng: Prng, p: TruePerson): Identity {
    const name = p.foreignName!;
    const names: Identity['names'] = [{ script: 'latn', family: name.family, given: name.given }];
    if (rng.chance(0.4))
      names.push({
        script: 'latn',
        full: `${name.family} ${name.given}`.normalize('NFD').replace(/\p{M}/gu, '').replace(/[Đđ]/g, 'D'),
      });
    return {
      names,
      aliases: [],
      ...(rng.chance(0.3) ? { dateOfBirth: p.dateOfBirth } : {}),
      documents: [],
      phones: [],
      addresses: [],
    };
  }

  /** Statistical attributes as recorded: a birth year from the date of birth, or an estimate. */
  private statistics(rng: Prng, agency: Agency, p: TruePerson, identity: Identity): PlannedRecord['person'] {
    const recordedYear = identity.dateOfBirth ? Number(identity.dateOfBirth.slice(0, 4)) : null;
    const estimate = rng.chance(agency === 'mfaic' ? 0.1 : 0.25) ? p.birthYear + rng.pick([-1, 1]) : p.birthYear;
    const birthYear = recordedYear ?? (rng.chance(0.04) ? null : estimate);
    const province = p.province && rng.chance(0.05) ? rng.weighted(ORIGIN_PROVINCES) : p.province;
    return { sex: p.sex, birthYear, nationality: rng.chance(0.03) ? null : p.nationality, province, identity };
  }

  private exploitation(rng: Prng, app: Appearance, on: string, province?: string): EventOf<'exploitation_recorded'> {
    const { person, country } = app;
    const profile = PROFILES[country] ?? PROFILES.THA!;
    const child = isChildOn(person, on);
    const sector = rng.weighted(child ? profile.children : person.sex === 'female' ? profile.women : profile.male);
    const methods = rng.shuffle(METHODS[sector] ?? ['other']).slice(0, rng.int(1, 3));
    const from = addDays(on, -rng.int(30, 700));
    const to = addDays(on, -rng.int(0, Math.min(25, Math.max(0, daysBetween(from, on)))));
    return {
      type: 'exploitation_recorded',
      occurredOn: on,
      types: [typeOf(sector)],
      sectors: [sector],
      methodsOfControl: methods,
      recruitmentMethods: [sector === 'forced_marriage' ? 'marriage_broker' : rng.pick(profile.recruitment)],
      recruitmentCountry: 'KHM',
      ...(person.province && rng.chance(0.7) ? { recruitmentProvince: person.province } : {}),
      exploitationCountry: country,
      ...(country === 'KHM' && province ? { exploitationProvince: province } : {}),
      from,
      to,
    };
  }

  private push(agency: Agency, year: number, sortOn: string, build: (key: string) => PlannedRecord): void {
    this.records.push({ agency, year, sortOn, build });
  }
}

const AGENCY_ORDER: readonly Agency[] = ['mfaic', 'mosavy', 'ngo', 'police'];

function weightOf(org: string, unit: (typeof POLICE_UNITS)[number]): number {
  if (org === unit.dosavy) return 55;
  if (org === ORG.hagar) return 20;
  if (org === ORG.licadho) return 15;
  return 10;
}

function provinceOf(p: TruePerson, rng: Prng, missing: number): { province?: string } {
  return p.province && !rng.chance(missing) ? { province: p.province } : {};
}

function isChildOn(p: TruePerson, on: string): boolean {
  return Number(on.slice(0, 4)) - p.birthYear < 18;
}

function swapDayMonth(date: string): string {
  const [y, m, d] = date.split('-');
  return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : date;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
