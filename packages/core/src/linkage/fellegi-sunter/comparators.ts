import type { NamePart, Prepared } from './record.ts';
import { jaroWinkler, withinOneEdit } from './strings.ts';

/** Level returned when a field is missing on either side: it adds no weight and is left out of EM. */
export const MISSING = -1;

/**
 * One field's comparison: level 0 is the strongest agreement, the last level "else" (disagreement).
 * `compare` returns a level index or MISSING.
 */
export interface Comparator<P = Prepared> {
  readonly field: string;
  readonly levels: readonly string[];
  compare(a: P, b: P): number;
  /**
   * Term-frequency adjustment: the value whose frequency in the data replaces u at `tfLevels` (an
   * exact match on a common name weighs less than one on a rare name).
   */
  readonly tfValue?: (p: P) => string | null;
  readonly tfLevels?: readonly number[];
  /**
   * The value as written, when `tfValue` is a folded form: at level 0 (exact) u is then the share of
   * records written exactly alike, and at level 1 (folded) the share written differently but folding
   * alike. Without it, a spelling that differs weighs as if any record with the name might share it.
   */
  readonly tfExactValue?: (p: P) => string | null;
  /**
   * Comparators sharing this name (given and family name) take their term frequencies together when
   * all of them agree at a TF level: the frequency of the whole name, not the product of its parts.
   */
  readonly tfJoint?: string;
  /**
   * Agreement on this field is mostly implied by agreement on others (a shared name nearly always means
   * a shared sex and nationality), so it adds no weight; disagreement still counts against a match.
   * Without this, fields independent in the model but not in life make the weights overconfident.
   */
  readonly impliedAgreement?: boolean;
  /**
   * u is sampled among pairs whose records share this key, not among all pairs: two people of one
   * nationality share a province far more often than two people taken at random, and the pairs a linker
   * compares nearly always share a nationality (their names do). Records without the key are left out.
   */
  readonly uWithin?: (p: P) => string | null;
}

const NAME_LEVELS = [
  'exact',
  'folded',
  'jw>=0.92',
  'part',
  'swapped',
  'jw>=0.88',
  'phonetic',
  'initial',
  'jw>=0.70',
  'else',
] as const;

const close = (x: NamePart | null, y: NamePart | null): boolean =>
  x !== null && y !== null && (x.key === y.key || jaroWinkler(x.spelled, y.spelled) >= 0.92);

/** Every word of the shorter name is a word of the longer (a middle name left out: Thị Hoa, Hoa). */
function part(x: NamePart, y: NamePart): boolean {
  const xs = x.folded.split(' ');
  const ys = y.folded.split(' ');
  if (xs.length === ys.length) return false;
  const [short, long] = xs.length < ys.length ? [xs, ys] : [ys, xs];
  return short.every((t) => long.includes(t));
}

/**
 * A name field (given or family) with the levels of NAME_LEVELS. `other` is the record's other name
 * field, for the swapped level: given and family written the other way round on one record. A swap is
 * one piece of evidence, not two: the field with `swap: 'level'` (the given name) scores it, the one with
 * `swap: 'missing'` (the family name) then counts as missing, so the pair is not rewarded twice.
 */
export function nameComparator(
  field: string,
  pick: (p: Prepared) => NamePart | null,
  other: (p: Prepared) => NamePart | null,
  swap: 'level' | 'missing',
): Comparator {
  const grade = (x: NamePart, y: NamePart, a: Prepared, b: Prepared): number => {
    if (x.spelled === y.spelled) return 0;
    // Folded alike, or alike but for the spaces between syllables (Sok Ly, Sokly).
    if (x.folded === y.folded || x.key === y.key) return 1;
    const jw = jaroWinkler(x.spelled, y.spelled);
    if (jw >= 0.92) return 2;
    if (part(x, y)) return 3;
    if (close(x, other(b)) && close(other(a), y)) return swap === 'level' ? 4 : MISSING;
    if (jw >= 0.88) return 5;
    if (x.phonetic !== '' && x.phonetic === y.phonetic) return 6;
    if ((x.spelled.length === 1 || y.spelled.length === 1) && x.initial === y.initial) return 7;
    if (jw >= 0.7) return 8;
    return 9;
  };
  return {
    field,
    levels: NAME_LEVELS,
    tfValue: (p) => pick(p)?.key ?? null,
    tfExactValue: (p) => pick(p)?.spelled ?? null,
    tfLevels: [0, 1],
    tfJoint: 'name',
    compare(a, b) {
      const x = pick(a);
      const y = pick(b);
      if (x !== null && y !== null) return grade(x, y, a, b);
      // One name on each side, in different fields ("Muhammad" as a given name here, as a one-word full
      // name there): compared once, by the field that scores swaps.
      if (swap === 'level') {
        if (x === null && y !== null && other(b) === null && other(a) !== null) return grade(other(a)!, y, a, b);
        if (x !== null && y === null && other(a) === null && other(b) !== null) return grade(x, other(b)!, a, b);
      }
      return MISSING;
    },
  };
}

