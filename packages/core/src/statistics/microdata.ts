import { InputError } from '../errors.ts';

/**
 * The public microdata export: one row per victim (de-duplicated person, or case: the caller
 * chooses and says so), coded like the Counter Trafficking Data Collaborative (CTDC) global data set
 * (HTCDS-based column names, "1"/"0" flags, CTDC age bands, ";"-joined concatenations), and
 * k-anonymous over every exported column (k = 11 by default, as CTDC publishes).
 *
 * What is never exported: names, dates of birth, documents, contacts, addresses, ids of any kind,
 * exact dates (year only), exact ages (bands only), provinces, organisations. Rows are built from
 * the fixed column list below, so a field the caller happens to pass along cannot leak.
 *
 * Differences from the CTDC file: countries are ISO 3166-1 alpha-3 (CTIS's standard; CTDC uses
 * alpha-2), and a rare country is published as its UN M49 sub-region or region ("South-eastern
 * Asia", "Asia") or left empty. The typeOfSex*, majorityStatusAtExploit, majorityEntry and
 * RecruiterRelationship columns are not exported: CTIS does not record them.
 *
 * How k-anonymity is reached: top-down local recoding, so that it holds by construction. The
 * columns form ten groups, each with a generalisation hierarchy ending in "empty" (age band ->
 * adult/minor -> empty; country -> M49 sub-region -> region -> empty; exploitation flags ->
 * labour/sexual/other -> empty; year, sex, labour sector, means of control, abduction and recruiter
 * relation -> empty). An empty value reads exactly like an unknown one.
 * 1. Every record starts with every group empty: one class of all records (if there are fewer than
 *    k records, none is exported).
 * 2. Refinement steps, the most useful first (`REFINEMENT`: year, sex, adult/minor, type of
 *    exploitation, then countries by region, sub-region, country, then age band, exploitation
 *    detail, labour sector, means of control, abduction, recruiter relation): each class is split by
 *    the group's next, finer value. A part of k or more records takes the finer value; smaller
 *    parts keep the coarser value together (a rare country stays "South-eastern Asia"), and if those
 *    are fewer than k, the largest part lends them the missing records (or, when it cannot spare
 *    them and keep k, the smallest part joins them).
 * Every class therefore always has k records or more: the generalisation is the suppression (of the
 * finer values that would break k), and no record is dropped. `checkKAnonymity` checks the result
 * independently. Rows are sorted by their values, so their order says nothing about when or where a
 * record was made. Known limits: k-anonymity does not stop an attacker learning a value shared by a
 * whole class (l-diversity), and records must be one per person for the k to count people.
 */

export const DEFAULT_K = 11;

/** Recruiter's relation to the victim, as CTDC codes it. */
export type RecruiterRelation = 'intimate_partner' | 'friend' | 'family' | 'other' | 'unknown';

/** One victim, as plain statistical attributes (no identity: the caller never needs to pass any). */
export interface MicrodataInput {
  /** Date of identification or registration (YYYY-MM-DD); only the year is exported. */
  readonly registeredOn?: string | null;
  readonly sex?: 'female' | 'male' | 'other' | 'unknown' | null;
  /** Age in whole years at registration, when known. */
  readonly age?: number | null;
  /**
   * Birth year (or estimated), used when `age` is absent: the age is taken as the lower of the two
   * possible ages at registration (the presumption of minority, like `isChild`).
   */
  readonly birthYear?: number | null;
  /** Whether the victim was a child, when no age or birth year is known. */
  readonly isChild?: boolean | null;
  /** ISO 3166-1 alpha-3. */
  readonly citizenship?: string | null;
  /** ISO 3166-1 alpha-3. */
  readonly countryOfExploitation?: string | null;
  /** Configuration codes: sexual_exploitation, forced_labour, domestic_servitude, forced_marriage... */
  readonly exploitationTypes?: readonly string[] | null;
  /** Configuration codes: fishing, brick_kiln, domestic_work, construction, agriculture... */
  readonly sectors?: readonly string[] | null;
  /** Configuration codes: debt_bondage, threats, physical_abuse, withholding_documents... */
  readonly methodsOfControl?: readonly string[] | null;
  /** Configuration codes: personal_contact, broker, abduction... */
  readonly recruitmentMethods?: readonly string[] | null;
  readonly recruiterRelations?: readonly RecruiterRelation[] | null;
}

