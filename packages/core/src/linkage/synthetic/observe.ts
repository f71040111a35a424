import type { PersonRecord } from '../fellegi-sunter/record.ts';
import type { Agency } from './agencies.ts';
import { recordedBirthDate } from './birth-dates.ts';
import { Corruption } from './corruptions.ts';
import type { NameEntry } from './name-entry.ts';
import type { SyntheticPerson } from './person.ts';
import type { Rng } from './rng.ts';
import { typo } from './typos.ts';

const SEX_WORDS = {
  female: ['F', 'F', 'female', 'Female'],
  male: ['M', 'M', 'male', 'Male'],
} as const;

/** The usual spelling most of the time, another one now and then. */
function spell(rng: Rng, spellings: readonly [string, ...string[]], flags: { bits: number }): string {
  if (spellings.length === 1 || rng.chance(0.75)) return spellings[0];
  const s = rng.pick(spellings);
  if (s !== spellings[0]) flags.bits |= Corruption.variantSpelling;
  return s;
}

function writeName(rng: Rng, entries: readonly NameEntry[], script: boolean, flags: { bits: number }): string {
  return entries.map((e) => (script && e.khmer ? e.khmer : spell(rng, e.latin, flags))).join(' ');
}

/** A keying error in one word of a Latin name (Khmer script is left alone). */
function withTypo(rng: Rng, name: string, p: number, script: boolean, flags: { bits: number }): string {
  if (name === '' || script || !rng.chance(p)) return name;
  const words = name.split(' ');
  const w = rng.int(0, words.length - 1);
  const changed = typo(rng, words[w]!);
  if (changed === words[w]) return name;
  words[w] = changed;
  flags.bits |= Corruption.nameTypo;
  return words.join(' ');
}

/**
 * One agency's record of a person: names as it writes them (script, spelling, order, typos, one field
 * or two), the birth date as it knows it, and the rest with gaps. Returns the record (without id) and
 * its corruption bits.
 */
export function observe(
  rng: Rng,
  person: SyntheticPerson,
  agency: Agency,
): { record: Omit<PersonRecord, 'id'>; corruption: number } {
  const flags = { bits: 0 };
  const script = person.nationality.code === 'KHM' && rng.chance(agency.khmerScript);
  if (script) flags.bits |= Corruption.khmerScript;

  let givenEntries = person.given;
  if (person.nationality.middle && givenEntries.length > 1 && rng.chance(0.08)) {
    givenEntries = givenEntries.slice(1);
    flags.bits |= Corruption.middleNameDropped;
  }
  // A name without a family name (Burmese) is split by agencies at its first word.
  let familyEntries: readonly NameEntry[] = person.family ? [person.family] : [];
  if (familyEntries.length === 0 && givenEntries.length > 1) {
    familyEntries = givenEntries.slice(0, 1);
    givenEntries = givenEntries.slice(1);
  }
  let family = withTypo(rng, writeName(rng, familyEntries, script, flags), agency.typo, script, flags);
  let given = withTypo(rng, writeName(rng, givenEntries, script, flags), agency.typo, script, flags);
  if (!script && rng.chance(0.2)) {
    family = family.toUpperCase(); // passports and some registers write names in capitals
    given = given.toUpperCase();
  }

  let fullName = '';
  if (rng.chance(agency.fullNameOnly)) {
    const burmese = person.family === null;
    const parts = person.nationality.familyFirst || burmese ? [family, given] : [given, family];
    fullName = parts.filter((x) => x !== '').join(' ');
    family = '';
    given = '';
    flags.bits |= Corruption.fullNameOnly;
  } else if (family !== '' && given !== '' && rng.chance(0.05)) {
    [family, given] = [given, family];
    flags.bits |= Corruption.swappedNames;
  }

  const birth = recordedBirthDate(rng, person.birth, agency.dateSloppiness);
  flags.bits |= birth.corruption;

  let sex: string = person.sex;
  if (rng.chance(0.005)) {
    sex = sex === 'female' ? 'male' : 'female';
    flags.bits |= Corruption.wrongSex;
  }
  const sexText = rng.chance(0.05) ? '' : rng.pick(SEX_WORDS[sex as 'female' | 'male']);

  let place = '';
  if (rng.chance(0.9)) {
    let p = person.place;
    if (rng.chance(0.03)) {
      const other = rng.draw(person.nationality.places);
      if (other !== p) flags.bits |= Corruption.otherPlace;
      p = other;
    }
    place = spell(rng, p, flags);
  }

  let documentNumber = '';
  if (person.document !== null && rng.chance(agency.documents)) {
    documentNumber = person.document;
    if (rng.chance(0.03)) {
      const k = rng.int(1, documentNumber.length - 1);
      const digit = String((Number(documentNumber[k]) + rng.int(1, 9)) % 10);
      documentNumber = documentNumber.slice(0, k) + digit + documentNumber.slice(k + 1);
      flags.bits |= Corruption.documentTypo;
    } else if (rng.chance(0.1)) documentNumber = documentNumber.replace(/(\d{3})(?=\d)/g, '$1 ');
  }

  return {
    record: {
      givenName: given,
      familyName: family,
      fullName,
      birthDate: birth.text,
      sex: sexText,
      nationality: rng.chance(0.92) ? person.nationality.code : '',
      place,
      documentNumber,
      source: agency.name,
    },
    corruption: flags.bits,
  };
}
