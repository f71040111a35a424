import type { NameEntry } from './name-entry.ts';
import { NATIONALITY_TABLE, type Nationality } from './nationalities.ts';
import type { Place } from './places.ts';
import type { Rng } from './rng.ts';

/** The truth about one person, before any agency writes it down. */
export interface SyntheticPerson {
  readonly id: string;
  readonly nationality: Nationality;
  readonly sex: 'female' | 'male';
  readonly family: NameEntry | null;
  /** The given name's words in order (a Vietnamese middle name first; two or three Burmese words). */
  readonly given: readonly NameEntry[];
  readonly birth: { readonly year: number; readonly month: number; readonly day: number };
  readonly place: Place;
  readonly document: string | null;
}

/** The year records are dated to: ages are counted from it. */
export const REFERENCE_YEAR = 2026;

/** Victims are mostly young: ages 8 to 45, most between 15 and 30. */
function age(rng: Rng): number {
  const a = 22 + (rng.next() + rng.next() + rng.next() - 1.5) * 14;
  return Math.max(8, Math.min(45, Math.round(a)));
}

export function makePerson(rng: Rng, id: string): SyntheticPerson {
  const nationality = rng.draw(NATIONALITY_TABLE);
  const sex = rng.chance(0.62) ? 'female' : 'male';
  const family = nationality.family && rng.chance(nationality.familyShare) ? nationality.family(rng) : null;
  const given: NameEntry[] = [];
  if (nationality.middle) given.push(nationality.middle[sex](rng));
  const words = rng.int(nationality.givenWords[0], nationality.givenWords[1]);
  for (let k = 0; k < words; k++) given.push(nationality.given[sex](rng));
  const year = REFERENCE_YEAR - age(rng);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return {
    id,
    nationality,
    sex,
    family,
    given,
    birth: { year, month, day },
    place: rng.draw(nationality.places),
    document: rng.chance(0.35) ? nationality.document(rng) : null,
  };
}
