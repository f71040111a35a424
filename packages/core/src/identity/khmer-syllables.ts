import {
  BANTOC,
  CONSONANTS,
  COENG,
  MUUSIKATOAN,
  NASALS,
  NIKAHIT,
  O_SONORANTS,
  REAHMUK,
  SAMYOK_SANNYA,
  SONORANTS,
  TOANDAKHIAT,
  TRIISAP,
  VOWEL_SPELLINGS,
  YUUKALEAPINTU,
  isConsonant,
  isDependentVowel,
  isIndependentVowel,
  type Series,
} from './khmer-letters.ts';

/**
 * Reading a written Khmer word as syllables.
 *
 * Khmer is written as clusters: a base letter, subscript consonants (coeng + consonant), then vowel signs
 * and other marks, typed in any order after the base. A cluster is not a syllable: a bare consonant (no
 * vowel sign) may close the syllable before it (the ន in ចាន់) or open one of its own with the inherent
 * vowel (the ត in រតនា), and in a doubled Pali-style cluster the base closes the previous syllable while
 * the subscript opens the next (ចន្ថា = chan-tha, កញ្ញា = kanh-nha). The rules below are heuristics that
 * read personal names well; they are not a full model of Khmer orthography.
 */

export interface Cluster {
  /** A consonant or an independent vowel; '' when marks came with no base letter. */
  readonly base: string;
  readonly subs: readonly string[];
  /** The vowel signs, in a canonical order: dependent vowel(s), ំ, ះ, ៈ, ័. '' = inherent vowel. */
  readonly vowel: string;
  /** ៉ or ៊ moved the cluster to the other series. */
  readonly shift: Series | null;
  readonly bantoc: boolean;
  /** ៍: the cluster is written but not pronounced. */
  readonly silent: boolean;
}

export interface Syllable {
  readonly onset: readonly string[];
  readonly series: Series;
  readonly vowel: string;
  /** An independent vowel letter standing in for onset + vowel. */
  readonly independent: string | null;
  final: string | null;
  bantoc: boolean;
}

/** Splits one Khmer word (letters and marks only) into clusters. */
export function parseClusters(word: string): Cluster[] {
  const clusters: Cluster[] = [];
  const chars = [...word];
  let i = 0;
  while (i < chars.length) {
    let base = '';
    if (isConsonant(chars[i]!) || isIndependentVowel(chars[i]!)) base = chars[i++]!;
    const subs: string[] = [];
    let vowels = '';
    let nikahit = false;
    let reahmuk = false;
    let yuukaleapintu = false;
    let samyok = false;
    let shift: Series | null = null;
    let bantoc = false;
    let silent = false;
    while (i < chars.length && !isConsonant(chars[i]!) && !isIndependentVowel(chars[i]!)) {
      const ch = chars[i++]!;
      if (ch === COENG) {
        if (i < chars.length && isConsonant(chars[i]!)) subs.push(chars[i++]!);
      } else if (isDependentVowel(ch)) vowels += ch;
      else if (ch === NIKAHIT) nikahit = true;
      else if (ch === REAHMUK) reahmuk = true;
      else if (ch === YUUKALEAPINTU) yuukaleapintu = true;
      else if (ch === SAMYOK_SANNYA) samyok = true;
      else if (ch === MUUSIKATOAN) shift = 'a';
      else if (ch === TRIISAP) shift = 'o';
      else if (ch === BANTOC) bantoc = true;
      else if (ch === TOANDAKHIAT) silent = true;
      // Others (robat, kakabat, ahsda, viriam, bathamasat, atthacan, the invisible U+17B4/17B5) are not read.
    }
    const vowel =
      (VOWEL_SPELLINGS[vowels] ?? vowels) +
      (nikahit ? NIKAHIT : '') +
      (reahmuk ? REAHMUK : '') +
      (yuukaleapintu ? YUUKALEAPINTU : '') +
      (samyok ? SAMYOK_SANNYA : '');
    if (base === '' && subs.length === 0 && vowel === '') continue; // a stray mark
    clusters.push({ base, subs, vowel, shift, bantoc, silent });
  }
  return clusters;
}

/** The series of a cluster: the last non-sonorant subscript decides it (ស្ព is o-series), else the base. */
function clusterSeries(letters: readonly string[]): Series {
  const deciding = [...letters.slice(1)].reverse().find((l) => !SONORANTS.has(l)) ?? letters[0]!;
  return CONSONANTS[deciding]?.series ?? 'a';
}

/**
 * Does a cluster split across two syllables when the syllable before it is open? True for doubled
 * letters (ញ្ញ, ណ្ណ, ល្ល), a nasal base (ន្ថ, ម្ប), or a stop over a stop (ប្ផ, ក្ត); false for initial
 * clusters with a sonorant subscript or an s/h base (ស្រ, ក្រ, ខ្ម, ស្ត), which open the next syllable whole.
 */
