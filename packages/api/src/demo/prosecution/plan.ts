import type { CriminalCaseEvent, CriminalEventOf, Identity } from '@ctis/core';
import {
  COMMUNES,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  formatPhone,
  MALE_GIVEN_NAMES,
  mobileNumber,
  nationalIdNumber,
  NICKNAMES,
  spell,
  THAI_NAMES,
  VIETNAMESE_NAMES,
  VILLAGES,
} from '../protection/names.ts';
import { addDays, Prng } from '../protection/prng.ts';
import { CHINESE_NAMES, CST_NATIONALITIES, FOREIGN_NAMES } from './names.ts';

/**
 * The prosecution demo as a plan, before anything is written: criminal cases as event streams for
 * the core state machine (packages/core/src/criminal-case), each event with the organisation whose
 * user records it. Pure and deterministic: the same seed gives the same plan, placeholder ids
 * included. Suspect ids, person ids and victim case ids in the plan are placeholders (UUIDs drawn
 * from the seed); the loader replaces them with the ids the database gives.
 *
 * The figures (figures.ts) fix how many charged suspects take each path (JOURNEYS: year charged,
 * year judged, outcome), so they never depend on the seed; the seed decides who, where, when, and
 * how the cases group them.
 */

export const PROSECUTION_DEMO_SEED = 20_180_628;

/** The demo's time span: cases opened from 2015 (so 2016 convictions can follow 2015 charges) to early 2018. */
export const DEMO_START = '2015-01-01';
export const DEMO_END = '2018-03-31';

/** The country whose nationals are not "foreign" (config country). */
export const DEMO_COUNTRY = 'KHM';

export const LAW_2008 = 'law-2008-suppression-human-trafficking';
export const PENAL_CODE = 'criminal-code-2009';
export const APPEAL_COURT = 'appeal-court';

/** Police units leading investigations, with the provincial prosecutor and court beside each (ids from config/countries/KHM.json). */
export const JURISDICTIONS = [
  {
    unit: 'ahtjp-phnom-penh',
    province: 'KH-12',
    prosecutor: 'prosecutor-phnom-penh',
    court: 'court-phnom-penh',
  },
  {
    unit: 'ahtjp-banteay-meanchey',
    province: 'KH-1',
    prosecutor: 'prosecutor-banteay-meanchey',
    court: 'court-banteay-meanchey',
  },
  { unit: 'ahtjp-siem-reap', province: 'KH-17', prosecutor: 'prosecutor-siem-reap', court: 'court-siem-reap' },
  { unit: 'ahtjp-battambang', province: 'KH-2', prosecutor: 'prosecutor-battambang', court: 'court-battambang' },
  {
    unit: 'ahtjp-preah-sihanouk',
    province: 'KH-18',
    prosecutor: 'prosecutor-preah-sihanouk',
    court: 'court-preah-sihanouk',
  },
  // Kandal has no provincial AHTJP office in the configuration: the national department leads there.
  { unit: 'ahtjp', province: 'KH-8', prosecutor: 'prosecutor-kandal', court: 'court-kandal' },
] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
type UnitId = Jurisdiction['unit'];

/** Every organisation the demo acts as or names. */
export const PROSECUTION_ORGANISATIONS: readonly string[] = [
  ...JURISDICTIONS.flatMap((j) => [j.unit, j.prosecutor, j.court]),
  APPEAL_COURT,
];

export type CaseKind =
  'trafficking' | 'child_sex_tourism' | 'stalled' | 'closed_uncharged' | 'public_official' | 'non_trafficking';

export type Sex = 'female' | 'male';

export interface PlannedSuspectPerson {
  readonly sex: Sex;
  readonly birthYear: number | null;
  readonly nationality: string;
  readonly identity: Identity;
}

/** One event after the opening, and the organisation whose user records it. `person` comes with suspect_added. */
export interface PlannedCriminalStep {
  readonly by: string;
  readonly event: Exclude<CriminalCaseEvent, { type: 'investigation_opened' }>;
  readonly person?: PlannedSuspectPerson;
}

export interface PlannedCriminalCase {
  /** Stable key, e.g. "cc-2017-0042" (year opened, sequence by opening date). */
  readonly key: string;
  readonly kind: CaseKind;
  /** Opened by its lead unit (leadUnitOrganisationId). */
  readonly open: CriminalEventOf<'investigation_opened'>;
  /** In date order (events of one date in the order they happened). */
  readonly steps: readonly PlannedCriminalStep[];
}

export interface ProsecutionPlan {
  readonly seed: number;
  readonly cases: readonly PlannedCriminalCase[];
}

/**
 * The path a charged suspect takes. `pending_*` suspects have no verdict by the end of the demo
 * (DEMO_END): held, under supervision (with check-ins; `_missed`: a check-in missed in December 2017),
 * absconded without an arrest warrant, at large under a warrant, or re-arrested and held again.
 */
export type Outcome =
  | 'convicted'
  | 'convicted_supervised'
  | 'convicted_rearrested'
  | 'in_absentia'
  | 'acquitted'
  | 'dismissed'
  | 'settled'
  | 'pending_detained'
  | 'pending_supervised'
  | 'pending_supervised_missed'
  | 'pending_absconded'
  | 'pending_warrant'
  | 'pending_rearrested';

export interface JourneyCell {
  readonly charged: number;
  /** The year of the verdict; null: no verdict by DEMO_END. */
  readonly judged: number | null;
  readonly outcomes: Readonly<Partial<Record<Outcome, number>>>;
}

/**
 * Charged suspects of trafficking cases, by year charged, year judged and path (chosen; the sums are
 * the figures). Charged 2016: 41 + 10 + 2 = 53; charged 2017: 132 + 5 + 70 = 207. Convicted (convicted
 * or in absentia) in 2016: 62 charged in 2015 + 38 charged in 2016 = 100; in 2017: 5 + 8 + 116 = 129.
 */