const MEANS_OF_CONTROL = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
  'WithholdsDocuments',
  'Other',
] as const;
type MeansOfControl = (typeof MEANS_OF_CONTROL)[number];

/** CTIS method-of-control codes -> CTDC columns (the CTDC names not listed here stay empty). */
const MEANS_OF_CONTROL_BY_CODE: Readonly<Record<string, MeansOfControl>> = {
  debt_bondage: 'DebtBondage',
  withholding_wages: 'TakesEarnings',
  threats: 'Threats',
  threats_to_family: 'Threats',
  psychological_abuse: 'PsychologicalAbuse',
  physical_abuse: 'PhysicalAbuse',
  sexual_abuse: 'SexualAbuse',
  false_promises: 'FalsePromises',
  drugs_alcohol: 'PsychoactiveSubstances',
  restricting_movement: 'RestrictsMovement',
  excessive_working_hours: 'ExcessiveWorkingHours',
  withholding_documents: 'WithholdsDocuments',
};
const MEANS_OF_CONTROL_MAPPED = new Set<MeansOfControl>([...Object.values(MEANS_OF_CONTROL_BY_CODE), 'Other']);

const LABOUR = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
] as const;
type Labour = (typeof LABOUR)[number];

/** CTIS sector codes -> CTDC typeOfLabour columns (forced_marriage is a type of exploitation, not a sector). */
const LABOUR_BY_SECTOR: Readonly<Record<string, Labour | null>> = {
  agriculture: 'Agriculture',
  fishing: 'Aquafarming',
  begging: 'Begging',
  construction: 'Construction',
  domestic_work: 'DomesticWork',
  entertainment_hospitality: 'Hospitality',
  manufacturing: 'Manufacturing',
  brick_kiln: 'Manufacturing',
  mining: 'MiningOrDrilling',
  transportation: 'Transportation',
  forced_marriage: null,
};
const LABOUR_MAPPED = new Set<Labour>([...Object.values(LABOUR_BY_SECTOR).filter((l) => l !== null), 'Other']);
LABOUR_MAPPED.add('IllicitActivities');

type ExploitKind = 'labour' | 'sexual' | 'marriage' | 'military' | 'organ' | 'other';
const EXPLOIT_BY_TYPE: Readonly<Record<string, { kind: ExploitKind; labour?: Labour }>> = {
  sexual_exploitation: { kind: 'sexual' },
  forced_labour: { kind: 'labour' },
  domestic_servitude: { kind: 'labour', labour: 'DomesticWork' },
  forced_criminal_activity: { kind: 'labour', labour: 'IllicitActivities' },
  forced_marriage: { kind: 'marriage' },
  child_soldiering: { kind: 'military' },
  organ_removal: { kind: 'organ' },
  other: { kind: 'other' },
};
const EXPLOIT_LABEL: Readonly<Record<ExploitKind, string>> = {
  labour: 'Forced labour',
  sexual: 'Sexual exploitation',
  marriage: 'Forced marriage',
  military: 'Forced military',
  organ: 'Organ removal',
  other: 'Other',
};

const RECRUITER_RELATIONS = [
  ['intimate_partner', 'recruiterRelationIntimatePartner'],
  ['friend', 'recruiterRelationFriend'],
  ['family', 'recruiterRelationFamily'],
  ['other', 'recruiterRelationOther'],
] as const;