function splits(c: Cluster): boolean {
  const sub = c.subs[0];
  if (sub === undefined || !isConsonant(c.base)) return false;
  return sub === c.base || NASALS.has(c.base) || (!SONORANTS.has(sub) && c.base !== 'ស' && c.base !== 'ហ');
}

const closesItself = (vowel: string): boolean => /[\u17C6\u17C7\u17C8]/u.test(vowel);
const isOpen = (s: Syllable): boolean => s.final === null && !closesItself(s.vowel);
const hasOwnVowel = (s: Syllable): boolean => s.vowel !== '' || s.independent !== null;
const isBare = (c: Cluster): boolean => c.vowel === '' && isConsonant(c.base);

/** Reads a word's clusters as syllables. */
export function syllabify(clusters: readonly Cluster[]): Syllable[] {
  const audible = clusters.filter((c) => !c.silent);
  const out: Syllable[] = [];
  const open = (onset: readonly string[], series: Series, c: Cluster): void => {
    out.push({ onset, series, vowel: c.vowel, independent: null, final: null, bantoc: c.bantoc });
  };
  const close = (prev: Syllable, c: Cluster): void => {
    prev.final = c.base;
    prev.bantoc ||= c.bantoc;
  };
  /** The series of a syllable whose onset follows `prev` (for the rules that look back). */
  const seriesAfter = (prev: Syllable | undefined, onset: readonly string[], c: Cluster, split = false): Series => {
    if (c.shift) return c.shift;
    if (prev && onset.length === 1 && O_SONORANTS.has(onset[0]!)) {
      // In a split cluster an o-series sonorant reads in the series of the syllable before it:
      // កញ្ញា kanh-nha (not kanh-nhea), ផល្លា phal-la.
      if (split) return prev.series;
      // s + sonorant across a syllable break reads like the cluster ស្ន: វាសនា veas-na, not veas-nea.
      if (prev.final === 'ស') return 'a';
    }
    return clusterSeries(onset);
  };

  audible.forEach((c, i) => {
    const next = audible[i + 1];
    const prev = out.at(-1);
    const prevOpen = prev !== undefined && isOpen(prev);
    const whole = [c.base, ...c.subs];

    if (!isConsonant(c.base)) {
      // An independent vowel (its subscripts close it: ឱ្យ aoy), or vowel signs with no base letter.
      out.push({
        onset: [],
        series: 'a',
        vowel: c.vowel,
        independent: c.base === '' ? null : c.base,
        final: c.subs[0] ?? null,
        bantoc: c.bantoc,
      });
      return;
    }
    if (c.vowel !== '') {
      if (prevOpen && splits(c)) {
        close(prev, c);
        open(c.subs, seriesAfter(prev, c.subs, c, true), c);
      } else open(whole, seriesAfter(prev, whole, c), c);
      return;
    }
    // A bare cluster: no vowel sign.
    if (!prevOpen) return open(whole, seriesAfter(prev, whole, c), c);
    if (c.subs.length > 0) {
      if (splits(c)) {
        close(prev, c);
        // The subscript opens a syllable only if something follows to close it (សម្បត្តិ); at the end of
        // a word, or before a vowel, it is silent (សុវណ្ណ sovann, ចន្ទតារា chan-ta-ra).
        if (next && (isBare(next) || splits(next))) open(c.subs, seriesAfter(prev, c.subs, c, true), c);
      } else if (!next)
        close(prev, c); // a final cluster: ពេជ្រ, វិចិត្រ; the subscript is silent
      else open(whole, seriesAfter(prev, whole, c), c);
      return;
    }
    if (!next) return close(prev, c); // the last letter closes the syllable: សុខ, ចាន់
    // Before a cluster that splits, open a syllable for its base to close: សុ-គន្ធា, សុ-វណ្ណ.
    if (splits(next)) return open(whole, seriesAfter(prev, whole, c), c);
    if (isBare(next)) {
      // CV C C: the first opens, the second closes it (សុផល so-phal); Ca C C closes (ពល-រដ្ឋ).
      return hasOwnVowel(prev) ? open(whole, seriesAfter(prev, whole, c), c) : close(prev, c);
    }
    // C before a syllable with its own vowel: after a written vowel it closes (សុខ-លី, វាស-នា); after an
    // inherent vowel it opens a syllable of its own (Pali names: រ-ត-នា ra-ta-na).
    return hasOwnVowel(prev) ? close(prev, c) : open(whole, seriesAfter(prev, whole, c), c);
  });
  return out;
}