export const JOURNEYS: readonly JourneyCell[] = [
  { charged: 2015, judged: 2015, outcomes: { convicted: 10, acquitted: 2 } },
  {
    charged: 2015,
    judged: 2016,
    outcomes: {
      convicted: 55,
      convicted_supervised: 3,
      convicted_rearrested: 2,
      in_absentia: 2,
      acquitted: 5,
      dismissed: 4,
      settled: 2,
    },
  },
  { charged: 2015, judged: 2017, outcomes: { convicted: 4, in_absentia: 1, acquitted: 1 } },
  { charged: 2015, judged: null, outcomes: { pending_warrant: 3 } },
  {
    charged: 2016,
    judged: 2016,
    outcomes: {
      convicted: 30,
      convicted_supervised: 4,
      convicted_rearrested: 1,
      in_absentia: 3,
      acquitted: 2,
      dismissed: 1,
    },
  },
  { charged: 2016, judged: 2017, outcomes: { convicted: 7, in_absentia: 1, dismissed: 1, settled: 1 } },
  { charged: 2016, judged: null, outcomes: { pending_absconded: 1, pending_supervised: 1 } },
  {
    charged: 2017,
    judged: 2017,
    outcomes: {
      convicted: 100,
      convicted_supervised: 8,
      convicted_rearrested: 3,
      in_absentia: 5,
      acquitted: 8,
      dismissed: 6,
      settled: 2,
    },
  },
  { charged: 2017, judged: 2018, outcomes: { convicted: 4, acquitted: 1 } },
  {
    charged: 2017,
    judged: null,
    outcomes: {
      pending_detained: 45,
      pending_supervised: 7,
      pending_supervised_missed: 4,
      pending_absconded: 5,
      pending_warrant: 5,
      pending_rearrested: 4,
    },
  },
  { charged: 2018, judged: null, outcomes: { pending_detained: 6 } },
];

/**
 * Child-sex-tourism cases: foreigners arrested (and charged) the year the case opens, some with a
 * Cambodian facilitator. Their charged suspects are taken from JOURNEYS. Foreigners arrested: 4 in
 * 2015, 12 in 2016, 5 in 2017 (the figures); besides, one foreigner each in 2016 and 2017 left the
 * country before arrest (not counted).
 */
const CST_CASES: readonly { charged: number; judged: number | null; foreign: Outcome[]; local: Outcome[] }[] = [
  { charged: 2015, judged: 2015, foreign: ['convicted'], local: [] },
  { charged: 2015, judged: 2015, foreign: ['convicted'], local: ['convicted'] },
  { charged: 2015, judged: 2016, foreign: ['convicted'], local: [] },
  { charged: 2015, judged: 2016, foreign: ['convicted'], local: [] },
  { charged: 2016, judged: 2016, foreign: ['convicted', 'convicted'], local: ['convicted'] },
  ...Array.from({ length: 5 }, () => ({ charged: 2016, judged: 2016, foreign: ['convicted' as const], local: [] })),
  { charged: 2016, judged: 2016, foreign: ['convicted'], local: ['convicted'] },
  { charged: 2016, judged: 2016, foreign: ['acquitted'], local: [] },
  { charged: 2016, judged: 2016, foreign: ['convicted'], local: ['dismissed'] },
  { charged: 2016, judged: 2017, foreign: ['convicted'], local: [] },
  { charged: 2016, judged: 2017, foreign: ['convicted'], local: [] },
  { charged: 2017, judged: 2017, foreign: ['convicted'], local: ['convicted'] },
  { charged: 2017, judged: 2017, foreign: ['convicted'], local: [] },
  { charged: 2017, judged: 2017, foreign: ['convicted'], local: [] },
  { charged: 2017, judged: null, foreign: ['pending_detained'], local: [] },
  { charged: 2017, judged: null, foreign: ['pending_detained'], local: [] },
];

type Basis = readonly [lawId: string, article: string, weight: number];

interface Profile {
  readonly id: string;
  readonly weight: number;
  readonly exploitation: 'sex' | 'labour' | 'both';
  readonly bases: readonly Basis[];
  readonly nationalities: readonly (readonly [string, number])[];
  readonly female: number;
  readonly units: Readonly<Partial<Record<UnitId, number>>>;
}

/** Kinds of trafficking case, with where they are investigated and who the suspects are. */
const PROFILES: readonly Profile[] = [
  {
    id: 'sex_venue',
    weight: 30,
    exploitation: 'sex',
    bases: [
      [LAW_2008, '15', 5],
      [PENAL_CODE, '284', 3],
      [LAW_2008, '17', 1],
    ],
    nationalities: [
      ['KHM', 85],
      ['VNM', 12],
      ['CHN', 3],
    ],
    female: 0.45,
    units: {
      'ahtjp-phnom-penh': 4,
      'ahtjp-siem-reap': 2,
      'ahtjp-preah-sihanouk': 2,
      'ahtjp-banteay-meanchey': 1,
      'ahtjp-battambang': 1,
      ahtjp: 1,
    },
  },
  {
    id: 'cross_border_labour',
    weight: 25,
    exploitation: 'labour',
    bases: [
      [LAW_2008, '11', 3],
      [LAW_2008, '16', 2],
      [LAW_2008, '12', 2],
    ],
    nationalities: [
      ['KHM', 85],
      ['THA', 15],
    ],
    female: 0.35,
    units: { 'ahtjp-banteay-meanchey': 5, 'ahtjp-battambang': 3, 'ahtjp-siem-reap': 1, 'ahtjp-phnom-penh': 1 },
  },
  {
    id: 'bride_china',
    weight: 15,
    exploitation: 'both',
    bases: [
      [LAW_2008, '16', 3],
      [LAW_2008, '11', 2],
    ],
    nationalities: [
      ['KHM', 60],
      ['CHN', 40],
    ],
    female: 0.5,
    units: { 'ahtjp-phnom-penh': 3, ahtjp: 3, 'ahtjp-battambang': 1 },
  },
  {
    id: 'fishing',
    weight: 10,
    exploitation: 'labour',
    bases: [
      [LAW_2008, '12', 2],
      [LAW_2008, '17', 1],
    ],
    nationalities: [
      ['KHM', 75],
      ['THA', 25],
    ],
    female: 0.15,
    units: { 'ahtjp-preah-sihanouk': 4, 'ahtjp-banteay-meanchey': 1, 'ahtjp-phnom-penh': 1 },
  },
  {
    id: 'child_begging',
    weight: 8,
    exploitation: 'labour',
    bases: [
      [LAW_2008, '15', 2],
      [LAW_2008, '10', 1],
    ],
    nationalities: [['KHM', 1]],
    female: 0.6,
    units: { 'ahtjp-phnom-penh': 3, 'ahtjp-banteay-meanchey': 2, 'ahtjp-siem-reap': 1 },
  },
  {
    id: 'domestic_work_abroad',
    weight: 12,
    exploitation: 'labour',
    bases: [
      [LAW_2008, '12', 3],
      [LAW_2008, '19', 1],
    ],
    nationalities: [['KHM', 1]],
    female: 0.55,
    units: { 'ahtjp-phnom-penh': 3, ahtjp: 2, 'ahtjp-battambang': 1 },
  },
];

