import { weighted } from './rng.ts';

/** How one agency writes records down. */
export interface Agency {
  readonly name: string;
  /** Relative number of records it makes. */
  readonly weight: number;
  /** Probability of writing a Khmer person's name in Khmer script. */
  readonly khmerScript: number;
  /** Probability of a single full-name field instead of given and family names. */
  readonly fullNameOnly: number;
  /** Probability of a keying error in each name field. */
  readonly typo: number;
  /** Scales the chance of estimated, partial and missing birth dates. */
  readonly dateSloppiness: number;
  /** Probability of noting the person's document number when they have one. */
  readonly documents: number;
}

const agency = (
  name: string,
  weight: number,
  khmerScript: number,
  fullNameOnly: number,
  typo: number,
  dateSloppiness: number,
  documents: number,
): Agency => ({ name, weight, khmerScript, fullNameOnly, typo, dateSloppiness, documents });

/** The agencies that record victims in the Cambodian configuration, with their habits. */
export const AGENCIES: readonly Agency[] = [
  agency('MFAIC', 3, 0.05, 0.1, 0.03, 0.5, 0.7),
  agency('MOSAVY', 3, 0.35, 0.2, 0.04, 0.8, 0.3),
  agency('DoSAVY', 2, 0.5, 0.3, 0.05, 1, 0.2),
  agency('MOI', 1, 0.4, 0.1, 0.03, 0.7, 0.5),
  agency('AHTJP', 2, 0.3, 0.5, 0.05, 1.1, 0.3),
  agency('Provincial police', 1.5, 0.4, 0.5, 0.06, 1.3, 0.2),
  agency('Poipet transit centre', 2, 0.2, 0.4, 0.06, 1.4, 0.1),
  agency('IOM', 1, 0.1, 0.2, 0.04, 0.8, 0.5),
  agency('NGO shelter A', 1.5, 0.2, 0.3, 0.05, 1, 0.1),
  agency('NGO shelter B', 1, 0.2, 0.3, 0.05, 1, 0.1),
  agency('NGO legal aid', 1, 0.2, 0.3, 0.05, 1, 0.1),
];

export const AGENCY_TABLE = weighted(AGENCIES.map((a) => [a, a.weight] as const));
