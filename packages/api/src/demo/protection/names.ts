import type { Prng } from './prng.ts';

/**
 * Common Khmer names: the Khmer spelling and the Latin spellings met in passports, ministry registers
 * and NGO files (the first is the usual one). Family names come first in Khmer usage ("Sok Dara":
 * family Sok, given Dara). Weights roughly follow how common a family name is.
 */
export interface KhmerName {
  readonly km: string;
  readonly latin: readonly [string, ...string[]];
}

type Weighted = readonly [KhmerName, number];

const n = (km: string, ...latin: [string, ...string[]]): KhmerName => ({ km, latin });

export const FAMILY_NAMES: readonly Weighted[] = [
  [n('សុខ', 'Sok', 'Sokh', 'Sock'), 10],
  [n('ជា', 'Chea', 'Chia'), 7],
  [n('គីម', 'Kim', 'Kym'), 6],
  [n('ហេង', 'Heng'), 5],
  [n('លី', 'Ly', 'Li', 'Lee'), 5],
  [n('លឹម', 'Lim'), 3],
  [n('មាស', 'Meas', 'Mes'), 4],
  [n('កែវ', 'Keo', 'Kaev', 'Keov'), 5],
  [n('ចាន់', 'Chan', 'Chann'), 6],
  [n('សេង', 'Seng'), 4],
  [n('ទូច', 'Touch', 'Toch', 'Tuch'), 3],
  [n('ប្រាក់', 'Prak', 'Brak'), 3],
  [n('ម៉ៅ', 'Mao'), 3],
  [n('យឹម', 'Yim', 'Yem'), 3],
  [n('ហ៊ុន', 'Hun', 'Hoon'), 3],
  [n('ឈុន', 'Chhun', 'Chun'), 2],
  [n('នួន', 'Nuon', 'Noun'), 3],
  [n('ពេជ្រ', 'Pich', 'Pech'), 3],
  [n('ឡុង', 'Long'), 2],
  [n('អ៊ុក', 'Ouk', 'Uk'), 3],
  [n('អ៊ុំ', 'Um', 'Oum'), 2],
  [n('វង្ស', 'Vong', 'Vuong'), 2],
  [n('ទេព', 'Tep'), 2],
  [n('ខៀវ', 'Khieu', 'Kheav', 'Khiev'), 2],
  [n('សាយ', 'Say', 'Sai'), 2],
  [n('ស៊ិន', 'Sin', 'Sinn'), 2],
  [n('ថាច់', 'Thach', 'Thach'), 2],
  [n('រស់', 'Ros', 'Ruos'), 2],
  [n('គង់', 'Kong'), 2],
  [n('ពៅ', 'Pov', 'Pou'), 1],
  [n('នូវ', 'Nov', 'Nou'), 1],
  [n('អៀម', 'Iem', 'Eam'), 1],
  [n('ឈឹម', 'Chhim', 'Chim'), 2],
  [n('ហួរ', 'Huor', 'Hour'), 1],
  [n('ប៊ុន', 'Bun', 'Boun'), 2],
  [n('សៀង', 'Seang', 'Sieng'), 1],
  [n('ជ័យ', 'Chey', 'Chay'), 1],
  [n('ឈួន', 'Chhuon', 'Chhoun'), 1],
  [n('ម៉ម', 'Mom', 'Morm'), 1],
  [n('ផាន់', 'Phan'), 1],
  [n('អ៊ឹម', 'Im', 'Em'), 1],
  [n('សួន', 'Suon', 'Soun'), 2],
];

