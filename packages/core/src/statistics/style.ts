/**
 * A figure in the annual report's own style, with the previous year beside it:
 * "207 (53 in 2016)", "4.9 billion riels ($1.2 million) (4 billion riels ($975,000) in 2016)",
 * "6 of 9 (5 in 2016)", "not reported (7,689 in 2016)"; and the same in Khmer. Pure: the API adds
 * the sentence to each figure and the web page, the PDF, the spreadsheets all show this text.
 *
 * Khmer uses Western digits by default (as Cambodian statistical tables often do); `numerals: 'khmr'`
 * writes Khmer digits (០-៩) with the Khmer grouping (1.577 → ១.៥៧៧) that CLDR defines.
 */

export type StyleLang = 'en' | 'km';

/** A figure's value in one year (the shapes of tip-figures-cambodia.json): a count, named counts, or null. */
export type StyleValue = number | null | { readonly [key: string]: number | null };

/** How a named count reads: English singular/plural, Khmer with `{n}` where the number goes. */
export interface StyleUnit {
  readonly en: readonly [one: string, other: string];
  readonly km: string;
  /** The Khmer noun alone, for "<noun> not reported". */
  readonly kmNoun: string;
}

export interface StyleOptions {
  /** The whole the value is a part of: "6 of 9" (on the report year only, as the report writes it). */
  readonly of?: number;
  /** The report's hedge on the report year's value: "at least 129", "approximately 70,500". */
  readonly qualifier?: 'at_least' | 'approximately';
  /** How many countries the figure spans, by year: "986 from 9 countries (815 from 11 countries in 2016)". */
  readonly countries?: Readonly<Record<string, number>>;
  /**
   * An indicator's context by year, as core/indicators computes it: `{ "2017": { of: 9, countries: 9 } }`;
   * read like the `of` and `countries` options (an option given explicitly wins).
   */
  readonly context?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Khmer numerals: Western digits (default) or Khmer digits. Ignored in English. */
  readonly numerals?: 'latn' | 'khmr';
  /** Named counts beyond the built-in ones (trainings, participants, arrests...). */
  readonly units?: Readonly<Record<string, StyleUnit>>;
}