const CST_UNITS: Readonly<Partial<Record<UnitId, number>>> = {
  'ahtjp-siem-reap': 4,
  'ahtjp-preah-sihanouk': 4,
  'ahtjp-phnom-penh': 3,
};

/** Prison terms (months) by the law and article charged first. */
function prisonRange(lawId: string, article: string): readonly [number, number] {
  if (lawId === PENAL_CODE) return article === '239' ? [60, 120] : [24, 60];
  return article === '9' ? [24, 60] : [84, 180];
}

const CASE_SIZES: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 30],
  [3, 17],
  [4, 9],
  [5, 4],
];

// ---------------------------------------------------------------------------------------------

export function generateProsecutionPlan(seed: number = PROSECUTION_DEMO_SEED): ProsecutionPlan {
  return new Generator(seed).run();
}

type StepEvent = PlannedCriminalStep['event'];

/** Collects a case's events with their dates; sorted by date (stable: same-day events keep their order). */
class CaseBuilder {
  private readonly items: { seq: number; step: PlannedCriminalStep }[] = [];
  /** Suspects still at large and never charged: the file stays open for them. */
  atLarge = false;
  pendingAppeal = false;

  constructor(
    readonly kind: CaseKind,
    readonly open: CriminalEventOf<'investigation_opened'>,
    readonly jurisdiction: Jurisdiction,
  ) {}

  get lead(): string {
    return this.open.leadUnitOrganisationId;
  }

  add(by: string, event: StepEvent, person?: PlannedSuspectPerson): void {
    this.items.push({ seq: this.items.length, step: person ? { by, event, person } : { by, event } });
  }

  last(): string {
    return this.items.reduce(
      (max, i) => (i.step.event.occurredOn > max ? i.step.event.occurredOn : max),
      this.open.occurredOn,
    );
  }

  steps(): PlannedCriminalStep[] {
    return [...this.items]
      .sort((a, b) => a.step.event.occurredOn.localeCompare(b.step.event.occurredOn) || a.seq - b.seq)
      .map((i) => i.step);
  }
}

interface SuspectSpec {
  readonly nationality: string;
  /** null: never charged. */
  readonly outcome: Outcome | null;
  readonly arrested: boolean;
  readonly publicOfficial?: { readonly position: string; readonly agency: string };
  readonly female?: number;
  readonly ageRange?: readonly [number, number];
}

interface Timeline {
  readonly opened: string;
  readonly evidence: string;
  readonly charged: string;
  readonly verdict: string | null;
}

class Generator {
  private readonly builders: CaseBuilder[] = [];

  constructor(private readonly seed: number) {}

  run(): ProsecutionPlan {
    const root = new Prng(this.seed);
    const pools = this.pools(root.fork('pools'));
    this.childSexTourism(root.fork('cst'), pools);
    this.trafficking(root.fork('trafficking'), pools);
    this.stalledAndClosed(root.fork('uncharged'));
    this.nonTrafficking(root.fork('non-trafficking'));
    this.publicOfficials(root.fork('officials'));

    const ordered = this.builders
      .map((b, i) => ({ b, i }))
      .sort((x, y) => x.b.open.occurredOn.localeCompare(y.b.open.occurredOn) || x.i - y.i);
    const counters = new Map<string, number>();
    const cases = ordered.map(({ b }) => {
      const year = b.open.occurredOn.slice(0, 4);
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      return { key: `cc-${year}-${String(n).padStart(4, '0')}`, kind: b.kind, open: b.open, steps: b.steps() };
    });
    return { seed: this.seed, cases };
  }

  // --- pools of journeys ------------------------------------------------------------------------

  private pools(rng: Prng): Map<string, Outcome[]> {
    const pools = new Map<string, Outcome[]>();
    for (const cell of JOURNEYS) {
      const list: Outcome[] = [];
      for (const [outcome, n] of Object.entries(cell.outcomes) as [Outcome, number][])
        for (let i = 0; i < n; i++) list.push(outcome);
      pools.set(cellKey(cell.charged, cell.judged), rng.shuffle(list));
    }
    return pools;
  }

  private take(pools: Map<string, Outcome[]>, charged: number, judged: number | null, outcome: Outcome): Outcome {
    const pool = pools.get(cellKey(charged, judged));
    const i = pool?.indexOf(outcome) ?? -1;
    if (!pool || i < 0) throw new Error(`no ${outcome} left among suspects charged ${charged}, judged ${judged}`);
    pool.splice(i, 1);
    return outcome;
  }

  // --- case kinds ---------------------------------------------------------------------------------

  private childSexTourism(rng: Prng, pools: Map<string, Outcome[]>): void {
    for (const c of CST_CASES) {
      const j = unit(rng.weighted(weightsOf(CST_UNITS)));
      const suspects: SuspectSpec[] = [
        ...c.foreign.map((o) => ({
          nationality: rng.weighted(CST_NATIONALITIES),
          outcome: this.take(pools, c.charged, c.judged, o),
          arrested: true,
          female: 0.02,
          ageRange: [35, 72] as const,
        })),
        ...c.local.map((o) => ({
          nationality: DEMO_COUNTRY,
          outcome: this.take(pools, c.charged, c.judged, o),
          arrested: true,
          female: 0.6,
        })),
      ];
      this.chargedCase(rng, {
        kind: 'child_sex_tourism',
        jurisdiction: j,
        exploitation: 'sex',
        bases: [[LAW_2008, '15', 1]],
        traffickingOffence: true,
        childSexTourism: true,
        charged: c.charged,
        judged: c.judged,
        suspects,
        openedNotBefore: `${c.charged}-01-02`,
        extraSuspect: false,
      });
    }
    // A foreigner who left the country before he could be arrested: not counted. In 2016 the file
    // went to his country's authorities; in 2017 the case waits (evidence supplied, nobody charged).
    for (const year of [2016, 2017]) {
      const j = unit(rng.weighted(weightsOf(CST_UNITS)));
      const opened = rng.pick(datesBetween(`${year}-02-01`, `${year}-07-31`));
      const b = this.newCase(rng, 'child_sex_tourism', j, opened, 'sex', [LAW_2008, '15'], true, true);
      this.addSuspect(rng, b, opened, {
        nationality: rng.weighted(CST_NATIONALITIES),
        outcome: null,
        arrested: false,
        female: 0,
        ageRange: [35, 72],
      });
      const evidence = addDays(opened, rng.int(20, 60));
      b.add(b.lead, { type: 'evidence_supplied', occurredOn: evidence, prosecutorOrganisationId: j.prosecutor });
      if (year === 2016)
        b.add(b.lead, {
          type: 'case_closed',
          occurredOn: addDays(evidence, rng.int(60, 150)),
          reason: 'transferred',
          note: 'The suspect left Cambodia before arrest; the file was sent to his country through Interpol.',
        });
    }
  }

