import { romanizeKhmer } from './khmer-romanize.ts';

/**
 * Names to comparable tokens: the input to name search and de-duplication (blind-index.ts).
 *
 *  1. NFKC, then Khmer script to Latin (khmer-romanize.ts; one Khmer word -> one token).
 *  2. Lower case; diacritics stripped (é -> e, đ -> d); apostrophes dropped; any other punctuation, a
 *     hyphen or white space separates tokens.
 *  3. Each token folded by FOLD_RULES, so the spellings of one Khmer name meet in one form.
 *
 * The folded form is a key, not a spelling to show anyone: "Sophea" folds to "sopa".
 */

interface FoldRule {
  readonly pattern: RegExp;
  readonly replacement: string;
  /** Why, with an example of the spellings it joins. */
  readonly why: string;
}

/**
 * Applied in order, to one lower-case token at a time. Later rules see the output of earlier ones, so the
 * order matters: consonants first (so "kh", "ph" are gone before "h" is looked at), then vowels, then
 * final letters, then doubled letters last (rules above can create them: "boppha" -> "boppa" -> "bopa").
 * Folding loses distinctions on purpose: a blind index is meant to be shared by a few rows, and
 * linkage compares other fields before a person confirms a match.
 */
export const FOLD_RULES: readonly FoldRule[] = [
  // Consonants
  { pattern: /q/g, replacement: 'k', why: 'q for final k: Soq / Sok' },
  { pattern: /ck/g, replacement: 'k', why: 'English ck: Sock / Sok' },
  { pattern: /w/g, replacement: 'v', why: 'v / w: Sowann / Sovann, Pow / Pov' },
  { pattern: /z/g, replacement: 's', why: 'z / s, as some foreign spellings write ស' },
  { pattern: /gn/g, replacement: 'nh', why: 'French gn for ញ: Kagna / Kanha' },
  { pattern: /tch/g, replacement: 'ch', why: 'French tch: Tchea / Chea' },
  { pattern: /j/g, replacement: 'ch', why: 'j / ch for ជ: Jeata / Cheata' },
  { pattern: /c(?!h)/g, replacement: 'ch', why: 'c / ch: Canthy / Chanthy' },
  { pattern: /chh/g, replacement: 'ch', why: 'aspirated ឆ ឈ chh / ch: Chhay / Chay' },
  { pattern: /([ktp])h/g, replacement: '$1', why: 'aspiration kh / k, th / t, ph / p: Sokh / Sok, Thida, Sophea' },
  { pattern: /sh/g, replacement: 's', why: 'sh / s' },
  { pattern: /d/g, replacement: 't', why: 'd / t: ត is often written d (ធីតា Thida), ដ d (Dara)' },
  // Vowels
  { pattern: /oeu|oe|ue/g, replacement: 'eu', why: 'ឿ ើ ឹ: Chamroeun / Chamreun, Stoeng / Stueng' },
  { pattern: /ou|uo/g, replacement: 'o', why: 'ូ ួ: Sou / So, Touch / Toch, Suon / Soun' },
  { pattern: /(?<!e)u/g, replacement: 'o', why: 'ុ is o or u by series: Sokunthea / Sokonthea, Bun / Bon' },
  { pattern: /(?:ea|ia)$/, replacement: 'a', why: 'final ា after o-series: Sophea / Sophia / Sopha, Rathana' },
  { pattern: /ea|ia|ie/g, replacement: 'e', why: 'ៀ and ា inside a word: Leang / Lieng / Leng, Meas / Mes' },
  { pattern: /(?:ey|ay|ai)(?![aeiou])/g, replacement: 'ei', why: 'ី ៃ ័យ: Pisey / Pisei, Chey / Chay, Srey' },
  { pattern: /y(?![aeiou])/g, replacement: 'i', why: 'y as a vowel: Ly / Li, Thy / Thi, Muny / Mony' },
  // Endings
  { pattern: /([aeio])h$/, replacement: '$1', why: 'final h after a vowel (ះ ៈ): Darah / Dara, Vannah / Vanna' },
  // Doubled letters
  { pattern: /(nh|ng)\1/g, replacement: '$1', why: 'doubled ញ្ញ: Kanhnha / Kanha' },
  { pattern: /([a-z])\1+/g, replacement: '$1', why: 'doubled letters: Sokk / Sok, Vanna / Vana, Phalla' },
];

/** Folds one lower-case Latin token. */
export function foldNameToken(token: string): string {
  return FOLD_RULES.reduce((t, rule) => t.replace(rule.pattern, rule.replacement), token);
}

/** Letters that NFD does not take apart. */
const LETTERS: Readonly<Record<string, string>> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Steps 1 and 2: the tokens as spelled, lower case, before folding. */
export function spelledNameTokens(name: string): string[] {
  return romanizeKhmer(name.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đðøłıßæœ]/g, (ch) => LETTERS[ch] ?? ch)
    .replace(/['’‘`ʼ]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/** A name as folded tokens, in the order written: "Sok  Darah" -> ["sok", "tara"]. */
export function normaliseNameTokens(name: string): string[] {
  return spelledNameTokens(name)
    .map(foldNameToken)
    .filter((t) => t !== '');
}

/** The whole name as one comparable key: folded tokens, sorted, so "Sok Dara" and "Dara Sok" meet. */
export function nameKey(name: string): string {
  return normaliseNameTokens(name).sort().join(' ');
}
