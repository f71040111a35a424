import { foldNameToken, spelledNameTokens } from '../../identity/normalise.ts';
import { soundex } from './strings.ts';

/** One person record as given to the linker (all fields but id optional; '' means not recorded). */
export interface PersonRecord {
  readonly id: string;
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  /** Used when given and family names are not: the first word is taken as the family name (Khmer order). */
  readonly fullName?: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY (an estimate or a year only). */
  readonly birthDate?: string | null;
  readonly sex?: string | null;
  readonly nationality?: string | null;
  readonly place?: string | null;
  readonly documentNumber?: string | null;
  /** The agency or file the record came from. */
  readonly source?: string | null;
}

export interface NamePart {
  /** Tokens as spelled (lower case, no diacritics, Khmer romanised), joined by one space. */
  readonly spelled: string;
  /** Tokens folded (identity/normalise.ts), joined by one space: spellings of one name meet here. */
  readonly folded: string;
  /** The folded tokens joined without spaces: "Srey Pov" and "Sreypov" meet here (a blocking key). */
  readonly key: string;
  /** Soundex of the folded tokens joined. */
  readonly phonetic: string;
  readonly initial: string;
}

export interface BirthDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
  /** YYYYMMDD when the date is complete, else ''. */
  readonly digits: string;
}

/** A record ready for comparison: everything a comparator needs, computed once. */
export interface Prepared {
  readonly id: string;
  readonly given: NamePart | null;
  readonly family: NamePart | null;
  readonly birth: BirthDate | null;
  readonly sex: string | null;
  readonly nationality: string | null;
  readonly place: string | null;
  readonly placeTokens: readonly string[];
  readonly document: string | null;
  readonly source: string | null;
}

const blank = (v: string | null | undefined): v is null | undefined => v == null || v.trim() === '';

/**
 * Values repeat (a few family names cover much of a population; dates and places repeat too), and
 * reading them is regex-heavy: results are remembered by their text. Each memory is bounded, and what
 * it holds is immutable, so records share it safely (which also saves memory on a million records).
 */
const MEMORY = 1_000_000;
const nameParts = new Map<string, NamePart | null>();
const birthDates = new Map<string, BirthDate | null>();
const simpleValues = new Map<string, string | null>();
const placeTokenLists = new Map<string, readonly string[]>();

function remember<T>(memory: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = memory.get(key);
  if (known !== undefined) return known;
  const value = compute(key);
  if (memory.size >= MEMORY) memory.clear();
  memory.set(key, value);
  return value;
}

export function namePart(text: string | null | undefined): NamePart | null {
  if (blank(text)) return null;
  return remember(nameParts, text, computeNamePart);
}

function computeNamePart(text: string): NamePart | null {
  const spelledTokens = spelledNameTokens(text);
  if (spelledTokens.length === 0) return null;
  const foldedTokens = spelledTokens.map(foldNameToken).filter((t) => t !== '');
  const folded = foldedTokens.join(' ');
  const key = foldedTokens.join('');
  return {
    spelled: spelledTokens.join(' '),
    folded,
    key,
    phonetic: soundex(key),
    initial: spelledTokens[0]!.charAt(0),
  };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses YYYY-MM-DD, YYYY-MM or YYYY; null for empty; throws RangeError for anything else. */
export function parseBirthDate(text: string | null | undefined): BirthDate | null {
  if (blank(text)) return null;
  return remember(birthDates, text, computeBirthDate);
}

function computeBirthDate(text: string): BirthDate | null {
  const m = DATE.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (year < 1850 || year > 2200) throw new RangeError(`"${text}": the year ${year} is out of range`);
  if (month !== null && (month < 1 || month > 12)) throw new RangeError(`"${text}": there is no month ${month}`);
  if (day !== null) {
    const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > last) throw new RangeError(`"${text}": there is no day ${day} in that month`);
  }
  const digits = day === null ? '' : `${m[1]}${m[2]}${m[3]}`;
  return { year, month, day, digits };
}

const simplify = (v: string): string | null =>
  blank(v) ? null : v.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const simple = (v: string | null | undefined): string | null =>
  v == null ? null : remember(simpleValues, v, simplify);

const SEX: Readonly<Record<string, string>> = { f: 'female', female: 'female', m: 'male', male: 'male' };

const placeTokens = (place: string): readonly string[] => place.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');

/** Prepares a record; throws RangeError (naming the field) for a value that cannot be read. */
export function prepare(r: PersonRecord): Prepared {
  let given = namePart(r.givenName);
  let family = namePart(r.familyName);
  if (given === null && family === null && !blank(r.fullName)) {
    const words = r.fullName.trim().split(/\s+/);
    family = namePart(words[0]);
    given = namePart(words.slice(1).join(' '));
  }
  let birth: BirthDate | null;
  try {
    birth = parseBirthDate(r.birthDate);
  } catch (err) {
    throw new RangeError(`birth_date: ${(err as Error).message}`);
  }
  const sexText = simple(r.sex);
  const sex = sexText === null || sexText === 'unknown' ? null : (SEX[sexText] ?? sexText);
  const place = simple(r.place);
  const document = blank(r.documentNumber) ? null : r.documentNumber.replace(/[\s-]/g, '').toUpperCase();
  return {
    id: r.id,
    given,
    family,
    birth,
    sex,
    nationality: simple(r.nationality),
    place,
    placeTokens: place === null ? [] : remember(placeTokenLists, place, placeTokens),
    document,
    source: simple(r.source),
  };
}