export const FEMALE_GIVEN_NAMES: readonly Weighted[] = [
  [n('សុភា', 'Sophea', 'Sophia', 'Sopha'), 5],
  [n('ស្រីមុំ', 'Sreymom', 'Srey Mom', 'Sreymum'), 4],
  [n('ស្រីពៅ', 'Sreypov', 'Srey Pov', 'Sreypeou'), 4],
  [n('ស្រីនិច', 'Sreynich', 'Srey Nich'), 3],
  [n('ស្រីល័ក្ខ', 'Sreyleak', 'Srey Leak', 'Sreyliek'), 3],
  [n('ស្រីអូន', 'Sreyoun', 'Srey Oun'), 2],
  [n('ធីតា', 'Thida', 'Tida'), 3],
  [n('ពិសី', 'Pisey', 'Pisei'), 3],
  [n('បុប្ផា', 'Bopha', 'Boppha'), 3],
  [n('កញ្ញា', 'Kanha', 'Kagna', 'Kannha'), 3],
  [n('សុជាតា', 'Socheata', 'Sochata'), 2],
  [n('ចន្ថា', 'Chantha', 'Chanta'), 2],
  [n('ចិន្តា', 'Chenda', 'Chendar'), 2],
  [n('សុគន្ធា', 'Sokunthea', 'Sokonthea'), 2],
  [n('ណារី', 'Nary', 'Narie'), 3],
  [n('នារី', 'Neary', 'Neari'), 2],
  [n('ផល្លា', 'Phalla', 'Phala'), 2],
  [n('លក្ខិណា', 'Leakhena', 'Leakena'), 2],
  [n('ចរិយា', 'Chariya', 'Chareya'), 2],
  [n('រស្មី', 'Rasmey', 'Raksmey', 'Reaksmey'), 2],
  [n('សុខលី', 'Sokly', 'Sok Ly'), 2],
  [n('ចន្ទា', 'Chanda', 'Chandar'), 2],
  [n('សុខា', 'Sokha', 'Sokhar'), 2],
  [n('សុភាព', 'Sopheap', 'Sopheab'), 2],
  [n('ធារី', 'Theary', 'Teary'), 2],
  [n('ម្លិះ', 'Malis', 'Mlis'), 1],
  [n('កុលាប', 'Kolab', 'Kulab'), 1],
  [n('មាលា', 'Mealea', 'Mealear'), 1],
  [n('សុខនី', 'Sokny', 'Sokney'), 1],
  [n('រចនា', 'Rachana', 'Rachna'), 2],
  [n('ចាន់ណា', 'Channa', 'Chana'), 1],
  [n('មុន្នី', 'Muny', 'Mony'), 1],
];

export const MALE_GIVEN_NAMES: readonly Weighted[] = [
  [n('ដារ៉ា', 'Dara', 'Darah', 'Da Ra'), 5],
  [n('សុខា', 'Sokha', 'Sokhar'), 3],
  [n('វិចិត្រ', 'Vichet', 'Vicheth'), 3],
  [n('សុវណ្ណ', 'Sovann', 'Sovan', 'Sowann'), 3],
  [n('កុសល', 'Kosal', 'Kusal'), 2],
  [n('ដាវុធ', 'Davuth', 'Davut'), 2],
  [n('វាសនា', 'Veasna', 'Vesna'), 3],
  [n('ពិសិដ្ឋ', 'Piseth', 'Pisith'), 3],
  [n('វិបុល', 'Vibol', 'Vibul'), 2],
  [n('ម៉ានិត', 'Manith', 'Manit'), 2],
  [n('ភក្តី', 'Pheakdey', 'Pheakdei', 'Pheakdy'), 2],
  [n('ចំរើន', 'Chamroeun', 'Chamreun'), 2],
  [n('សំណាង', 'Samnang', 'Sam Nang'), 3],
  [n('គឹមហុង', 'Kimhong', 'Kim Hong'), 2],
  [n('ឧត្តម', 'Oudom', 'Udom'), 2],
  [n('សុផល', 'Sophal', 'Sophall'), 2],
  [n('វណ្ណៈ', 'Vannak', 'Vanna'), 2],
  [n('មុន្នី', 'Muny', 'Mony'), 1],
  [n('រតនា', 'Rathana', 'Ratana', 'Ratanak'), 2],
  [n('វុទ្ធី', 'Vuthy', 'Vuthi'), 3],
  [n('រិទ្ធី', 'Rithy', 'Rithi'), 3],
  [n('វិសាល', 'Visal', 'Visall'), 2],
  [n('សម្បត្តិ', 'Sambath', 'Sambat'), 2],
  [n('បូរ៉ា', 'Bora', 'Borah'), 2],
  [n('ណារិទ្ធ', 'Narith', 'Nareth'), 2],
  [n('ធារិទ្ធ', 'Thearith', 'Tearith'), 2],
  [n('វីរៈ', 'Vireak', 'Virak'), 2],
  [n('ចាន់ធូ', 'Chanthou', 'Chanthu'), 1],
  [n('សុធា', 'Sothea', 'Sotheah'), 2],
  [n('មករា', 'Makara', 'Makkara'), 2],
  [n('សុភ័ក្ត្រ', 'Sopheak', 'Sopheak'), 2],
  [n('សុខុម', 'Sokhom', 'Sokhorm'), 1],
];