  private trafficking(rng: Prng, pools: Map<string, Outcome[]>): void {
    for (const cell of JOURNEYS) {
      const pool = pools.get(cellKey(cell.charged, cell.judged))!;
      while (pool.length) {
        const size = Math.min(pool.length, rng.weighted(CASE_SIZES));
        const outcomes = pool.splice(0, size);
        const profile = rng.weighted(PROFILES.map((p) => [p, p.weight] as const));
        const j = unit(rng.weighted(weightsOf(profile.units)));
        this.chargedCase(rng, {
          kind: 'trafficking',
          jurisdiction: j,
          exploitation: profile.exploitation,
          bases: profile.bases,
          traffickingOffence: true,
          charged: cell.charged,
          judged: cell.judged,
          suspects: outcomes.map((o) => ({
            nationality: rng.weighted(profile.nationalities),
            outcome: o,
            arrested: rng.chance(0.85),
            female: profile.female,
          })),
          extraSuspect: rng.chance(0.15) ? rng.weighted(profile.nationalities) : false,
        });
      }
    }
  }

  /**
   * Cases nobody is charged in: stalled after the police supplied evidence (the prosecutor has not
   * moved), closed for insufficient evidence or with no suspect identified, or not prosecuted.
   */
  private stalledAndClosed(rng: Prng): void {
    const profile = () => rng.weighted(PROFILES.map((p) => [p, p.weight] as const));
    const start = (p: Profile, kind: CaseKind, from: string, to: string) => {
      const j = unit(rng.weighted(weightsOf(p.units)));
      const opened = rng.pick(datesBetween(from, to));
      const [lawId, article] = rng.weighted(p.bases.map((b) => [b, b[2]] as const));
      return { b: this.newCase(rng, kind, j, opened, p.exploitation, [lawId, article], true, false), j, opened, p };
    };
    const suspects = (b: CaseBuilder, p: Profile, opened: string, arrested: () => boolean) => {
      for (let i = rng.int(1, 2); i > 0; i--)
        this.addSuspect(rng, b, addDays(opened, i === 1 ? 0 : rng.int(0, 15)), {
          nationality: rng.weighted(p.nationalities),
          outcome: null,
          arrested: arrested(),
          female: p.female,
        });
    };
    // Stalled: evidence with the prosecutor, no charge, long past the alert threshold (and one not yet).
    const stalled: [string, string][] = [
      ['2016-03-01', '2016-09-30'],
      ['2016-05-01', '2016-10-31'],
      ...Array.from({ length: 5 }, (): [string, string] => ['2017-01-10', '2017-09-10']),
      ['2017-10-20', '2017-11-25'],
    ];
    for (const [from, to] of stalled) {
      const { b, j, opened, p } = start(profile(), 'stalled', from, to);
      suspects(b, p, opened, () => false);
      const evidence = addDays(opened, rng.int(14, 35));
      b.add(b.lead, { type: 'evidence_supplied', occurredOn: evidence, prosecutorOrganisationId: j.prosecutor });
      const again = addDays(evidence, rng.int(90, 240));
      if (rng.chance(0.4) && again <= DEMO_END)
        b.add(b.lead, { type: 'evidence_supplied', occurredOn: again, prosecutorOrganisationId: j.prosecutor });
    }
    // Closed without charge.
    const closed: [CriminalEventOf<'case_closed'>['reason'], string, number][] = [
      ['insufficient_evidence', '2016', 3],
      ['insufficient_evidence', '2017', 4],
      ['no_suspect_identified', '2016', 2],
      ['no_suspect_identified', '2017', 3],
      ['not_prosecuted', '2017', 2],
    ];
    for (const [reason, year, n] of closed)
      for (let i = 0; i < n; i++) {
        const { b, j, opened, p } = start(profile(), 'closed_uncharged', `${year}-01-10`, `${year}-10-31`);
        let last = opened;
        if (reason !== 'no_suspect_identified') suspects(b, p, opened, () => rng.chance(0.4));
        if (reason !== 'no_suspect_identified' && (reason === 'not_prosecuted' || rng.chance(0.5))) {
          last = addDays(opened, rng.int(14, 40));
          b.add(b.lead, { type: 'evidence_supplied', occurredOn: last, prosecutorOrganisationId: j.prosecutor });
        }
        b.add(b.lead, { type: 'case_closed', occurredOn: addDays(last, rng.int(30, 55)), reason });
      }
  }

