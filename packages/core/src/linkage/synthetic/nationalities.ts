import type { NameEntry, WeightedNames } from './name-entry.ts';
import { CHINESE_SYLLABLES, khmerCompound, LAO_MORPHEMES, morphemeName, THAI_MORPHEMES } from './names-compose.ts';
import { KHMER_FAMILY, KHMER_FEMALE, KHMER_MALE } from './names-khmer.ts';
import * as F from './names-foreign.ts';
import { CAMBODIAN_PROVINCES, FOREIGN_PROVINCES, type Place } from './places.ts';
import { weighted, type Rng, type WeightedTable } from './rng.ts';

/** How persons of one nationality are named, where they come from and what document they carry. */
export interface Nationality {
  /** ISO 3166-1 alpha-3. */
  readonly code: string;
  /** Share of victims (Cambodian victims first; foreign victims identified in Cambodia after). */
  readonly share: number;
  readonly family: NameSource | null;
  /** Probability that a person has a family name at all (Indonesian mononyms, Burmese names). */
  readonly familyShare: number;
  /** Given names by sex; for Burmese, the words a name is made of (2 or 3 drawn). */
  readonly given: { readonly female: NameSource; readonly male: NameSource };
  readonly givenWords: readonly [min: number, max: number];
  readonly middle?: { readonly female: NameSource; readonly male: NameSource };
  /** Family name written first in a full name (Khmer, Vietnamese, Chinese order). */
  readonly familyFirst: boolean;
  readonly places: WeightedTable<Place>;
  /** A national identity card or passport number in the country's style. */
  document(rng: Rng): string;
}

/** Draws one name. */
export type NameSource = (rng: Rng) => NameEntry;

/** Common names from a weighted list; with probability `tailShare`, a rarer name from `tail`. */
const from =
  (names: WeightedNames, tailShare = 0, tail?: NameSource): NameSource =>
  (rng) => {
    const table = tables.get(names) ?? weighted(names);
    tables.set(names, table);
    return tail && rng.chance(tailShare) ? tail(rng) : rng.draw(table);
  };
const tables = new Map<WeightedNames, WeightedTable<NameEntry>>();

const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let k = 0; k < n; k++) s += String(rng.int(0, 9));
  return s;
};
const evenly = (places: readonly Place[]) => weighted(places.map((p) => [p, 1] as const));
const sexes = (
  female: WeightedNames,
  male: WeightedNames,
  tailShare = 0,
  tail?: (rng: Rng, sex: 'female' | 'male') => NameEntry,
) => ({
  female: from(female, tailShare, tail && ((rng) => tail(rng, 'female'))),
  male: from(male, tailShare, tail && ((rng) => tail(rng, 'male'))),
});

export const NATIONALITIES: readonly Nationality[] = [
  {
    code: 'KHM',
    share: 0.7,
    family: from(KHMER_FAMILY),
    familyShare: 1,
    given: sexes(KHMER_FEMALE, KHMER_MALE, 0.45, khmerCompound),
    givenWords: [1, 1],
    familyFirst: true,
    places: weighted(CAMBODIAN_PROVINCES),
    document: (rng) => `${rng.int(0, 2)}${digits(rng, 8)}`,
  },
  {
    code: 'VNM',
    share: 0.1,
    family: from(F.VIETNAMESE_FAMILY),
    familyShare: 1,
    given: sexes(F.VIETNAMESE_FEMALE, F.VIETNAMESE_MALE),
    givenWords: [1, 1],
    middle: sexes(F.VIETNAMESE_MIDDLE_FEMALE, F.VIETNAMESE_MIDDLE_MALE),
    familyFirst: true,
    places: evenly(FOREIGN_PROVINCES.VNM!),
    document: (rng) => `C${digits(rng, 7)}`,
  },
  {
    code: 'THA',
    share: 0.05,
    family: from(F.THAI_FAMILY, 0.7, (rng) => morphemeName(rng, THAI_MORPHEMES, 2, 3)),
    familyShare: 1,
    given: sexes(F.THAI_FEMALE, F.THAI_MALE),
    givenWords: [1, 1],
    familyFirst: false,
    places: evenly(FOREIGN_PROVINCES.THA!),
    document: (rng) => `${rng.int(1, 8)}${digits(rng, 12)}`,
  },
  {
    code: 'LAO',
    share: 0.04,
    family: from(F.LAO_FAMILY, 0.6, (rng) => morphemeName(rng, LAO_MORPHEMES, 2, 3)),
    familyShare: 1,
    given: sexes(F.LAO_FEMALE, F.LAO_MALE),
    givenWords: [1, 1],
    familyFirst: false,
    places: evenly(FOREIGN_PROVINCES.LAO!),
    document: (rng) => `P${digits(rng, 7)}`,
  },
  {
    code: 'MMR',
    share: 0.04,
    family: null,
    familyShare: 0,
    given: sexes(F.BURMESE_FEMALE_WORDS, F.BURMESE_MALE_WORDS),
    givenWords: [2, 3],
    familyFirst: false,
    places: evenly(FOREIGN_PROVINCES.MMR!),
    document: (rng) => `M${digits(rng, 6)}`,
  },
  {
    code: 'CHN',
    share: 0.04,
    family: from(F.CHINESE_FAMILY),
    familyShare: 1,
    given: sexes(F.CHINESE_FEMALE, F.CHINESE_MALE, 0.6, (rng) => morphemeName(rng, CHINESE_SYLLABLES, 1, 2)),
    givenWords: [1, 1],
    familyFirst: true,
    places: evenly(FOREIGN_PROVINCES.CHN!),
    document: (rng) => `E${digits(rng, 8)}`,
  },
  {
    code: 'IDN',
    share: 0.03,
    family: from(F.INDONESIAN_FAMILY),
    familyShare: 0.5,
    given: sexes(F.INDONESIAN_FEMALE, F.INDONESIAN_MALE),
    givenWords: [1, 1],
    familyFirst: false,
    places: evenly(FOREIGN_PROVINCES.IDN!),
    document: (rng) => `B${digits(rng, 7)}`,
  },
];

export const NATIONALITY_TABLE = weighted(NATIONALITIES.map((n) => [n, n.share] as const));