/** The named counts the report uses; any other key reads "<n> <key with spaces>". */
export const STYLE_UNITS: Readonly<Record<string, StyleUnit>> = {
  trainings: { en: ['training', 'trainings'], km: 'វគ្គបណ្ដុះបណ្ដាល {n} វគ្គ', kmNoun: 'វគ្គបណ្ដុះបណ្ដាល' },
  participants: { en: ['participant', 'participants'], km: 'អ្នកចូលរួម {n} នាក់', kmNoun: 'អ្នកចូលរួម' },
  firms_closed: { en: ['firm closed', 'firms closed'], km: 'បិទក្រុមហ៊ុន {n}', kmNoun: 'ក្រុមហ៊ុនដែលត្រូវបិទ' },
  arrests: { en: ['arrest', 'arrests'], km: 'ចាប់ខ្លួន {n} នាក់', kmNoun: 'ការចាប់ខ្លួន' },
  provinces: { en: ['province', 'provinces'], km: '{n} ខេត្ត', kmNoun: 'ខេត្ត' },
  officials: { en: ['official', 'officials'], km: 'មន្ត្រី {n} នាក់', kmNoun: 'មន្ត្រី' },
  days: { en: ['day', 'days'], km: '{n} ថ្ងៃ', kmNoun: 'ថ្ងៃ' },
  cases: { en: ['case', 'cases'], km: '{n} ករណី', kmNoun: 'ករណី' },
  persons: { en: ['person', 'persons'], km: '{n} នាក់', kmNoun: 'មនុស្ស' },
  count: { en: ['', ''], km: '{n}', kmNoun: 'ចំនួន' },
  // Where victims were identified (the context recorded when a case is opened).
  screening: { en: ['through screening', 'through screening'], km: '{n} តាមការពិនិត្យ', kmNoun: 'ការពិនិត្យ' },
  referral: { en: ['on referral', 'on referral'], km: '{n} តាមការបញ្ជូន', kmNoun: 'ការបញ្ជូន' },
  police_operation: {
    en: ['in police operations', 'in police operations'],
    km: '{n} ក្នុងប្រតិបត្តិការនគរបាល',
    kmNoun: 'ប្រតិបត្តិការនគរបាល',
  },
  consular: { en: ['by consular services', 'by consular services'], km: '{n} ដោយសេវាកុងស៊ុល', kmNoun: 'សេវាកុងស៊ុល' },
  hotline: { en: ['through hotlines', 'through hotlines'], km: '{n} តាមខ្សែទូរស័ព្ទជំនួយ', kmNoun: 'ខ្សែទូរស័ព្ទជំនួយ' },
  shelter_intake: {
    en: ['at shelter intake', 'at shelter intake'],
    km: '{n} ពេលទទួលចូលទីជម្រក',
    kmNoun: 'ការទទួលចូលទីជម្រក',
  },
  labour_inspection: {
    en: ['in labour inspections', 'in labour inspections'],
    km: '{n} ក្នុងអធិការកិច្ចការងារ',
    kmNoun: 'អធិការកិច្ចការងារ',
  },
  other: { en: ['other', 'other'], km: '{n} ផ្សេងៗ', kmNoun: 'ផ្សេងៗ' },
  // Referred to whom (the receiving organisation's type).
  to_social_affairs: { en: ['to social affairs', 'to social affairs'], km: '{n} ទៅសង្គមកិច្ច', kmNoun: 'សង្គមកិច្ច' },
  to_ngo: { en: ['to NGOs', 'to NGOs'], km: '{n} ទៅអង្គការមិនមែនរដ្ឋាភិបាល', kmNoun: 'អង្គការមិនមែនរដ្ឋាភិបាល' },
  to_international_organisation: {
    en: ['to international organisations', 'to international organisations'],
    km: '{n} ទៅអង្គការអន្តរជាតិ',
    kmNoun: 'អង្គការអន្តរជាតិ',
  },
  to_consular: { en: ['to consular services', 'to consular services'], km: '{n} ទៅសេវាកុងស៊ុល', kmNoun: 'សេវាកុងស៊ុល' },
  to_police: { en: ['to the police', 'to the police'], km: '{n} ទៅនគរបាល', kmNoun: 'នគរបាល' },
  to_diplomatic_mission: {
    en: ['to diplomatic missions', 'to diplomatic missions'],
    km: '{n} ទៅបេសកកម្មការទូត',
    kmNoun: 'បេសកកម្មការទូត',
  },
  to_labour_inspectorate: {
    en: ['to labour inspectors', 'to labour inspectors'],
    km: '{n} ទៅអធិការការងារ',
    kmNoun: 'អធិការការងារ',
  },
  to_immigration: { en: ['to immigration', 'to immigration'], km: '{n} ទៅអន្តោប្រវេសន៍', kmNoun: 'អន្តោប្រវេសន៍' },
  to_prosecutor: { en: ['to prosecutors', 'to prosecutors'], km: '{n} ទៅព្រះរាជអាជ្ញា', kmNoun: 'ព្រះរាជអាជ្ញា' },
  to_court: { en: ['to courts', 'to courts'], km: '{n} ទៅតុលាការ', kmNoun: 'តុលាការ' },
  to_ministry: { en: ['to ministries', 'to ministries'], km: '{n} ទៅក្រសួង', kmNoun: 'ក្រសួង' },
  to_national_committee: {
    en: ['to the national committee', 'to the national committee'],
    km: '{n} ទៅគណៈកម្មាធិការជាតិ',
    kmNoun: 'គណៈកម្មាធិការជាតិ',
  },
  to_provincial_committee: {
    en: ['to provincial committees', 'to provincial committees'],
    km: '{n} ទៅគណៈកម្មាធិការខេត្ត',
    kmNoun: 'គណៈកម្មាធិការខេត្ត',
  },
  to_oversight: {
    en: ['to oversight bodies', 'to oversight bodies'],
    km: '{n} ទៅស្ថាប័នត្រួតពិនិត្យ',
    kmNoun: 'ស្ថាប័នត្រួតពិនិត្យ',
  },
};

