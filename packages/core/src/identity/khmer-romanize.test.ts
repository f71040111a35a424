import { describe, expect, it } from 'vitest';
import { containsKhmer, romanizeKhmer } from './khmer-romanize.ts';
import { nameKey } from './normalise.ts';

/** Real Khmer names and the Latin spelling commonly used for them. Each pair must fold to one key. */
const NAMES: readonly (readonly [khmer: string, latin: string])[] = [
  ['សុខ', 'Sok'],
  ['ដារ៉ា', 'Dara'],
  ['ចាន់', 'Chan'],
  ['ស្រីពៅ', 'Sreypov'],
  ['សុភា', 'Sophea'],
  ['សុភា', 'Sophia'],
  ['វណ្ណៈ', 'Vanna'],
  ['ធីតា', 'Thida'],
  ['ពិសី', 'Pisey'],
  ['ពិសី', 'Pisei'],
  ['សំណាង', 'Samnang'],
  ['គឹមហុង', 'Kimhong'],
  ['ហេង', 'Heng'],
  ['លី', 'Ly'],
  ['ម៉ៅ', 'Mao'],
  ['ចន្ថា', 'Chantha'],
  ['រតនា', 'Rathana'],
  ['រតនា', 'Ratana'],
  ['សុជាតា', 'Socheata'],
  ['បុប្ផា', 'Bopha'],
  ['កញ្ញា', 'Kanha'],
  ['កញ្ញា', 'Kagna'],
  ['សុខា', 'Sokha'],
  ['សុភាព', 'Sopheap'],
  ['វិចិត្រ', 'Vichet'],
  ['សុវណ្ណ', 'Sovann'],
  ['ស្រីមុំ', 'Sreymom'],
  ['ស្រីនិច', 'Sreynich'],
  ['ស្រីល័ក្ខ', 'Sreyleak'],
  ['សុផល', 'Sophal'],
  ['កុសល', 'Kosal'],
  ['ដាវុធ', 'Davuth'],
  ['វាសនា', 'Veasna'],
  ['រស្មី', 'Rasmey'],
  ['ពិសិដ្ឋ', 'Piseth'],
  ['វិបុល', 'Vibol'],
  ['ចិន្តា', 'Chenda'],
  ['ចន្ទា', 'Chanda'],
  ['សុគន្ធា', 'Sokunthea'],
  ['ម៉ានិត', 'Manith'],
  ['ភក្តី', 'Pheakdey'],
  ['ណារី', 'Nary'],
  ['នារី', 'Neary'],
  ['សុខលី', 'Sokly'],
  ['ផល្លា', 'Phalla'],
  ['មុន្នី', 'Muny'],
  ['លក្ខិណា', 'Leakhena'],
  ['ចរិយា', 'Chariya'],
  ['ចំរើន', 'Chamroeun'],
  ['ហួរ', 'Huor'],
  ['ទូច', 'Touch'],
  ['កែវ', 'Keo'],
  ['មាស', 'Meas'],
  ['ជា', 'Chea'],
  ['សៀង', 'Seang'],
  ['ប៊ុន', 'Bun'],
  ['ជ័យ', 'Chey'],
  ['ឈួន', 'Chhuon'],
];

/**
 * Spellings in use that do NOT match, and why. The test below pins them, so that a rule change that fixes
 * one moves it to NAMES above.
 * - សុជាតា "Sochata": ជា is "chea" (as in the surname Chea); "Sochata" drops the e. "Socheata" matches.
 * - វណ្ណៈ "Vannak": ៈ is read as a final h and folded away ("Vanna"); writing the glottal stop as k
 *   would need final k dropped after a vowel, which would merge Sok with So.
 * - រស្មី "Raksmey": the k is not written in Khmer (a Pali/Sanskrit spelling-pronunciation). "Rasmey" matches.
 * - ពេជ្រ "Pich": ពេ is read "pe" by its vowel sign; the name is pronounced with a short i.
 * - ឧត្តម "Oudom": the doubled ត is read as t-t, then the last syllable with the inherent a ("ottam");
 *   the spoken and written forms have drifted apart.
 * - Word boundaries: a Khmer word is one Latin word, so ស្រីពៅ matches "Sreypov" but its nameKey differs
 *   from "Srey Pov" (two tokens), and គឹមហុង from "Kim Hong". nameBlindIndexes({ joinAdjacent: true })
 *   indexes adjacent tokens joined, so such names still share an index value (tested in blind-index.test.ts).
 */
