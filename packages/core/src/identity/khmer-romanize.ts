import {
  CONSONANTS,
  DEPENDENT_VOWELS,
  INDEPENDENT_VOWELS,
  LEK_TOO,
  NIKAHIT,
  REAHMUK,
  VELARS,
  YUUKALEAPINTU,
  type Series,
} from './khmer-letters.ts';
import { parseClusters, syllabify, type Syllable } from './khmer-syllables.ts';

/**
 * Khmer script to Latin, after the UNGEGN romanisation of Khmer (BGN/PCGN 1972), without its diacritics
 * and leaning towards the spellings Cambodians use for their own names where the two differ (see the
 * tables in khmer-letters.ts). The output is lower-case ASCII; text that is not Khmer passes through.
 *
 * Word boundaries: Khmer does not separate syllables, only (sometimes) words, and names are written with
 * a space between family name and given name (សុខ ដារ៉ា). A run of Khmer letters is one word and becomes
 * one Latin word with its syllables joined: ស្រីពៅ -> "sreipov" (as "Sreypov"), not "srei pov". Spaces
 * and Khmer punctuation (។ ៕ ៖ ...) become spaces. Zero-width characters (U+200B, used by some Khmer
 * keyboards to mark word breaks, U+200C, U+200D, U+2060, U+FEFF, U+00AD) are dropped, so they never split a
 * name: ស្រី\u200Bពៅ reads like ស្រីពៅ. `syllableSeparator` joins syllables with something else, for display.
 */
export interface RomanizeOptions {
  readonly syllableSeparator?: string;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
/** Letters and marks that make up words: U+1780–U+17D3 and the atthacan U+17DD. */
const KHMER_WORD = /[\u1780-\u17D3\u17DD]+/u;
const KHMER_ANY = /[\u1780-\u17FF\u19E0-\u19FF]/u;

export const containsKhmer = (text: string): boolean => KHMER_ANY.test(text);

export function romanizeKhmer(text: string, options: RomanizeOptions = {}): string {
  const separator = options.syllableSeparator ?? '';
  const parts = text.replace(ZERO_WIDTH, '').split(/([\u1780-\u17D3\u17DD]+)/u);
  let out = '';
  let lastWord = '';
  for (const part of parts) {
    if (KHMER_WORD.test(part)) {
      lastWord = romanizeWord(part, separator);
      out += lastWord;
    } else {
      for (const ch of part) {
        out += ch === LEK_TOO ? ` ${lastWord}` : otherChar(ch);
      }
    }
  }
  return out;
}

/** Khmer digits to ASCII; Khmer punctuation, currency and lunar-date symbols to a space; the rest unchanged. */
function otherChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x17e0 && code <= 0x17e9) return String(code - 0x17e0);
  if (code >= 0x17f0 && code <= 0x17f9) return String(code - 0x17f0); // lek attak (divination numerals)
  if ((code >= 0x17d4 && code <= 0x17dc) || (code >= 0x19e0 && code <= 0x19ff)) return ' ';
  if (code >= 0x17de && code <= 0x17ff) return ''; // unassigned
  return ch;
}

function romanizeWord(word: string, separator: string): string {
  return syllabify(parseClusters(word))
    .map(renderSyllable)
    .filter((s) => s !== '')
    .join(separator);
}

function renderSyllable(s: Syllable): string {
  const onset = s.onset.map((l) => CONSONANTS[l]?.initial ?? '').join('');
  let final = s.final === null ? '' : (CONSONANTS[s.final]?.final ?? '');
  let vowel: string;
  if (s.independent !== null) vowel = INDEPENDENT_VOWELS[s.independent] ?? '';
  else if (s.vowel === '') vowel = inherentVowel(s);
  else if (s.vowel === 'ា' && s.bantoc)
    vowel = s.series === 'a' ? 'a' : 'oa'; // ចាន់ chan, ពាន់ poan
  else if (s.vowel === '័' && s.final === 'យ')
    [vowel, final] = [s.series === 'a' ? 'ai' : 'ey', '']; // ជ័យ chey
  else if (s.vowel === 'ែ' && s.final === 'វ')
    [vowel, final] = ['eo', '']; // កែវ keo
  else vowel = vowelSigns(s.vowel, s.series);
  return onset + vowel + final;
}

/**
 * The inherent vowel. UNGEGN writes â / ô; names write "a" in open syllables for both series (Pali and
 * Sanskrit names: រតនា Ratana, not Rôtâna), "a" in closed a-series syllables (ចន្ថា Chantha), and "o" in closed
 * o-series ones (ពល Pol, គន្ធា Kuntha) except "ea" before k (ភក្តី Pheakdey, លក្ខិណា Leakhena) and "a" before
 * the Pali ណ (វណ្ណ Vann).
 */
function inherentVowel(s: Syllable): string {
  if (s.final === null || s.series === 'a') return 'a';
  if (VELARS.has(s.final)) return 'ea';
  if (s.final === 'ណ') return 'a';
  return 'o';
}

/** A vowel from the table, or, for a combination it lacks, its parts one by one. */
function vowelSigns(vowel: string, series: Series): string {
  const whole = DEPENDENT_VOWELS[vowel];
  if (whole) return whole[series === 'a' ? 0 : 1];
  const sign = (v: string): string =>
    v === NIKAHIT
      ? 'm'
      : v === REAHMUK || v === YUUKALEAPINTU
        ? 'h'
        : (DEPENDENT_VOWELS[v]?.[series === 'a' ? 0 : 1] ?? '');
  return [...vowel].map(sign).join('');
}