  /** Rape cases (penal code, not trafficking): the same units and courts; they must not count. */
  private nonTrafficking(rng: Prng): void {
    const plan: [number, number | null, Outcome][] = [
      ...Array.from({ length: 6 }, (): [number, number, Outcome] => [2016, 2016, 'convicted']),
      [2016, 2016, 'acquitted'],
      [2016, 2017, 'dismissed'],
      ...Array.from({ length: 7 }, (): [number, number, Outcome] => [2017, 2017, 'convicted']),
      [2017, 2018, 'convicted'],
      [2017, 2017, 'acquitted'],
      [2017, null, 'pending_detained'],
      [2017, null, 'pending_detained'],
      [2017, null, 'pending_supervised'],
    ];
    for (const [charged, judged, outcome] of plan) {
      const j = rng.pick(JURISDICTIONS);
      this.chargedCase(rng, {
        kind: 'non_trafficking',
        jurisdiction: j,
        exploitation: 'sex',
        bases: [[PENAL_CODE, '239', 1]],
        traffickingOffence: false,
        charged,
        judged,
        // One foreigner arrested for rape (not child sex tourism): must not count as CST either.
        suspects: [
          {
            nationality: charged === 2016 && outcome === 'acquitted' ? 'AUS' : DEMO_COUNTRY,
            outcome,
            arrested: true,
            female: 0,
          },
        ],
        extraSuspect: false,
        victims: false,
      });
    }
    // A commune police officer suspected of rape (2017): an oversight flag, but not complicity in trafficking.
    this.chargedCase(rng, {
      kind: 'non_trafficking',
      jurisdiction: JURISDICTIONS[3],
      exploitation: 'sex',
      bases: [[PENAL_CODE, '239', 1]],
      traffickingOffence: false,
      charged: 2017,
      judged: null,
      suspects: [
        {
          nationality: DEMO_COUNTRY,
          outcome: 'pending_detained',
          arrested: true,
          female: 0,
          publicOfficial: { position: 'Commune police officer', agency: 'Commune police post' },
        },
      ],
      openedNotBefore: '2017-01-05',
      extraSuspect: false,
      victims: false,
    });
  }

  /** Complicity: public officials suspected in trafficking cases opened in early 2018 (none in 2016 or 2017). */
  private publicOfficials(rng: Prng): void {
    // Banteay Meanchey: a broker sending workers to Thailand, helped through the checkpoint.
    {
      const j = JURISDICTIONS[1];
      const opened = rng.pick(datesBetween('2018-01-15', '2018-01-31'));
      const b = this.newCase(rng, 'public_official', j, opened, 'labour', [LAW_2008, '11'], true, false);
      const broker = this.addSuspect(rng, b, opened, {
        nationality: DEMO_COUNTRY,
        outcome: null,
        arrested: true,
        female: 0.4,
      });
      this.addSuspect(rng, b, addDays(opened, rng.int(5, 15)), {
        nationality: DEMO_COUNTRY,
        outcome: null,
        arrested: false,
        female: 0,
        publicOfficial: { position: 'Immigration police officer', agency: 'Immigration police, Poipet checkpoint' },
      });
      const evidence = addDays(opened, rng.int(25, 35));
      b.add(b.lead, { type: 'evidence_supplied', occurredOn: evidence, prosecutorOrganisationId: j.prosecutor });
      const charged = addDays(evidence, rng.int(5, 12));
      b.add(j.prosecutor, {
        type: 'charged',
        occurredOn: charged,
        suspectId: broker,
        prosecutorOrganisationId: j.prosecutor,
        courtOrganisationId: j.court,
        articles: [`${LAW_2008}:11`],
      });
      b.add(j.court, { type: 'pretrial_measure', occurredOn: charged, suspectId: broker, measure: 'detention' });
      b.atLarge = true;
    }
    // Phnom Penh: a karaoke venue, and the commune police chief said to protect it.
    {
      const j = JURISDICTIONS[0];
      const opened = rng.pick(datesBetween('2018-02-05', '2018-02-20'));
      const b = this.newCase(rng, 'public_official', j, opened, 'sex', [LAW_2008, '15'], true, false);
      this.addSuspect(rng, b, opened, { nationality: DEMO_COUNTRY, outcome: null, arrested: true, female: 0.5 });
      this.addSuspect(rng, b, addDays(opened, rng.int(3, 15)), {
        nationality: DEMO_COUNTRY,
        outcome: null,
        arrested: false,
        female: 0,
        publicOfficial: { position: 'Commune police chief', agency: 'Commune police post' },
      });
    }
  }

  // --- building a case ----------------------------------------------------------------------------

  private newCase(
    rng: Prng,
    kind: CaseKind,
    j: Jurisdiction,
    opened: string,
    exploitation: 'sex' | 'labour' | 'both',
    [lawId, article]: readonly [string, string],
    traffickingOffence: boolean,
    childSexTourism: boolean,
  ): CaseBuilder {
    const open: CriminalEventOf<'investigation_opened'> = {
      type: 'investigation_opened',
      occurredOn: opened,
      leadUnitOrganisationId: j.unit,
      province: j.province,
      legalBasis: { lawId, article },
      exploitation,
      traffickingOffence,
      ...(childSexTourism
        ? { childSexTourism: true }
        : exploitation === 'sex' && rng.chance(0.3)
          ? { childSexTourism: false }
          : {}),
    };
    const b = new CaseBuilder(kind, open, j);
    this.builders.push(b);
    return b;
  }

  /** Adds a suspect (and their person record); returns the placeholder suspect id. */
  private addSuspect(rng: Prng, b: CaseBuilder, on: string, s: SuspectSpec): string {
    const suspectId = rng.uuid();
    const person = this.person(rng, s, Number(on.slice(0, 4)), b.jurisdiction.province);
    b.add(
      b.lead,
      {
        type: 'suspect_added',
        occurredOn: on,
        suspectId,
        personId: rng.uuid(),
        nationality: s.nationality,
        ...(s.publicOfficial ? { publicOfficial: s.publicOfficial } : {}),
        arrested: s.arrested,
      },
      person,
    );
    if (s.outcome === null && !s.arrested) b.atLarge = true;
    return suspectId;
  }