/** The exported columns, in CTDC order (a subset: see the module comment). */
export const MICRODATA_COLUMNS = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  ...MEANS_OF_CONTROL.map((m) => `meansOfControl${m}` as const),
  'meansOfControlNotSpecified',
  'meansOfControlConcatenated',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'isSexAndLabour',
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
  'typeOfExploitConcatenated',
  ...LABOUR.map((l) => `typeOfLabour${l}` as const),
  'typeOfLabourNotSpecified',
  'typeOfLabourConcatenated',
  'isAbduction',
  'CountryOfExploitation',
  ...RECRUITER_RELATIONS.map(([, column]) => column),
  'recruiterRelationUnknown',
] as const;
export type MicrodataColumn = (typeof MICRODATA_COLUMNS)[number];
export type MicrodataRow = Readonly<Record<MicrodataColumn, string>>;

/** CTDC's age bands. */
export const AGE_BANDS = [
  [0, 8, '0--8'],
  [9, 17, '9--17'],
  [18, 20, '18--20'],
  [21, 23, '21--23'],
  [24, 26, '24--26'],
  [27, 29, '27--29'],
  [30, 38, '30--38'],
  [39, 47, '39--47'],
  [48, Infinity, '48+'],
] as const;

export const DATASOURCE = 'Case Management';

export interface MicrodataOptions {
  /** Smallest equivalence class allowed (default 11). */
  readonly k?: number;
}

/** How each group of columns was generalised: the number of exported records at each level (0 = as recorded). */
export type GroupLevels = Readonly<Record<MicrodataGroup, readonly number[]>>;

export interface MicrodataExport {
  readonly k: number;
  readonly columns: readonly MicrodataColumn[];
  readonly rows: readonly MicrodataRow[];
  readonly stats: {
    readonly input: number;
    readonly exported: number;
    /** Records left out: all of them when there are fewer than k, none otherwise. */
    readonly withheld: number;
    /** Number of equivalence classes (distinct rows). */
    readonly classes: number;
    readonly levels: GroupLevels;
  };
}

/**
 * The k-anonymous microdata export (see the module comment for the method). Deterministic: the same
 * records (in any order) give the same rows.
 */
export function exportMicrodata(records: readonly MicrodataInput[], options: MicrodataOptions = {}): MicrodataExport {
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < 2) throw new InputError('k', 'must be a whole number of at least 2');

  const coder = new Coder();
  const coded = records.map((record) => coder.code(record));
  const top = GROUPS.map((group) => group.levels - 1);
  /** Each record's most detailed values: a stable order for picking records, independent of the input order. */
  const detail = coded.map((groups) => groups.map((c) => c.keys[0]).join(VALUE_SEPARATOR));

  // Start from one class of every record with every group empty, then refine step by step.
  let classes: EquivalenceClass[] = records.length >= k ? [{ members: range(records.length), levels: top }] : [];
  for (const [name, level] of REFINEMENT) {
    const g = GROUP_INDEX.get(name)!;
    classes = classes.flatMap((c) => refine(c, g, level));
  }

  function refine(c: EquivalenceClass, g: number, level: number): EquivalenceClass[] {
    if (c.levels[g] !== level + 1) return [c]; // stayed coarser at an earlier step: stays so
    const shown = (r: number, l: number) => coded[r]![g]!.ids[l]!;
    const coarse = shown(c.members[0]!, level + 1);
    const parts = new Map<number, number[]>();
    for (const r of c.members) pushTo(parts, shown(r, level), r);
    const sortKey = (members: number[]) => coded[members[0]!]![g]!.keys[level]!;
    const bySize = [...parts.entries()]
      .filter(([id]) => id !== coarse)
      .map(([, members]) => members)
      .sort((a, b) => a.length - b.length || compareStrings(sortKey(a), sortKey(b)));
    // The members that keep the coarser value: those whose finer value reads the same (an unknown
    // stays empty), and those in parts smaller than k; topped up from the smallest parts to k.
    const stay = [...(parts.get(coarse) ?? []), ...bySize.filter((m) => m.length < k).flat()];
    const refined = bySize.filter((m) => m.length >= k);
    // Too few to stay alone: the largest part gives the missing records if it keeps k, else the
    // smallest part stays whole; again until k. A given record is the same whatever the input order.
    while (stay.length > 0 && stay.length < k) {
      const missing = k - stay.length;
      const largest = refined[refined.length - 1]!;
      if (largest.length - missing >= k) {
        largest.sort((a, b) => compareStrings(detail[a]!, detail[b]!));
        stay.push(...largest.splice(0, missing));
      } else {
        stay.push(...refined.shift()!);
      }
    }
    const finer = c.levels.map((l, i) => (i === g ? level : l));
    return [
      ...(stay.length > 0 ? [{ members: stay, levels: c.levels }] : []),
      ...refined.map((members) => ({ members, levels: finer })),
    ];
  }

  const sorted = classes
    .flatMap((c) => c.members.map((r) => buildRow((g) => coded[r]![g]!.values[c.levels[g]!]!)))
    .map((row) => ({ key: MICRODATA_COLUMNS.map((c) => row[c]).join(VALUE_SEPARATOR), row }))
    .sort((a, b) => compareStrings(a.key, b.key));
  const rows = sorted.map((x) => x.row);

  const levelCounts = Object.fromEntries(
    GROUPS.map((group, g) => {
      const counts = new Array<number>(group.levels).fill(0);
      for (const c of classes) counts[c.levels[g]!]! += c.members.length;
      return [group.name, counts];
    }),
  ) as Record<MicrodataGroup, number[]>;

  return {
    k,
    columns: [...MICRODATA_COLUMNS],
    rows,
    stats: {
      input: records.length,
      exported: rows.length,
      withheld: records.length - rows.length,
      classes: sorted.filter((x, i) => i === 0 || x.key !== sorted[i - 1]!.key).length,
      levels: levelCounts,
    },
  };
}

