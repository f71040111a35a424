import type { PersonRecord } from '../fellegi-sunter/record.ts';
import { AGENCY_TABLE, type Agency } from './agencies.ts';
import { observe } from './observe.ts';
import { makePerson } from './person.ts';
import { Rng, weighted } from './rng.ts';

export interface GeneratedLinkageData {
  /** Records in random order, ids R0000001… (so neither order nor id gives a person away). */
  readonly records: PersonRecord[];
  /** The true person of each record, by position: personOf[k] is records[k]'s person. */
  readonly personOf: string[];
  /** What went wrong in each record (Corruption bits), by position. */
  readonly corruption: Uint16Array;
  readonly persons: number;
}

export interface GenerateOptions {
  readonly records: number;
  readonly seed?: number;
  /** How many records a person gets (1 to 4): most persons are recorded once. */
  readonly recordsPerPerson?: readonly (readonly [count: number, weight: number])[];
  /** Probability that a person's next record comes from another agency than the previous ones. */
  readonly otherAgency?: number;
}

const DEFAULT_RECORDS_PER_PERSON = [
  [1, 0.7],
  [2, 0.18],
  [3, 0.08],
  [4, 0.04],
] as const;

const pad = (x: number, width: number) => String(x).padStart(width, '0');

/**
 * Realistic multi-agency records of trafficking victims with ground truth: persons of seven
 * nationalities, each recorded one to four times by agencies with their own habits (script, name
 * order, typos, estimated ages, missing fields). Pure and deterministic: the same options give the same
 * records.
 */
export function generateLinkageData(options: GenerateOptions): GeneratedLinkageData {
  const n = options.records;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`records: ${n} is not a whole number >= 0`);
  const rng = new Rng(options.seed ?? 1);
  const perPerson = weighted(options.recordsPerPerson ?? DEFAULT_RECORDS_PER_PERSON);
  const otherAgency = options.otherAgency ?? 0.85;
  const width = Math.max(7, String(n).length);

  const drafts: Omit<PersonRecord, 'id'>[] = [];
  const owners: string[] = [];
  const corruption = new Uint16Array(n);
  let persons = 0;
  while (drafts.length < n) {
    persons++;
    const person = makePerson(rng, `P${pad(persons, width)}`);
    const count = Math.min(rng.draw(perPerson), n - drafts.length);
    const used: Agency[] = [];
    for (let k = 0; k < count; k++) {
      let agency = rng.draw(AGENCY_TABLE);
      if (used.length > 0 && rng.chance(otherAgency))
        for (let tries = 0; used.includes(agency) && tries < 10; tries++) agency = rng.draw(AGENCY_TABLE);
      used.push(agency);
      const { record, corruption: bits } = observe(rng, person, agency);
      corruption[drafts.length] = bits;
      drafts.push(record);
      owners.push(person.id);
    }
  }

  // Shuffle (Fisher–Yates) so that a person's records are not next to each other.
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rng.next() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const records: PersonRecord[] = new Array(n);
  const personOf: string[] = new Array(n);
  const shuffledCorruption = new Uint16Array(n);
  order.forEach((from, k) => {
    records[k] = { id: `R${pad(k + 1, width)}`, ...drafts[from]! };
    personOf[k] = owners[from]!;
    shuffledCorruption[k] = corruption[from]!;
  });
  return { records, personOf, corruption: shuffledCorruption, persons };
}

/** Ground truth as a map from record id to person id (what the quality measures take). */
export function truthMap(data: GeneratedLinkageData): Map<string, string> {
  return new Map(data.records.map((r, k) => [r.id, data.personOf[k]!]));
}