const DATE_LEVELS = [
  'exact',
  'partial',
  'day/month swapped',
  'one edit',
  'estimate ±1',
  'estimate ±2',
  'year ±1',
  'else',
] as const;

/**
 * Birth date: exact (both complete and equal); partial (one or both only a year or year and month, the
 * parts both have agree: an estimate); day and month swapped; one edit of YYYYMMDD (a typo or two
 * adjacent digits swapped); one side an estimate (only a year, or a year and month) one or two years off
 * the other, as an age stated in years often is; two complete dates at most a year apart; else. Two
 * complete dates a year apart are far weaker evidence than an estimate a year off: they are kept apart.
 */
export const birthDateComparator: Comparator = {
  field: 'birth_date',
  levels: DATE_LEVELS,
  compare(a, b) {
    const x = a.birth;
    const y = b.birth;
    if (x === null || y === null) return MISSING;
    const years = Math.abs(x.year - y.year);
    if (x.digits !== '' && y.digits !== '') {
      if (x.digits === y.digits) return 0;
      if (x.year === y.year && x.month === y.day && x.day === y.month) return 2;
      if (withinOneEdit(x.digits, y.digits)) return 3;
      return years <= 1 ? 6 : 7;
    }
    if (x.year === y.year && (x.month === null || y.month === null || x.month === y.month)) return 1;
    if (years === 1 || (years === 0 && x.month !== y.month)) return 4;
    return years === 2 ? 5 : 7;
  },
};

function exactComparator(field: string, pick: (p: Prepared) => string | null, impliedAgreement = false): Comparator {
  return {
    field,
    levels: ['exact', 'else'],
    impliedAgreement,
    compare(a, b) {
      const x = pick(a);
      const y = pick(b);
      if (x === null || y === null) return MISSING;
      return x === y ? 0 : 1;
    },
  };
}

export const sexComparator = exactComparator('sex', (p) => p.sex, true);
export const nationalityComparator = exactComparator('nationality', (p) => p.nationality, true);

/**
 * Place: exact; close (Jaro–Winkler >= 0.88, or a postcode-like word, one with a digit, in common); else.
 * Other shared words are not enough: Kampong Cham and Kampong Thom, An Giang and Kien Giang differ.
 * Its u and term frequencies are taken within a nationality: two Vietnamese share one of a few provinces
 * far more often than two people taken at random, and a shared Phnom Penh says less than a shared Kep.
 */
export const placeComparator: Comparator = {
  field: 'place',
  levels: ['exact', 'close', 'else'],
  uWithin: (p) => p.nationality,
  tfValue: (p) => p.place,
  tfLevels: [0],
  compare(a, b) {
    if (a.place === null || b.place === null) return MISSING;
    if (a.place === b.place) return 0;
    for (const t of a.placeTokens) if (/\d/.test(t) && b.placeTokens.includes(t)) return 1;
    return jaroWinkler(a.place, b.place) >= 0.88 ? 1 : 2;
  },
};

/** Document number: exact; one edit (a typo, two adjacent characters swapped); else. */
export const documentComparator: Comparator = {
  field: 'document_number',
  levels: ['exact', 'one edit', 'else'],
  compare(a, b) {
    if (a.document === null || b.document === null) return MISSING;
    if (a.document === b.document) return 0;
    return withinOneEdit(a.document, b.document) ? 1 : 2;
  },
};

export const givenNameComparator = nameComparator(
  'given_name',
  (p) => p.given,
  (p) => p.family,
  'level',
);
export const familyNameComparator = nameComparator(
  'family_name',
  (p) => p.family,
  (p) => p.given,
  'missing',
);

/** The comparators for person records, in the order explanations list them. */
export const PERSON_COMPARATORS: readonly Comparator[] = [
  givenNameComparator,
  familyNameComparator,
  birthDateComparator,
  sexComparator,
  nationalityComparator,
  placeComparator,
  documentComparator,
];