/**
 * The CTDC coding of one record before any anonymisation (every group at its most detailed level).
 * Not safe to publish on its own: `exportMicrodata` is.
 */
export function ctdcRecord(record: MicrodataInput): MicrodataRow {
  const facts = decode(record);
  return buildRow((g) => GROUPS[g]!.values(facts, 0));
}

export interface KAnonymityReport {
  readonly k: number;
  readonly ok: boolean;
  readonly rows: number;
  readonly classes: number;
  /** The size of the smallest equivalence class; null when there are no rows. */
  readonly smallestClass: number | null;
  /** Every combination of values shared by fewer than k rows, smallest first. */
  readonly offending: readonly { readonly values: Readonly<Record<string, string>>; readonly count: number }[];
}

/**
 * Counts every combination of the values of all columns (every key any row has; a missing value
 * counts as empty) and reports the classes smaller than k. Independent of how the rows were made.
 */
export function checkKAnonymity(rows: readonly Readonly<Record<string, string>>[], k: number): KAnonymityReport {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort();
  const counts = countBy(rows.map((row) => JSON.stringify(columns.map((c) => row[c] ?? ''))));
  const offending = [...counts]
    .filter(([, count]) => count < k)
    .sort(([ka, a], [kb, b]) => a - b || compareStrings(ka, kb))
    .map(([key, count]) => {
      const values = JSON.parse(key) as string[];
      return { values: Object.fromEntries(columns.map((c, i) => [c, values[i]!])), count };
    });
  const smallest = [...counts.values()].reduce((a, b) => Math.min(a, b), Infinity);
  return {
    k,
    ok: offending.length === 0,
    rows: rows.length,
    classes: counts.size,
    smallestClass: Number.isFinite(smallest) ? smallest : null,
    offending,
  };
}