  private chargedCase(
    rng: Prng,
    c: {
      kind: CaseKind;
      jurisdiction: Jurisdiction;
      exploitation: 'sex' | 'labour' | 'both';
      bases: readonly Basis[];
      traffickingOffence: boolean;
      childSexTourism?: boolean;
      charged: number;
      judged: number | null;
      suspects: readonly SuspectSpec[];
      openedNotBefore?: string;
      extraSuspect: string | false;
      victims?: boolean;
    },
  ): void {
    const j = c.jurisdiction;
    const needsRoom = c.suspects.some((s) => s.outcome !== null && NEEDS_ROOM.has(s.outcome));
    const t = timeline(rng, c.charged, c.judged, needsRoom, c.openedNotBefore);
    const basis = rng.weighted(c.bases.map((b) => [b, b[2]] as const));
    const b = this.newCase(
      rng,
      c.kind,
      j,
      t.opened,
      c.exploitation,
      [basis[0], basis[1]],
      c.traffickingOffence,
      c.childSexTourism ?? false,
    );
    const articles = [`${basis[0]}:${basis[1]}`];
    const other = c.bases.filter((x) => x !== basis);
    if (other.length && rng.chance(0.2)) {
      const o = rng.pick(other);
      articles.push(`${o[0]}:${o[1]}`);
    }

    const room = daysBetween(t.opened, t.evidence);
    const ids = c.suspects.map((s, i) =>
      this.addSuspect(rng, b, addDays(t.opened, i === 0 ? 0 : rng.int(0, Math.min(10, room))), s),
    );
    if (c.extraSuspect)
      this.addSuspect(rng, b, addDays(t.opened, rng.int(0, room)), {
        nationality: c.extraSuspect,
        outcome: null,
        arrested: false,
      });
    const victims: string[] = [];
    if (c.victims !== false)
      for (let n = rng.weighted(VICTIM_COUNTS); n > 0; n--) {
        const victimCaseId = rng.uuid();
        victims.push(victimCaseId);
        b.add(b.lead, {
          type: 'victim_linked',
          occurredOn: addDays(t.opened, rng.int(0, Math.min(5, room))),
          victimCaseId,
        });
      }
    b.add(b.lead, { type: 'evidence_supplied', occurredOn: t.evidence, prosecutorOrganisationId: j.prosecutor });
    if (rng.chance(0.15)) {
      const more = addDays(t.evidence, rng.int(1, Math.max(1, daysBetween(t.evidence, t.charged) - 1)));
      if (more < t.charged)
        b.add(b.lead, { type: 'evidence_supplied', occurredOn: more, prosecutorOrganisationId: j.prosecutor });
    }

    // Before the trial: charge, measure, check-ins, flight.
    c.suspects.forEach((s, i) => {
      b.add(j.prosecutor, {
        type: 'charged',
        occurredOn: t.charged,
        suspectId: ids[i]!,
        prosecutorOrganisationId: j.prosecutor,
        courtOrganisationId: j.court,
        articles,
        ...(rng.chance(0.6) ? { investigatingJudge: `Investigating judge, ${courtName(j)}` } : {}),
      });
      this.beforeTrial(rng, b, ids[i]!, s.outcome!, t);
    });

    // The trial and the verdicts.
    const judged = c.suspects.some((s) => isJudged(s.outcome!));
    if (t.verdict && judged) {
      const trial = maxDate(addDays(t.verdict, -rng.int(0, 45)), addDays(t.charged, 1));
      b.add(j.court, { type: 'trial_opened', occurredOn: minDate(trial, t.verdict), courtOrganisationId: j.court });
      c.suspects.forEach((s, i) =>
        this.judgement(rng, b, ids[i]!, s.outcome!, t.verdict!, basis, victims, s.outcome === 'in_absentia'),
      );
    } else if (c.suspects.every((s) => s.outcome === 'pending_detained') && rng.chance(0.4)) {
      const trial = addDays(t.charged, rng.int(60, 200));
      if (trial <= DEMO_END) b.add(j.court, { type: 'trial_opened', occurredOn: trial, courtOrganisationId: j.court });
    }

    // Closed once every defendant is judged and no appeal is pending.
    if (c.suspects.every((s) => isJudged(s.outcome!)) && !b.atLarge && !b.pendingAppeal && rng.chance(0.85)) {
      const closed = addDays(b.last(), rng.int(10, 60));
      if (closed <= DEMO_END) b.add(b.lead, { type: 'case_closed', occurredOn: closed, reason: 'judgment_final' });
    }
  }

  /** Pre-trial measure and what follows it, up to the verdict (or the end of the demo when pending). */
  private beforeTrial(rng: Prng, b: CaseBuilder, suspectId: string, outcome: Outcome, t: Timeline): void {
    const court = b.jurisdiction.court;
    const M = rng.chance(0.7) ? t.charged : addDays(t.charged, 1);
    const stop = t.verdict ?? addDays(DEMO_END, 1);
    const span = daysBetween(M, stop);
    const detain = (on: string) =>
      b.add(court, { type: 'pretrial_measure', occurredOn: on, suspectId, measure: 'detention' });

    const supervise = (every: number): string => {
      const supervisor = rng.chance(0.25) ? rng.pick(JURISDICTIONS.filter((x) => x.unit !== b.lead)).unit : undefined;
      b.add(court, {
        type: 'pretrial_measure',
        occurredOn: M,
        suspectId,
        measure: 'judicial_supervision',
        checkInEveryDays: every,
        ...(supervisor ? { supervisingOrganisationId: supervisor } : {}),
      });
      return supervisor ?? b.lead;
    };
    const checkIns = (by: string, every: number, from: string, before: string, missOne: boolean) => {
      const dates: string[] = [];
      for (let d = addDays(from, every); d < before; d = addDays(d, every)) dates.push(d);
      const miss = missOne && dates.length > 3 ? rng.int(1, dates.length - 2) : -1;
      dates.forEach((d, i) =>
        b.add(by, { type: i === miss ? 'check_in_missed' : 'check_in_recorded', occurredOn: d, suspectId }),
      );
    };
    /** Check-ins until a missed one near `target`, then flight a few days later; returns the date of flight. */
    const flee = (by: string, every: number, target: string): string => {
      const n = Math.max(1, Math.floor(daysBetween(M, target) / every));
      for (let i = 1; i < n; i++)
        b.add(by, { type: 'check_in_recorded', occurredOn: addDays(M, i * every), suspectId });
      const missed = addDays(M, n * every);
      b.add(by, { type: 'check_in_missed', occurredOn: missed, suspectId });
      const fled = addDays(missed, rng.int(1, 4));
      b.add(by, { type: 'absconded', occurredOn: fled, suspectId });
      return fled;
    };
    const warrant = (on: string) => b.add(court, { type: 'arrest_warrant_issued', occurredOn: on, suspectId });
    const rearrest = (on: string) => {
      b.add(b.lead, { type: 'rearrested', occurredOn: on, suspectId });
      detain(on);
    };
    const every = () => rng.weighted(CHECK_IN_EVERY);
    const shortEvery = () => rng.pick([7, 14]);

    switch (outcome) {
      case 'convicted':
      case 'pending_detained':
        return detain(M);
      case 'acquitted':
      case 'dismissed':
      case 'settled':
      case 'convicted_supervised':
      case 'pending_supervised': {
        if ((outcome === 'acquitted' || outcome === 'dismissed') && rng.chance(0.55)) return detain(M);
        const k = every();
        const by = supervise(k);
        return checkIns(by, k, M, stop, outcome !== 'pending_supervised' && rng.chance(0.25));
      }
      case 'pending_supervised_missed': {
        // A check-in missed in December 2017 (the alert), then the defendant reports again.
        const k = shortEvery();
        const by = supervise(k);
        const dates: string[] = [];
        for (let d = addDays(M, k); d <= DEMO_END; d = addDays(d, k)) dates.push(d);
        const december = dates.filter((d) => d >= '2017-12-05' && d <= '2017-12-30');
        const missed = december[rng.int(0, december.length - 1)]!;
        for (const d of dates) {
          if (d > missed && d <= '2017-12-31') continue; // back only in January
          b.add(by, { type: d === missed ? 'check_in_missed' : 'check_in_recorded', occurredOn: d, suspectId });
        }
        return;
      }
      case 'in_absentia': {
        const k = shortEvery();
        const by = supervise(k);
        const fled = flee(by, k, addDays(M, Math.round(span * 0.3)));
        if (rng.chance(0.75)) warrant(addDays(fled, rng.int(3, Math.max(3, Math.floor(span * 0.2)))));
        return;
      }
      case 'convicted_rearrested': {
        const k = shortEvery();
        const by = supervise(k);
        const fled = flee(by, k, addDays(M, Math.round(span * 0.3)));
        const w = addDays(fled, rng.int(3, Math.max(3, Math.floor(span * 0.15))));
        warrant(w);
        return rearrest(addDays(w, rng.int(5, Math.max(5, Math.floor(span * 0.2)))));
      }
      case 'pending_absconded': {
        // Fled, and no warrant yet: the alert after absconderWithoutWarrantDays (some for months).
        const k = shortEvery();
        const by = supervise(k);
        const latest = t.charged.startsWith('2017') ? '2017-12-10' : addDays(M, 200);
        const target = minDate(addDays(M, rng.int(40, 200)), latest);
        flee(by, k, maxDate(target, addDays(M, 30)));
        return;
      }
      case 'pending_warrant':
      case 'pending_rearrested': {
        const k = shortEvery();
        const by = supervise(k);
        const fled = flee(by, k, addDays(M, rng.int(30, 120)));
        const w = minDate(addDays(fled, rng.int(3, 30)), DEMO_END);
        warrant(w);
        if (outcome === 'pending_rearrested') rearrest(minDate(addDays(w, rng.int(10, 60)), DEMO_END));
        return;
      }
    }
  }

