/**
 * Names of foreign suspects, as their passports write them (Khmer, Vietnamese and Thai names come from
 * the protection demo's names.ts). Chinese names also in Han characters, as a Chinese passport or a
 * marriage broker's file has them.
 */
type HanName = readonly [latin: string, han: string];

export const CHINESE_NAMES: {
  readonly family: readonly HanName[];
  readonly given: Readonly<Record<'male' | 'female', readonly HanName[]>>;
} = {
  family: [
    ['Wang', '王'],
    ['Li', '李'],
    ['Zhang', '张'],
    ['Liu', '刘'],
    ['Chen', '陈'],
    ['Yang', '杨'],
    ['Huang', '黄'],
    ['Zhao', '赵'],
    ['Wu', '吴'],
    ['Zhou', '周'],
    ['Lin', '林'],
    ['Xu', '徐'],
  ],
  given: {
    male: [
      ['Wei', '伟'],
      ['Jun', '军'],
      ['Lei', '磊'],
      ['Yong', '勇'],
      ['Jie', '杰'],
      ['Qiang', '强'],
      ['Hui', '辉'],
      ['Ming', '明'],
      ['Gang', '刚'],
      ['Tao', '涛'],
    ],
    female: [
      ['Fang', '芳'],
      ['Min', '敏'],
      ['Jing', '静'],
      ['Li', '丽'],
      ['Yan', '艳'],
      ['Hong', '红'],
      ['Xia', '霞'],
    ],
  },
};

/** Given and family names by nationality, for the foreigners suspected of child sex tourism. */
export const FOREIGN_NAMES: Readonly<
  Record<string, { readonly given: readonly string[]; readonly family: readonly string[] }>
> = {
  USA: {
    given: ['Michael', 'David', 'Robert', 'James', 'William', 'Richard', 'Thomas', 'Gary', 'Dennis'],
    family: ['Miller', 'Johnson', 'Anderson', 'Walker', 'Baker', 'Collins', 'Morgan', 'Hughes', 'Porter'],
  },
  GBR: {
    given: ['John', 'Peter', 'Graham', 'Stephen', 'Neil', 'Andrew', 'Colin', 'Keith'],
    family: ['Smith', 'Taylor', 'Wilson', 'Evans', 'Roberts', 'Wright', 'Hall', 'Turner'],
  },
  AUS: {
    given: ['Paul', 'Mark', 'Brett', 'Craig', 'Wayne', 'Glenn', 'Darren', 'Shane'],
    family: ['Brown', 'Campbell', 'Kelly', 'Murphy', 'Ryan', 'Stewart', 'Reid', 'Fraser'],
  },
  CAN: {
    given: ['Kevin', 'Brian', 'Douglas', 'Gordon', 'Ronald'],
    family: ['MacDonald', 'Tremblay', 'Fraser', 'Leblanc', 'Sinclair'],
  },
  FRA: {
    given: ['Philippe', 'Alain', 'Jean-Luc', 'Thierry', 'Patrick', 'Bernard'],
    family: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard'],
  },
  DEU: {
    given: ['Klaus', 'Jürgen', 'Wolfgang', 'Uwe', 'Dieter', 'Rainer'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'],
  },
  NLD: {
    given: ['Jan', 'Pieter', 'Hendrik', 'Willem'],
    family: ['de Vries', 'van Dijk', 'Bakker', 'Visser'],
  },
  RUS: {
    given: ['Sergey', 'Alexander', 'Dmitry', 'Viktor', 'Igor', 'Oleg'],
    family: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Volkov', 'Sokolov'],
  },
};

/** Foreigners suspected of child sex tourism, by nationality (weights). */
export const CST_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['USA', 4],
  ['GBR', 3],
  ['AUS', 3],
  ['FRA', 2],
  ['DEU', 2],
  ['RUS', 2],
  ['CAN', 1],
  ['NLD', 1],
];