const KNOWN_MISMATCHES: readonly (readonly [khmer: string, latin: string])[] = [
  ['សុជាតា', 'Sochata'],
  ['វណ្ណៈ', 'Vannak'],
  ['រស្មី', 'Raksmey'],
  ['ពេជ្រ', 'Pich'],
  ['ឧត្តម', 'Oudom'],
  ['ស្រីពៅ', 'Srey Pov'],
  ['គឹមហុង', 'Kim Hong'],
];

describe('Khmer names fold to the key of their usual Latin spelling', () => {
  it('has at least 30 distinct Khmer names', () => {
    expect(new Set(NAMES.map(([khmer]) => khmer)).size).toBeGreaterThanOrEqual(30);
  });
  it.each(NAMES)('%s = %s', (khmer, latin) => {
    expect(nameKey(khmer)).toBe(nameKey(latin));
  });
  it.each(KNOWN_MISMATCHES)('known gap: %s != %s', (khmer, latin) => {
    expect(nameKey(khmer)).not.toBe(nameKey(latin));
  });
});

describe('romanizeKhmer', () => {
  it('reads consonant series: the vowel ា is "a" after an a-series consonant, "ea" after an o-series one', () => {
    expect(romanizeKhmer('កា')).toBe('ka');
    expect(romanizeKhmer('គា')).toBe('kea');
  });
  it('lets ៉ and ៊ move a consonant to the other series', () => {
    expect(romanizeKhmer('មៅ')).toBe('mov');
    expect(romanizeKhmer('ម៉ៅ')).toBe('mao');
    expect(romanizeKhmer('ប៊ុន')).toBe('bun');
    expect(romanizeKhmer('បុន')).toBe('bon');
  });
  it('reads subscript consonants as clusters or across syllables', () => {
    expect(romanizeKhmer('ស្រី')).toBe('srei');
    expect(romanizeKhmer('ចន្ថា', { syllableSeparator: '-' })).toBe('chan-tha');
    expect(romanizeKhmer('កម្ពុជា', { syllableSeparator: '-' })).toBe('kam-pu-chea');
  });
  it('reads nikahit, reahmuk, yuukaleapintu and bantoc', () => {
    expect(romanizeKhmer('សំណាង')).toBe('samnang');
    expect(romanizeKhmer('ពះ')).toBe('peah');
    expect(romanizeKhmer('វណ្ណៈ')).toBe('vannah');
    expect(romanizeKhmer('ចាន់')).toBe('chan');
  });
  it('reads independent vowels', () => {
    expect(romanizeKhmer('ឯក')).toBe('aek');
    expect(romanizeKhmer('ឱ')).toBe('ao');
  });
  it('drops a consonant marked silent by toandakhiat', () => {
    expect(romanizeKhmer('លក្ខណ')).toBe('leakkhan');
    expect(romanizeKhmer('ល័ក្ខណ៍')).toBe('leak');
  });
  it('keeps one Khmer word as one Latin word; spaces separate names', () => {
    expect(romanizeKhmer('ស្រីពៅ')).toBe('sreipov');
    expect(romanizeKhmer('ស្រីពៅ', { syllableSeparator: ' ' })).toBe('srei pov');
    expect(romanizeKhmer('សុខ ដារ៉ា')).toBe('sokh dara');
  });
  it('drops zero-width characters instead of splitting on them', () => {
    expect(romanizeKhmer('ស្រី\u200Bពៅ')).toBe('sreipov');
    expect(romanizeKhmer('\uFEFFសុខ\u200C')).toBe('sokh');
  });
  it('turns Khmer digits into ASCII, punctuation into spaces, and repeats a word for ៗ', () => {
    expect(romanizeKhmer('១៩៨៥')).toBe('1985');
    expect(romanizeKhmer('សុខ។')).toBe('sokh ');
    expect(romanizeKhmer('ក្មេងៗ')).toBe('kmeng kmeng');
  });
  it('passes other text through', () => {
    expect(romanizeKhmer('Sok ដារ៉ា-1')).toBe('Sok dara-1');
    expect(containsKhmer('Sok')).toBe(false);
    expect(containsKhmer('Sok ដារ៉ា')).toBe(true);
  });
});