/** RFC 4180 CSV: a header row, then one line per row, CRLF line ends, fields quoted when needed. */
export function toCsv(
  rows: readonly Readonly<Record<string, string>>[],
  columns: readonly string[] = MICRODATA_COLUMNS,
): string {
  const line = (fields: readonly string[]) => fields.map(csvField).join(',') + '\r\n';
  return line(columns) + rows.map((row) => line(columns.map((c) => row[c] ?? ''))).join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// Groups of columns and their generalisation hierarchies.

const VALUE_SEPARATOR = '\u0001';

export type MicrodataGroup =
  | 'year'
  | 'gender'
  | 'age'
  | 'citizenship'
  | 'meansOfControl'
  | 'exploitation'
  | 'labour'
  | 'abduction'
  | 'countryOfExploitation'
  | 'recruiterRelation';

interface Group {
  readonly name: MicrodataGroup;
  readonly columns: readonly MicrodataColumn[];
  /** Number of levels; the last one is the most general (usually all empty). */
  readonly levels: number;
  /** The facts the values depend on. */
  readonly facts: readonly (keyof Facts)[];
  /** The group's column values at a level. */
  readonly values: (record: Facts, level: number) => readonly string[];
}

/** A record's facts, decoded once. */
interface Facts {
  readonly year: string;
  readonly gender: string;
  readonly age: number | null;
  readonly minor: boolean | null;
  readonly citizenship: string;
  readonly countryOfExploitation: string;
  readonly meansOfControl: ReadonlySet<MeansOfControl> | null;
  readonly exploitation: ReadonlySet<ExploitKind> | null;
  readonly labour: ReadonlySet<Labour> | null;
  readonly abduction: boolean | null;
  readonly recruiterRelations: ReadonlySet<RecruiterRelation> | null;
}

/** A group's values at each level (most detailed first), and their interned ids for fast keys. */
interface CodedGroup {
  readonly values: readonly (readonly string[])[];
  /** The values of each level, joined. */
  readonly keys: readonly string[];
  readonly ids: readonly number[];
}

/**
 * Codes records group by group. Records that share a group's facts share its coding, so each
 * distinct combination is coded once per export; values are interned so that class keys are short.
 */
class Coder {
  private readonly cache = GROUPS.map(() => new Map<string, CodedGroup>());
  /** Per export and per group: a group's values read the same at two levels exactly when their ids are equal. */
  private readonly interned = GROUPS.map(() => new Map<string, number>());

  code(record: MicrodataInput): readonly CodedGroup[] {
    const facts = decode(record);
    return GROUPS.map((group, g) => {
      const cacheKey = group.facts.map((name) => factKey(facts[name])).join('|');
      let coded = this.cache[g]!.get(cacheKey);
      if (!coded) {
        const values = Array.from({ length: group.levels }, (_, level) => group.values(facts, level));
        const keys = values.map((v) => v.join(VALUE_SEPARATOR));
        coded = { values, keys, ids: keys.map((key) => this.intern(g, key)) };
        this.cache[g]!.set(cacheKey, coded);
      }
      return coded;
    });
  }

  private intern(g: number, key: string): number {
    const ids = this.interned[g]!;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  }
}

function factKey(value: Facts[keyof Facts]): string {
  return value instanceof Set ? [...value].sort().join(',') : String(value);
}

const flag = (on: boolean) => (on ? '1' : '0');
const blank = (n: number) => new Array<string>(n).fill('');

const countryGroup = (name: 'citizenship' | 'countryOfExploitation', column: MicrodataColumn): Group => ({
  name,
  facts: [name],
  columns: [column],
  levels: 4,
  values: (f, level) => {
    const code = f[name];
    if (code === '') return [''];
    return [[code, subRegionOf(code), regionOf(code), ''][level]!];
  },
});

const GROUPS: readonly Group[] = [
  {
    name: 'year',
    facts: ['year'],
    columns: ['yearOfRegistration'],
    levels: 2,
    values: (f, level) => [level === 0 ? f.year : ''],
  },
  {
    name: 'gender',
    facts: ['gender'],
    columns: ['gender'],
    levels: 2,
    values: (f, level) => [level === 0 ? f.gender : ''],
  },
  {
    name: 'age',
    facts: ['age', 'minor'],
    columns: ['ageBroad', 'majorityStatus'],
    levels: 3,
    values: (f, level) => {
      const band = f.age === null ? '' : AGE_BANDS.find(([lo, hi]) => f.age! >= lo && f.age! <= hi)![2];
      const majority = f.minor === null ? '' : f.minor ? 'Minor' : 'Adult';
      return [level === 0 ? band : '', level <= 1 ? majority : ''];
    },
  },
  countryGroup('citizenship', 'citizenship'),
  {
    name: 'meansOfControl',
    facts: ['meansOfControl'],
    columns: [
      ...MEANS_OF_CONTROL.map((m) => `meansOfControl${m}` as const),
      'meansOfControlNotSpecified',
      'meansOfControlConcatenated',
    ],
    levels: 2,
    values: (f, level) => {
      const set = level === 0 ? f.meansOfControl : null;
      if (!set || set.size === 0) return [...blank(MEANS_OF_CONTROL.length), '1', ''];
      return [
        ...MEANS_OF_CONTROL.map((m) => (MEANS_OF_CONTROL_MAPPED.has(m) ? flag(set.has(m)) : '')),
        '0',
        MEANS_OF_CONTROL.filter((m) => set.has(m))
          .map(sentenceCase)
          .join(';'),
      ];
    },
  },
  {
    name: 'exploitation',
    facts: ['exploitation'],
    columns: [
      'isForcedLabour',
      'isSexualExploit',
      'isOtherExploit',
      'isSexAndLabour',
      'isForcedMarriage',
      'isForcedMilitary',
      'isOrganRemoval',
      'typeOfExploitConcatenated',
    ],
    // 0: every CTDC flag; 1: labour / sexual / other only (marriage, military, organ count as other); 2: empty.
    levels: 3,
    values: (f, level) => {
      const set = level < 2 ? f.exploitation : null;
      if (!set || set.size === 0) return blank(8);
      const labour = set.has('labour');
      const sexual = set.has('sexual');
      if (level === 0) {
        const kinds = (Object.keys(EXPLOIT_LABEL) as ExploitKind[]).filter((x) => set.has(x));
        return [
          flag(labour),
          flag(sexual),
          flag(set.has('other')),
          flag(labour && sexual),
          flag(set.has('marriage')),
          flag(set.has('military')),
          flag(set.has('organ')),
          kinds.map((x) => EXPLOIT_LABEL[x]).join(';'),
        ];
      }
      const other = [...set].some((x) => x !== 'labour' && x !== 'sexual');
      const labels = [labour && EXPLOIT_LABEL.labour, sexual && EXPLOIT_LABEL.sexual, other && EXPLOIT_LABEL.other];
      return [
        flag(labour),
        flag(sexual),
        flag(other),
        flag(labour && sexual),
        '',
        '',
        '',
        labels.filter(Boolean).join(';'),
      ];
    },
  },
  {
    name: 'labour',
    facts: ['labour'],
    columns: [
      ...LABOUR.map((l) => `typeOfLabour${l}` as const),
      'typeOfLabourNotSpecified',
      'typeOfLabourConcatenated',
    ],
    levels: 2,
    values: (f, level) => {
      const set = level === 0 ? f.labour : null;
      if (!set || set.size === 0) return [...blank(LABOUR.length), '1', ''];
      return [
        ...LABOUR.map((l) => (LABOUR_MAPPED.has(l) ? flag(set.has(l)) : '')),
        '0',
        LABOUR.filter((l) => set.has(l))
          .map(sentenceCase)
          .join(';'),
      ];
    },
  },
  {
    name: 'abduction',
    facts: ['abduction'],
    columns: ['isAbduction'],
    levels: 2,
    values: (f, level) => [level === 0 && f.abduction !== null ? flag(f.abduction) : ''],
  },
  countryGroup('countryOfExploitation', 'CountryOfExploitation'),
  {
    name: 'recruiterRelation',
    facts: ['recruiterRelations'],
    columns: [...RECRUITER_RELATIONS.map(([, column]) => column), 'recruiterRelationUnknown'],
    levels: 2,
    values: (f, level) => {
      const set = level === 0 ? f.recruiterRelations : null;
      if (!set || set.size === 0) return [...blank(RECRUITER_RELATIONS.length), '1'];
      return [...RECRUITER_RELATIONS.map(([code]) => flag(set.has(code))), '0'];
    },
  },
];

const GROUP_INDEX = new Map(GROUPS.map((g, i) => [g.name, i]));

/**
 * The refinement steps, most useful first: [group, level it refines to]. Each group starts at its
 * last (empty) level; a step only refines classes that reached the level just above.
 */
const REFINEMENT: readonly (readonly [MicrodataGroup, number])[] = [
  ['year', 0],
  ['gender', 0],
  ['age', 1], // adult / minor
  ['exploitation', 1], // labour / sexual / other
  ['citizenship', 2], // region
  ['countryOfExploitation', 2],
  ['citizenship', 1], // sub-region
  ['countryOfExploitation', 1],
  ['citizenship', 0], // country
  ['countryOfExploitation', 0],
  ['age', 0], // age band
  ['exploitation', 0], // every CTDC flag
  ['labour', 0],
  ['meansOfControl', 0],
  ['abduction', 0],
  ['recruiterRelation', 0],
];

interface EquivalenceClass {
  readonly members: number[];
  /** The level of each group, shared by every member. */
  readonly levels: readonly number[];
}

// Every exported column belongs to exactly one group, except the constant Datasource.
const GROUPED = GROUPS.flatMap((g) => g.columns);
if (
  new Set(GROUPED).size !== GROUPED.length ||
  MICRODATA_COLUMNS.some((c) => c !== 'Datasource' && !GROUPED.includes(c))
) {
  throw new Error('microdata: every exported column must belong to exactly one group');
}

/** Where each exported column's value comes from: [group, position in the group's values]; Datasource is constant. */
const COLUMN_SOURCES = MICRODATA_COLUMNS.map((column) => {
  const g = GROUPS.findIndex((group) => group.columns.includes(column));
  return [column, g, g === -1 ? -1 : GROUPS[g]!.columns.indexOf(column)] as const;
});

/** Every row starts as a copy of this one (copying a shape is much faster than adding 60 keys). */
const EMPTY_ROW: Readonly<Record<string, string>> = Object.fromEntries(MICRODATA_COLUMNS.map((c) => [c, '']));

function buildRow(valuesOf: (g: number) => readonly string[]): MicrodataRow {
  const groups = GROUPS.map((_, g) => valuesOf(g));
  const row = { ...EMPTY_ROW };
  for (const [column, g, i] of COLUMN_SOURCES) row[column] = g === -1 ? DATASOURCE : groups[g]![i]!;
  return row as MicrodataRow;
}

function decode(record: MicrodataInput): Facts {
  const yearMatch = /^(\d{4})-\d{2}-\d{2}$/.exec(record.registeredOn ?? '');
  const year = yearMatch ? Number(yearMatch[1]) : null;
  let age: number | null = null;
  if (isWholeNumber(record.age)) age = record.age;
  else if (isYear(record.birthYear) && year !== null) age = Math.max(0, year - record.birthYear - 1);
  const minor = age !== null ? age < 18 : typeof record.isChild === 'boolean' ? record.isChild : null;

  const types = list(record.exploitationTypes);
  const exploitation = types && new Set(types.map((t) => EXPLOIT_BY_TYPE[t]?.kind ?? 'other'));
  const isLabour = exploitation?.has('labour') ?? false;
  const sectors = list(record.sectors);
  const labourFromTypes = (types ?? []).flatMap((t) => EXPLOIT_BY_TYPE[t]?.labour ?? []);
  const labourFromSectors = (sectors ?? []).flatMap((s) => {
    const mapped = LABOUR_BY_SECTOR[s];
    return mapped === undefined ? ['Other' as const] : mapped === null ? [] : [mapped];
  });
  // CTDC fills typeOfLabour* for forced-labour cases only.
  const labour = isLabour ? new Set<Labour>([...labourFromTypes, ...labourFromSectors]) : null;

  const methods = list(record.methodsOfControl);
  const recruitment = list(record.recruitmentMethods);
  const relations = list(record.recruiterRelations)?.filter((r) => r !== 'unknown');

  return {
    year: year === null ? '' : String(year),
    gender: record.sex === 'female' ? 'Female' : record.sex === 'male' ? 'Male' : '',
    age,
    minor,
    citizenship: countryCode(record.citizenship),
    countryOfExploitation: countryCode(record.countryOfExploitation),
    meansOfControl: methods && new Set(methods.map((m) => MEANS_OF_CONTROL_BY_CODE[m] ?? 'Other')),
    exploitation,
    labour,
    abduction: recruitment ? recruitment.includes('abduction') : null,
    recruiterRelations: relations && relations.length > 0 ? new Set(relations) : null,
  };
}

/** "DebtBondage" -> "Debt bondage", as CTDC writes its concatenated columns. */
function sentenceCase(name: string): string {
  return name.replace(/(?<=[a-z])([A-Z])/g, (c) => ` ${c.toLowerCase()}`);
}

function list<T>(values: readonly T[] | null | undefined): readonly T[] | null {
  return values && values.length > 0 ? values : null;
}

function isWholeNumber(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 150;
}

function isYear(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1850 && n <= 2200;
}

function countryCode(code: string | null | undefined): string {
  const c = (code ?? '').trim().toUpperCase();
  return /^[A-Z]{3}$/.test(c) ? c : '';
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// UN M49 regions and sub-regions by ISO alpha-3 code: a rare country becomes its sub-region, then
// its region. Taiwan and Kosovo, which M49 does not list, are placed with their neighbours.

const M49: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Africa: {
    'Northern Africa': 'DZA EGY LBY MAR SDN TUN ESH',
    'Eastern Africa': 'BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA ZMB ZWE IOT ATF',
    'Middle Africa': 'AGO CMR CAF TCD COG COD GNQ GAB STP',
    'Southern Africa': 'BWA SWZ LSO NAM ZAF',
    'Western Africa': 'BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SHN SEN SLE TGO',
  },
  Americas: {
    Caribbean:
      'AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT SXM TTO TCA VIR',
    'Central America': 'BLZ CRI SLV GTM HND MEX NIC PAN',
    'South America': 'ARG BOL BVT BRA CHL COL ECU FLK GUF GUY PRY PER SGS SUR URY VEN',
    'Northern America': 'BMU CAN GRL SPM USA',
  },
  Asia: {
    'Central Asia': 'KAZ KGZ TJK TKM UZB',
    'Eastern Asia': 'CHN HKG MAC PRK JPN MNG KOR TWN',
    'South-eastern Asia': 'BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM',
    'Southern Asia': 'AFG BGD BTN IND IRN MDV NPL PAK LKA',
    'Western Asia': 'ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM',
  },
  Europe: {
    'Eastern Europe': 'BLR BGR CZE HUN POL MDA ROU RUS SVK UKR',
    'Northern Europe': 'ALA DNK EST FRO FIN GGY ISL IRL IMN JEY LVA LTU NOR SJM SWE GBR',
    'Southern Europe': 'ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP XKX',
    'Western Europe': 'AUT BEL FRA DEU LIE LUX MCO NLD CHE',
  },
  Oceania: {
    'Australia and New Zealand': 'AUS CXR CCK HMD NZL NFK',
    Melanesia: 'FJI NCL PNG SLB VUT',
    Micronesia: 'GUM KIR MHL FSM NRU MNP PLW UMI',
    Polynesia: 'ASM COK PYF NIU PCN WSM TKL TON TUV WLF',
  },
};

const M49_BY_COUNTRY = new Map<string, { region: string; subRegion: string }>();
for (const [region, subRegions] of Object.entries(M49)) {
  for (const [subRegion, codes] of Object.entries(subRegions)) {
    for (const code of codes.split(' ')) M49_BY_COUNTRY.set(code, { region, subRegion });
  }
}

/** The label for a country outside every M49 region (Antarctica, or a code M49 does not know). */
export const OTHER_REGION = 'Other';

/** The M49 sub-region of an ISO alpha-3 code ("South-eastern Asia"), or "Other". */
export function subRegionOf(alpha3: string): string {
  return M49_BY_COUNTRY.get(alpha3)?.subRegion ?? OTHER_REGION;
}

/** The M49 region of an ISO alpha-3 code ("Asia"), or "Other". */
export function regionOf(alpha3: string): string {
  return M49_BY_COUNTRY.get(alpha3)?.region ?? OTHER_REGION;
}
