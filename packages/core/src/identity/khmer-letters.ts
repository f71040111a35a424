/**
 * Khmer letters (Unicode U+1780–U+17FF) and their Latin values, after the UNGEGN system for Khmer
 * (BGN/PCGN 1972, UN 1967) with its diacritics dropped (â -> a, ô -> o, é -> e, ĕ -> e, œ -> oe ...).
 * Where that system and the spellings people actually use for their names disagree, the table follows
 * the names and says so. Tables only: the reading rules (syllables, series, finals) are in khmer-syllables.ts.
 */

/** Every consonant belongs to a series; the series decides how the vowel after it is read. */
export type Series = 'a' | 'o';

export interface Consonant {
  /** Latin value at the start of a syllable. */
  readonly initial: string;
  /** Latin value when the consonant closes a syllable. */
  readonly final: string;
  readonly series: Series;
}

const c = (initial: string, series: Series, final = initial): Consonant => ({ initial, final, series });

export const CONSONANTS: Readonly<Record<string, Consonant>> = {
  ក: c('k', 'a'),
  ខ: c('kh', 'a'),
  គ: c('k', 'o'),
  ឃ: c('kh', 'o'),
  ង: c('ng', 'o'),
  ច: c('ch', 'a'),
  ឆ: c('chh', 'a'),
  ជ: c('ch', 'o'),
  ឈ: c('chh', 'o'),
  ញ: c('nh', 'o'),
  ដ: c('d', 'a'),
  ឋ: c('th', 'a'),
  ឌ: c('d', 'o'),
  ឍ: c('th', 'o'),
  ណ: c('n', 'a'),
  ត: c('t', 'a'),
  ថ: c('th', 'a'),
  ទ: c('t', 'o'),
  ធ: c('th', 'o'),
  ន: c('n', 'o'),
  ប: c('b', 'a', 'p'), // final ប is heard, and written, as p (Sopheap, Kep)
  ផ: c('ph', 'a'),
  ព: c('p', 'o'),
  ភ: c('ph', 'o'),
  ម: c('m', 'o'),
  យ: c('y', 'o'),
  រ: c('r', 'o'),
  ល: c('l', 'o'),
  វ: c('v', 'o'),
  ឝ: c('s', 'a'), // obsolete (Sanskrit śa)
  ឞ: c('s', 'a'), // obsolete (Sanskrit ṣa)
  ស: c('s', 'a'),
  ហ: c('h', 'a'),
  ឡ: c('l', 'a'),
  អ: c('', 'a'), // glottal stop: UNGEGN writes nothing before a vowel
};

/** Sonorants: as a subscript they do not change the series of a cluster (ស្រ stays a-series). */
export const SONORANTS: ReadonlySet<string> = new Set(['ង', 'ញ', 'ណ', 'ន', 'ម', 'យ', 'រ', 'ល', 'វ']);
/** The o-series sonorants, which take the series of the syllable before them in a doubled cluster (កញ្ញា). */
export const O_SONORANTS: ReadonlySet<string> = new Set(['ង', 'ញ', 'ន', 'ម', 'យ', 'រ', 'ល', 'វ']);
export const NASALS: ReadonlySet<string> = new Set(['ង', 'ញ', 'ណ', 'ន', 'ម']);
export const VELARS: ReadonlySet<string> = new Set(['ក', 'ខ', 'គ', 'ឃ']);

/** Independent vowels: they stand alone, with no consonant, and read the same in either series. */
export const INDEPENDENT_VOWELS: Readonly<Record<string, string>> = {
  ឣ: 'a', // deprecated
  ឤ: 'a', // deprecated
  ឥ: 'e',
  ឦ: 'ei',
  ឧ: 'o',
  ឨ: 'ou', // deprecated
  ឩ: 'ou',
  ឪ: 'ov',
  ឫ: 'roe',
  ឬ: 'roe',
  ឭ: 'loe',
  ឮ: 'loe',
  ឯ: 'ae',
  ឰ: 'ai',
  ឱ: 'ao',
  ឲ: 'ao',
  ឳ: 'ao',
};

// Signs, by their Unicode names.
export const COENG = '\u17D2'; // ្ : the next consonant is written below (subscript)
export const NIKAHIT = '\u17C6'; // ំ : nasal m after the vowel
export const REAHMUK = '\u17C7'; // ះ : h after the vowel
export const YUUKALEAPINTU = '\u17C8'; // ៈ : short vowel and a glottal stop
export const MUUSIKATOAN = '\u17C9'; // ៉ : makes an o-series consonant a-series
export const TRIISAP = '\u17CA'; // ៊ : makes an a-series consonant o-series
export const BANTOC = '\u17CB'; // ់ : shortens the vowel before a final consonant
export const TOANDAKHIAT = '\u17CD'; // ៍ : the consonant under it is silent
export const SAMYOK_SANNYA = '\u17D0'; // ័ : short a / ea, always closed by a final
export const LEK_TOO = '\u17D7'; // ៗ : repeat the word before

/**
 * Dependent vowels (and vowel + sign combinations), read [after an a-series consonant, after an o-series one].
 * Deviations from UNGEGN, to match how names are spelled: ោ is "o" in both series (UNGEGN aô/ou: Kosal,
 * Sophorn); ៅ is "ao"/"ov" (UNGEGN au/ŏu: Mao, Pov); ឹ after o-series is "i" (UNGEGN ĭ/œ̆: Kim, Chim).
 */
export const DEPENDENT_VOWELS: Readonly<Record<string, readonly [a: string, o: string]>> = {
  'ា': ['a', 'ea'],
  'ិ': ['e', 'i'],
  'ី': ['ei', 'i'],
  'ឹ': ['oe', 'i'],
  'ឺ': ['eu', 'eu'],
  'ុ': ['o', 'u'],
  'ូ': ['o', 'u'],
  'ួ': ['uo', 'uo'],
  'ើ': ['aeu', 'eu'],
  'ឿ': ['oeu', 'oeu'],
  'ៀ': ['ie', 'ie'],
  'េ': ['e', 'e'],
  'ែ': ['ae', 'ae'],
  'ៃ': ['ai', 'ey'],
  'ោ': ['o', 'o'],
  'ៅ': ['ao', 'ov'],
  'ំ': ['am', 'um'],
  'ុំ': ['om', 'um'],
  'ាំ': ['am', 'oam'],
  'ះ': ['ah', 'eah'],
  'ុះ': ['oh', 'uh'],
  'ិះ': ['eh', 'ih'],
  'េះ': ['eh', 'eh'],
  'ែះ': ['aeh', 'aeh'],
  'ោះ': ['aoh', 'uoh'],
  'ៈ': ['ah', 'eah'],
  '័': ['a', 'ea'],
};

/** Two-part spellings some keyboards produce for one vowel. */
export const VOWEL_SPELLINGS: Readonly<Record<string, string>> = { 'េា': 'ោ', 'េី': 'ើ', 'េឿ': 'ឿ', 'េៀ': 'ៀ' };

export const isConsonant = (ch: string): boolean => ch in CONSONANTS;
export const isIndependentVowel = (ch: string): boolean => ch in INDEPENDENT_VOWELS;
/** U+17B6–U+17C5: the dependent vowel signs. */
export const isDependentVowel = (ch: string): boolean => ch >= '\u17B6' && ch <= '\u17C5';
