import type { NameEntry } from './name-entry.ts';
import type { Rng } from './rng.ts';

/**
 * The long tail of names. Lists of common names alone would make every tenth person a namesake; real
 * populations have thousands of rarer names, many of them built from parts: Khmer given names from a
 * first part and a second (Srey + Pov, Sok + Ly, Chan + Thy), Thai and Lao family names from Pali and
 * Sanskrit morphemes (Sri + suk, Wong + sawat), Chinese given names from one or two syllables.
 */
type Part = readonly [khmer: string, latin: string];

const KHMER_FIRST_PARTS: { readonly female: readonly Part[]; readonly male: readonly Part[] } = {
  female: [
    ['ស្រី', 'Srey'],
    ['សុខ', 'Sok'],
    ['ចាន់', 'Chan'],
    ['គឹម', 'Kim'],
    ['សុ', 'So'],
  ],
  male: [
    ['សុខ', 'Sok'],
    ['ចាន់', 'Chan'],
    ['គឹម', 'Kim'],
    ['វណ្ណ', 'Vann'],
    ['សុ', 'So'],
  ],
};
const KHMER_SECOND_PARTS: readonly Part[] = [
  ['ពៅ', 'pov'],
  ['លី', 'ly'],
  ['ធី', 'thy'],
  ['នី', 'ny'],
  ['រ៉ា', 'ra'],
  ['ស្រ៊ាង', 'sreang'],
  ['ខួច', 'khouch'],
  ['ថា', 'tha'],
  ['ណា', 'na'],
  ['តូច', 'toch'],
  ['ម៉ៅ', 'mao'],
  ['ណារ៉ា', 'nara'],
  ['សាន', 'san'],
  ['មុំ', 'mom'],
  ['និច', 'nich'],
  ['អូន', 'oun'],
  ['ដារ៉ា', 'dara'],
  ['លីន', 'lin'],
  ['ម៉ី', 'mey'],
  ['ភា', 'phea'],
  ['ពិសី', 'pisey'],
  ['វិចិត្រ', 'vichet'],
  ['ថន', 'thon'],
  ['រិទ្ធ', 'rith'],
];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A Khmer compound given name: in script, joined (Sreypov) and, now and then, spaced (Srey Pov). */
export function khmerCompound(rng: Rng, sex: 'female' | 'male'): NameEntry {
  const [k1, l1] = rng.pick(KHMER_FIRST_PARTS[sex]);
  const [k2, l2] = rng.pick(KHMER_SECOND_PARTS);
  return { latin: [l1 + l2, `${l1} ${capital(l2)}`], khmer: k1 + k2 };
}

/** A name of `min`..`max` morphemes, written joined (Srisawat) with a hyphenated spelling as a variant. */
export function morphemeName(rng: Rng, morphemes: readonly string[], min: number, max: number): NameEntry {
  const parts: string[] = [];
  const count = rng.int(min, max);
  for (let k = 0; k < count; k++) parts.push(rng.pick(morphemes));
  const joined = capital(parts.join('').toLowerCase());
  return parts.length > 1 ? { latin: [joined, parts.map(capital).join('-')] } : { latin: [joined] };
}

export const THAI_MORPHEMES = [
  'sri',
  'wong',
  'chai',
  'rattana',
  'boon',
  'kaew',
  'thong',
  'suk',
  'sawat',
  'porn',
  'korn',
  'siri',
  'phrom',
  'intha',
  'chan',
  'sang',
  'jai',
  'dee',
  'mee',
  'kla',
  'wat',
  'sakul',
  'pong',
  'thana',
  'kit',
  'prasert',
  'somboon',
  'charoen',
  'rung',
  'ruang',
  'nopp',
  'adul',
  'wiwat',
  'pan',
  'yod',
  'kham',
  'sombat',
  'sin',
];
export const LAO_MORPHEMES = [
  'phomma',
  'vong',
  'sou',
  'vanna',
  'keo',
  'many',
  'intha',
  'phet',
  'xay',
  'vilay',
  'douang',
  'mala',
  'chantha',
  'seng',
  'dara',
  'sith',
  'bouth',
  'khoun',
  'savanh',
  'thong',
  'phanh',
  'sy',
  'lath',
  'vong',
];
export const CHINESE_SYLLABLES = [
  'wei',
  'fang',
  'na',
  'min',
  'jing',
  'li',
  'qiang',
  'lei',
  'jun',
  'yang',
  'yan',
  'hong',
  'ping',
  'hui',
  'jie',
  'tao',
  'ming',
  'hao',
  'bo',
  'xiu',
  'ying',
  'mei',
  'lan',
  'hua',
  'jian',
  'guo',
  'zhi',
  'chun',
  'yu',
  'xin',
  'dong',
  'feng',
  'qing',
  'rong',
  'shan',
  'wen',
  'xia',
  'yun',
  'zhen',
  'kai',
];