  /** Verdict, sentence and appeals of one defendant. */
  private judgement(
    rng: Prng,
    b: CaseBuilder,
    suspectId: string,
    outcome: Outcome,
    verdictOn: string,
    basis: Basis,
    victims: readonly string[],
    absentia: boolean,
  ): void {
    const court = b.jurisdiction.court;
    const verdict = VERDICT_OF[outcome];
    if (!verdict) return;
    b.add(court, { type: 'verdict', occurredOn: verdictOn, suspectId, outcome: verdict });
    const convicted = verdict === 'convicted' || verdict === 'in_absentia';
    if (convicted) {
      const [lo, hi] = prisonRange(basis[0], basis[1]);
      const prisonMonths = rng.int(lo / 6, hi / 6) * 6;
      const suspendedMonths =
        !absentia && rng.chance(0.15) ? Math.min(Math.floor(prisonMonths / 2), rng.pick([6, 12, 18, 24, 36])) : 0;
      const ordered = victims.length && rng.chance(0.45) ? victims.filter((_, i) => i === 0 || rng.chance(0.7)) : [];
      b.add(court, {
        type: 'sentence',
        occurredOn: verdictOn,
        suspectId,
        prisonMonths,
        suspendedMonths,
        ...(rng.chance(0.55) ? { fine: { amount: rng.int(4, 40) * 500_000, currency: 'KHR' } } : {}),
        ...(ordered.length
          ? {
              restitution: ordered.map((victimCaseId) =>
                rng.chance(0.7)
                  ? { victimCaseId, amount: rng.int(6, 60) * 50, currency: 'USD' }
                  : { victimCaseId, amount: rng.int(2, 20) * 1_000_000, currency: 'KHR' },
              ),
            }
          : {}),
      });
    }
    // Appeals: a convicted defendant, or the prosecutor after an acquittal or dismissal.
    const appeals = convicted ? !absentia && rng.chance(0.25) : verdict !== 'settled_out_of_court' && rng.chance(0.2);
    if (!appeals) return;
    const lodged = addDays(verdictOn, rng.int(5, 30));
    if (lodged > DEMO_END) return;
    b.add(court, { type: 'appeal', occurredOn: lodged, suspectId, courtOrganisationId: APPEAL_COURT });
    const decided = addDays(lodged, rng.int(120, 330));
    if (decided > DEMO_END) {
      b.pendingAppeal = true;
      return;
    }
    b.add(APPEAL_COURT, {
      type: 'appeal',
      occurredOn: decided,
      suspectId,
      courtOrganisationId: APPEAL_COURT,
      outcome: rng.weighted(
        convicted
          ? [
              ['upheld', 60],
              ['sentence_reduced', 25],
              ['overturned', 8],
              ['retrial_ordered', 4],
              ['sentence_increased', 3],
            ]
          : [
              ['upheld', 70],
              ['overturned', 20],
              ['retrial_ordered', 10],
            ],
      ),
    });
  }

  // --- people ---------------------------------------------------------------------------------------