const WORDS = {
  en: {
    notReported: 'not reported',
    in: (year: string) => `in ${year}`,
    of: (part: string, whole: string) => `${part} of ${whole}`,
    atLeast: (n: string) => `at least ${n}`,
    approximately: (n: string) => `approximately ${n}`,
    fromCountries: (n: string, count: number) => `from ${n} ${count === 1 ? 'country' : 'countries'}`,
    billion: 'billion',
    million: 'million',
  },
  km: {
    notReported: 'មិនបានរាយការណ៍',
    in: (year: string) => `ក្នុងឆ្នាំ ${year}`,
    of: (part: string, whole: string) => `${part} ក្នុងចំណោម ${whole}`,
    atLeast: (n: string) => `យ៉ាងហោចណាស់ ${n}`,
    approximately: (n: string) => `ប្រមាណ ${n}`,
    fromCountries: (n: string) => `មកពី ${n} ប្រទេស`,
    billion: 'ពាន់លាន',
    million: 'លាន',
  },
} as const;

/** "not reported" in the language: the text for a null figure. */
export function notReported(lang: StyleLang): string {
  return WORDS[lang].notReported;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: StyleLang, numerals: 'latn' | 'khmr', maxFraction: number): Intl.NumberFormat {
  const locale = lang === 'km' ? `km-u-nu-${numerals}` : 'en-US';
  const key = `${locale}/${maxFraction}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFraction });
    formats.set(key, f);
  }
  return f;
}

/** A count with the language's grouping: 70,500 (Khmer digits: ៧០.៥០០). */
export function formatCount(n: number, lang: StyleLang, numerals: 'latn' | 'khmr' = 'latn'): string {
  return numberFormat(lang, numerals, 2).format(n);
}

/** A year, never grouped: 2016 (Khmer digits: ២០១៦). */
export function formatYear(year: number | string, lang: StyleLang, numerals: 'latn' | 'khmr' = 'latn'): string {
  const s = String(year);
  return lang === 'km' && numerals === 'khmr' ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d))) : s;
}

/** An amount in words at a million and above, as the report writes money: "4.9 billion", "975,000". */
function scaledAmount(n: number, lang: StyleLang, numerals: 'latn' | 'khmr'): { number: string; scale: string } {
  const f = numberFormat(lang, numerals, 2);
  const abs = Math.abs(n);
  if (abs >= 1e9) return { number: f.format(n / 1e9), scale: WORDS[lang].billion };
  if (abs >= 1e6) return { number: f.format(n / 1e6), scale: WORDS[lang].million };
  return { number: f.format(n), scale: '' };
}

const CURRENCY = /^[A-Z]{3}$/;

/** "4.9 billion riels", "$1.2 million", "975,000 ដុល្លារ", "1.2 million XTS". */
export function formatMoney(amount: number, currency: string, lang: StyleLang, numerals: 'latn' | 'khmr' = 'latn') {
  const { number, scale } = scaledAmount(amount, lang, numerals);
  if (lang === 'en') {
    const words = scale ? `${number} ${scale}` : number;
    if (currency === 'USD') return `$${words}`;
    if (currency === 'KHR') return `${words} riels`;
    return `${words} ${currency}`;
  }
  const name = currency === 'KHR' ? 'រៀល' : currency === 'USD' ? 'ដុល្លារ' : ` ${currency}`;
  return scale ? `${number} ${scale}${name}` : `${number} ${name.trimStart()}`;
}

function isMoney(value: { readonly [key: string]: number | null }): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => CURRENCY.test(k));
}

function unitFor(key: string, opts: StyleValueOptions): StyleUnit {
  const known = opts.units?.[key] ?? STYLE_UNITS[key];
  if (known) return known;
  const words = key.replace(/_/g, ' ');
  return { en: [words, words], km: `{n} ${words}`, kmNoun: words };
}

function namedCount(key: string, n: number | null, lang: StyleLang, opts: StyleValueOptions): string {
  const unit = unitFor(key, opts);
  const numerals = opts.numerals ?? 'latn';
  if (n === null)
    return lang === 'en' ? `${unit.en[1] || key} ${WORDS.en.notReported}` : `${unit.kmNoun} ${WORDS.km.notReported}`;
  const num = formatCount(n, lang, numerals);
  if (lang === 'km') return unit.km.replace('{n}', num);
  const word = n === 1 ? unit.en[0] : unit.en[1];
  return word ? `${num} ${word}` : num;
}

/** Options for one year's value: `countries` is that year's count of countries. */
export interface StyleValueOptions extends Omit<StyleOptions, 'countries' | 'context'> {
  readonly countries?: number;
}

/** One year's value in the report's style, without the comparison. */
export function styleValue(value: StyleValue | undefined, lang: StyleLang, opts: StyleValueOptions = {}): string {
  const w = WORDS[lang];
  const numerals = opts.numerals ?? 'latn';
  if (value === null || value === undefined) return w.notReported;
  let text: string;
  if (typeof value === 'number') {
    text = formatCount(value, lang, numerals);
    if (opts.of !== undefined) text = w.of(text, formatCount(opts.of, lang, numerals));
  } else if (isMoney(value)) {
    const amounts = Object.entries(value).filter((e): e is [string, number] => e[1] !== null);
    if (amounts.length === 0) return w.notReported;
    const [first, ...rest] = amounts.map(([cur, n]) => formatMoney(n, cur, lang, numerals));
    text = rest.length ? `${first} (${rest.join(', ')})` : first!;
  } else {
    const parts = Object.entries(value);
    if (parts.length === 0 || parts.every(([, n]) => n === null)) return w.notReported;
    text = parts.map(([k, n]) => namedCount(k, n, lang, opts)).join(', ');
  }
  if (opts.qualifier === 'at_least') text = w.atLeast(text);
  if (opts.qualifier === 'approximately') text = w.approximately(text);
  if (opts.countries !== undefined)
    text = `${text} ${w.fromCountries(formatCount(opts.countries, lang, numerals), opts.countries)}`;
  return text;
}

/**
 * The figure for `year` with `previousYear` beside it in brackets, as the report writes it. A year
 * missing from `values` is not compared; a year present with null reads "not reported".
 * Values not keyed by year (a profile figure such as `{ count: 25 }`) read as named counts.
 */
export function styleFigure(
  values: Readonly<Record<string, StyleValue>>,
  year: number,
  previousYear: number,
  lang: StyleLang,
  opts: StyleOptions = {},
): string {
  const y = String(year);
  const py = String(previousYear);
  const keyedByYear = Object.keys(values).some((k) => /^\d{4}$/.test(k));
  const { countries, context, ...rest } = opts;
  if (!keyedByYear && Object.keys(values).length > 0) return styleValue(values as StyleValue, lang, rest);
  const current = styleValue(values[y], lang, {
    ...rest,
    of: opts.of ?? context?.[y]?.of,
    countries: countries?.[y] ?? context?.[y]?.countries,
  });
  if (!Object.prototype.hasOwnProperty.call(values, py)) return current;
  const previous = styleValue(values[py], lang, {
    numerals: opts.numerals,
    units: opts.units,
    countries: countries?.[py] ?? context?.[py]?.countries,
  });
  return `${current} (${previous} ${WORDS[lang].in(formatYear(previousYear, lang, opts.numerals))})`;
}