/** Short names people go by (an alias an NGO may note). */
export const NICKNAMES = ['Pov', 'Mom', 'Toch', 'Srey', 'Nich', 'Oun', 'A Pov', 'Bong', 'Thy', 'Lin'] as const;

/** Foreign victims (returned home by MOSAVY): Latin-script names as their own documents write them. */
export const VIETNAMESE_NAMES = {
  family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Huỳnh'],
  middle: { female: ['Thị', 'Ngọc', 'Thu'], male: ['Văn', 'Đức', 'Minh'] },
  given: {
    female: ['Lan', 'Hoa', 'Mai', 'Hương', 'Linh', 'Thảo', 'Nga', 'Trang', 'Hằng'],
    male: ['Hùng', 'Nam', 'Tuấn', 'Dũng', 'Long', 'Quang', 'Phúc'],
  },
} as const;
export const THAI_NAMES = {
  family: ['Srisuk', 'Boonmee', 'Chaiyaporn', 'Saetang', 'Wongsawat', 'Kaewkla'],
  given: { female: ['Ploy', 'Nok', 'Malee', 'Siriporn', 'Kanya'], male: ['Somchai', 'Anan', 'Prasert', 'Chai'] },
} as const;

/** Mobile prefixes in use in Cambodia (operator codes). */
const MOBILE_PREFIXES = [
  '12',
  '11',
  '15',
  '16',
  '17',
  '61',
  '69',
  '70',
  '77',
  '78',
  '85',
  '86',
  '88',
  '89',
  '92',
  '96',
  '97',
];
const SEVEN_DIGIT_PREFIXES = ['88', '96', '97'];

/** A Cambodian mobile number as national digits: "0" + operator + 6 or 7 digits. */
export function mobileNumber(rng: Prng): string {
  const prefix = rng.pick(MOBILE_PREFIXES);
  const rest = SEVEN_DIGIT_PREFIXES.includes(prefix) ? 7 : 6;
  let digits = String(rng.int(1, 9));
  for (let i = 1; i < rest; i++) digits += String(rng.int(0, 9));
  return `0${prefix}${digits}`;
}

/** The same number written the ways agencies write it: "012 345 678", "+855 12 345 678", "012345678". */
export function formatPhone(national: string, style: 'spaced' | 'international' | 'plain' | 'dashed'): string {
  const op = national.slice(1, 3);
  const rest = national.slice(3);
  const grouped = `${rest.slice(0, 3)} ${rest.slice(3)}`;
  switch (style) {
    case 'spaced':
      return `0${op} ${grouped}`;
    case 'international':
      return `+855 ${op} ${grouped}`;
    case 'plain':
      return national;
    case 'dashed':
      return `0${op}-${rest}`;
  }
}

/** A Cambodian national identity card number (9 digits). */
export function nationalIdNumber(rng: Prng): string {
  let s = String(rng.int(0, 2));
  for (let i = 0; i < 8; i++) s += String(rng.int(0, 9));
  return s;
}

/** A Cambodian ordinary passport number ("N" and 7 digits). */
export function passportNumber(rng: Prng): string {
  let s = 'N';
  for (let i = 0; i < 7; i++) s += String(rng.int(0, 9));
  return s;
}

/** Latin spelling of a name as one clerk may type it: usually the common form, sometimes a variant. */
export function spell(rng: Prng, name: KhmerName, variantChance: number): string {
  if (name.latin.length > 1 && rng.chance(variantChance)) return rng.pick(name.latin.slice(1));
  return name.latin[0];
}

/** Villages and communes for address lines (common Khmer place-name elements). */
export const VILLAGES = [
  'Phum Thmei',
  'Phum Kandal',
  'Phum Trapeang Chhuk',
  'Phum Prey Khla',
  'Phum Ta Ong',
  'Phum Svay Chrum',
  'Phum Kouk Trach',
  'Phum Chrouy Ampil',
  'Phum Anlong Veng',
  'Phum Boeng Khyang',
  'Phum Toul Pongro',
  'Phum Roka',
] as const;
export const COMMUNES = [
  'Khum Chheu Teal',
  'Khum Kampong Krasang',
  'Khum Prey Chhor',
  'Khum Phsar Kandal',
  'Khum Svay Teab',
  'Khum Ta Kream',
  'Khum Trapeang Prasat',
  'Khum Samraong',
] as const;