  private person(rng: Prng, s: SuspectSpec, year: number, province: string): PlannedSuspectPerson {
    const sex: Sex = rng.chance(s.female ?? 0.3) ? 'female' : 'male';
    const [minAge, maxAge] = s.ageRange ?? [20, 58];
    const birthYear = year - rng.int(minAge, maxAge);
    const dateOfBirth = `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    const names: Identity['names'] = [];
    const documents: Identity['documents'] = [];
    const phones: string[] = [];
    const addresses: Identity['addresses'] = [];
    const aliases: string[] = [];
    let dob = false;
    const passport = (prefix: string, digits: number) => {
      let n = prefix;
      for (let i = 0; i < digits; i++) n += String(rng.int(0, 9));
      documents.push({ type: 'passport', number: n, country: s.nationality });
    };
    switch (s.nationality) {
      case DEMO_COUNTRY: {
        const family = rng.weighted(FAMILY_NAMES);
        const given = rng.weighted(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
        names.push({ script: 'khmr', family: family.km, given: given.km });
        names.push({ script: 'latn', family: spell(rng, family, 0.2), given: spell(rng, given, 0.2) });
        if (rng.chance(0.2)) aliases.push(rng.pick(NICKNAMES));
        dob = rng.chance(0.5);
        if (rng.chance(0.5))
          documents.push({ type: 'national_id', number: nationalIdNumber(rng), country: DEMO_COUNTRY });
        if (rng.chance(0.6)) phones.push(formatPhone(mobileNumber(rng), 'spaced'));
        if (rng.chance(0.5)) addresses.push({ text: `${rng.pick(VILLAGES)}, ${rng.pick(COMMUNES)}`, province });
        break;
      }
      case 'VNM':
        names.push({
          script: 'latn',
          family: rng.pick(VIETNAMESE_NAMES.family),
          given: `${rng.pick(VIETNAMESE_NAMES.middle[sex])} ${rng.pick(VIETNAMESE_NAMES.given[sex])}`,
        });
        dob = rng.chance(0.4);
        if (rng.chance(0.4)) passport('C', 7);
        break;
      case 'THA':
        names.push({ script: 'latn', family: rng.pick(THAI_NAMES.family), given: rng.pick(THAI_NAMES.given[sex]) });
        dob = rng.chance(0.5);
        if (rng.chance(0.5)) passport('AA', 7);
        break;
      case 'CHN': {
        const [family, familyHan] = rng.pick(CHINESE_NAMES.family);
        const [given, givenHan] = rng.pick(CHINESE_NAMES.given[sex]);
        names.push({ script: 'latn', family: family.toUpperCase(), given: given.toUpperCase() });
        if (rng.chance(0.6)) names.push({ script: 'other', full: `${familyHan}${givenHan}` });
        dob = rng.chance(0.7);
        if (rng.chance(0.6)) passport('E', 8);
        break;
      }
      default: {
        const pool = FOREIGN_NAMES[s.nationality] ?? FOREIGN_NAMES.USA!;
        names.push({ script: 'latn', family: rng.pick(pool.family), given: rng.pick(pool.given) });
        dob = rng.chance(0.85);
        if (rng.chance(0.9)) passport(rng.pick(['P', 'X', 'N']), 8);
        if (rng.chance(0.3)) phones.push(formatPhone(mobileNumber(rng), 'international'));
        break;
      }
    }
    return {
      sex,
      birthYear: rng.chance(0.05) ? null : birthYear,
      nationality: s.nationality,
      identity: { names, aliases, ...(dob ? { dateOfBirth } : {}), documents, phones, addresses },
    };
  }
}

// ---------------------------------------------------------------------------------------------

const NEEDS_ROOM: ReadonlySet<Outcome> = new Set([
  'pending_supervised_missed',
  'pending_absconded',
  'pending_warrant',
  'pending_rearrested',
]);

const VERDICT_OF: Readonly<Partial<Record<Outcome, CriminalEventOf<'verdict'>['outcome']>>> = {
  convicted: 'convicted',
  convicted_supervised: 'convicted',
  convicted_rearrested: 'convicted',
  in_absentia: 'in_absentia',
  acquitted: 'acquitted',
  dismissed: 'dismissed',
  settled: 'settled_out_of_court',
};

function isJudged(o: Outcome): boolean {
  return VERDICT_OF[o] !== undefined;
}

const CHECK_IN_EVERY: readonly (readonly [number, number])[] = [
  [7, 20],
  [14, 40],
  [30, 40],
];

const VICTIM_COUNTS: readonly (readonly [number, number])[] = [
  [0, 30],
  [1, 35],
  [2, 20],
  [3, 15],
];

/**
 * When a case's suspects are charged and judged: the charge in `charged`, the verdict in `judged`
 * (at least 75 days later), the opening 2 weeks to 5 months before the charge, the evidence between.
 */
function timeline(
  rng: Prng,
  charged: number,
  judged: number | null,
  needsRoom: boolean,
  openedNotBefore = '2015-01-02',
): Timeline {
  let chargeFrom: string;
  let chargeTo: string;
  if (judged === charged) [chargeFrom, chargeTo] = [`${charged}-01-20`, `${charged}-10-01`];
  else if (judged === null)
    [chargeFrom, chargeTo] =
      charged === 2018
        ? ['2018-01-05', '2018-03-20']
        : [`${charged}-01-20`, needsRoom ? `${charged}-09-30` : `${charged}-12-28`];
  else if (judged === 2018) [chargeFrom, chargeTo] = ['2017-08-01', '2017-12-20'];
  else if (judged === charged + 1) [chargeFrom, chargeTo] = [`${charged}-04-01`, `${charged}-12-28`];
  else [chargeFrom, chargeTo] = [`${charged}-06-01`, `${charged}-12-20`];
  const chargedOn = rng.pick(datesBetween(chargeFrom, chargeTo));

  let verdict: string | null = null;
  if (judged !== null) {
    const earliest = maxDate(addDays(chargedOn, 75), `${judged}-01-05`);
    const latest = judged === 2018 ? '2018-03-28' : judged === charged ? `${judged}-12-25` : `${judged}-11-30`;
    verdict = rng.pick(datesBetween(earliest, latest));
  }
  const opened = maxDate(addDays(chargedOn, -rng.int(14, 150)), openedNotBefore);
  const evidence = addDays(opened, rng.int(3, Math.max(3, daysBetween(opened, chargedOn) - 1)));
  return { opened, evidence, charged: chargedOn, verdict };
}

function cellKey(charged: number, judged: number | null): string {
  return `${charged}>${judged ?? 'pending'}`;
}

function unit(id: UnitId): Jurisdiction {
  return JURISDICTIONS.find((j) => j.unit === id)!;
}

function weightsOf(units: Readonly<Partial<Record<UnitId, number>>>): [UnitId, number][] {
  return (Object.entries(units) as [UnitId, number][]).filter(([, w]) => w > 0);
}

function courtName(j: Jurisdiction): string {
  return (
    j.court
      .replace(/^court-/, '')
      .replace(/-/g, ' ')
      .replace(/\b\w/g, (c) => c.toUpperCase()) + ' court'
  );
}

/** Every date from `from` to `to`, both included. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  if (out.length === 0) throw new Error(`empty date range ${from}..${to}`);
  return out;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
