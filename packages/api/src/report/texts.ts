import type { CountryConfig, LocalizedText } from '@ctis/core';
import type { ReportLang, ReportSection } from './types.ts';

/** What the renderers need from the country configuration: names of places, agencies and codes. */
export type ReportConfig = Pick<
  Readonly<CountryConfig>,
  'country' | 'name' | 'countries' | 'provinces' | 'organisations' | 'codeLists' | 'timezone'
>;

/** The report's own words, in English and Khmer. */
export const TEXTS = {
  en: {
    title: 'Annual report on counter-trafficking',
    country: 'Country',
    reportingYear: 'Reporting year',
    comparedWith: (y: string) => `compared with ${y}`,
    asOf: 'Figures as of',
    checkpoint: 'Audit checkpoint',
    sections: {
      profile: 'Country profile',
      prosecution: 'Prosecution',
      protection: 'Protection',
      prevention: 'Prevention',
    } satisfies Record<ReportSection, string>,
    figure: 'Figure',
    statement: (y: string, py: string) => `${y} (${py} in brackets)`,
    indicator: 'indicator',
    version: 'version',
    byCountry: 'By country',
    by: (dimension: string) => `By ${dimension.toLowerCase()}`,
    total: 'Total',
    none: 'No figures in this section.',
    dedupTitle: (y: string) => `Victims recorded by several agencies, counted once (${y})`,
    agency: 'Agency',
    persons: 'Persons',
    personsRecorded: 'Persons each agency recorded',
    overlaps: 'Recorded by',
    only: (a: string) => `${a} only`,
    and: ' and ',
    nationalDistinct: 'National total, each person counted once',
    confirmedOnly: (links: string) => `with the ${links} confirmed links`,
    range: (lo: string, hi: string, proposed: string) =>
      `between ${lo} and ${hi} if the ${proposed} proposed matches awaiting review are confirmed`,
    noProposed: 'no proposed matches await review',
    sumOfAgencies: 'Sum of the agency counts',
    lowerBound: 'National total if every proposed match awaiting review were confirmed',
    confirmedLinks: 'Confirmed links between records',
    proposedLinks: 'Proposed matches awaiting review',
    reproducible: (seq: string, hash: string, asOf: string) =>
      `Each figure was computed by the indicator and version named under it from the history as of ${asOf}, ` +
      `at audit checkpoint #${seq} (chain head ${hash}). Recomputing at that checkpoint gives the same values.`,
    page: 'Page',
    sheetFigures: 'Figures',
    sheetBreakdowns: 'Breakdowns',
    sheetDeduplication: 'De-duplication',
    sheetAbout: 'About',
    columns: {
      section: 'Section',
      figure: 'Figure id',
      label: 'Figure',
      part: 'Part',
      statement: 'Statement',
      indicator: 'Indicator',
      version: 'Indicator version',
      checkpointSeq: 'Checkpoint seq',
      checkpointHash: 'Checkpoint hash',
      year: 'Year',
      breakdown: 'Breakdown',
      category: 'Category',
      categoryLabel: 'Category name',
      value: 'Value',
      group: 'Group',
      key: 'Key',
      count: 'Count',
      field: 'Field',
    },
  },
  km: {
    title: 'របាយការណ៍ប្រចាំឆ្នាំស្ដីពីការប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស',
    country: 'ប្រទេស',
    reportingYear: 'ឆ្នាំរាយការណ៍',
    comparedWith: (y: string) => `ធៀបនឹងឆ្នាំ ${y}`,
    asOf: 'តួលេខគិតត្រឹម',
    checkpoint: 'ចំណុចត្រួតពិនិត្យសវនកម្ម',
    sections: {
      profile: 'ព័ត៌មានទូទៅ',
      prosecution: 'ការចោទប្រកាន់ និងការផ្ដន្ទាទោស',
      protection: 'ការការពារ',
      prevention: 'ការបង្ការ',
    } satisfies Record<ReportSection, string>,
    figure: 'តួលេខ',
    statement: (y: string, py: string) => `ឆ្នាំ ${y} (ឆ្នាំ ${py} ក្នុងវង់ក្រចក)`,
    indicator: 'សូចនាករ',
    version: 'កំណែ',
    byCountry: 'តាមប្រទេស',
    by: (dimension: string) => `តាម${dimension}`,
    total: 'សរុប',
    none: 'មិនមានតួលេខក្នុងផ្នែកនេះទេ។',
    dedupTitle: (y: string) => `ជនរងគ្រោះដែលស្ថាប័នច្រើនបានកត់ត្រា រាប់តែម្ដង (ឆ្នាំ ${y})`,
    agency: 'ស្ថាប័ន',
    persons: 'ចំនួនមនុស្ស',
    personsRecorded: 'ចំនួនមនុស្សដែលស្ថាប័ននីមួយៗបានកត់ត្រា',
    overlaps: 'កត់ត្រាដោយ',
    only: (a: string) => `តែ ${a} ប៉ុណ្ណោះ`,
    and: ' និង ',
    nationalDistinct: 'ចំនួនសរុបថ្នាក់ជាតិ រាប់មនុស្សម្នាក់តែម្ដង',
    confirmedOnly: (links: string) => `តាមតំណភ្ជាប់ដែលបានបញ្ជាក់ ${links}`,
    range: (lo: string, hi: string, proposed: string) =>
      `ចន្លោះពី ${lo} ដល់ ${hi} ប្រសិនបើការផ្គូផ្គងដែលបានស្នើ ${proposed} ដែលកំពុងរង់ចាំការពិនិត្យ ត្រូវបានបញ្ជាក់`,
    noProposed: 'គ្មានការផ្គូផ្គងដែលបានស្នើកំពុងរង់ចាំការពិនិត្យទេ',
    sumOfAgencies: 'ផលបូកចំនួនរបស់ស្ថាប័ន',
    lowerBound: 'ចំនួនសរុបថ្នាក់ជាតិ ប្រសិនបើការផ្គូផ្គងដែលបានស្នើទាំងអស់ត្រូវបានបញ្ជាក់',
    confirmedLinks: 'តំណភ្ជាប់ដែលបានបញ្ជាក់រវាងកំណត់ត្រា',
    proposedLinks: 'ការផ្គូផ្គងដែលបានស្នើ កំពុងរង់ចាំការពិនិត្យ',
    reproducible: (seq: string, hash: string, asOf: string) =>
      `តួលេខនីមួយៗត្រូវបានគណនាដោយសូចនាករ និងកំណែដែលបានបញ្ជាក់នៅក្រោមវា ពីប្រវត្តិទិន្នន័យគិតត្រឹម ${asOf} ` +
      `នៅចំណុចត្រួតពិនិត្យសវនកម្មលេខ ${seq} (ក្បាលខ្សែសង្វាក់ ${hash})។ ការគណនាឡើងវិញនៅចំណុចនោះ ផ្ដល់តម្លៃដូចគ្នា។`,
    page: 'ទំព័រ',
    sheetFigures: 'តួលេខ',
    sheetBreakdowns: 'ការបែងចែក',
    sheetDeduplication: 'រាប់តែម្ដង',
    sheetAbout: 'អំពីរបាយការណ៍',
    columns: {
      section: 'ផ្នែក',
      figure: 'លេខសម្គាល់តួលេខ',
      label: 'តួលេខ',
      part: 'ផ្នែករង',
      statement: 'សេចក្ដីថ្លែង',
      indicator: 'សូចនាករ',
      version: 'កំណែសូចនាករ',
      checkpointSeq: 'លេខចំណុចត្រួតពិនិត្យ',
      checkpointHash: 'ហាសចំណុចត្រួតពិនិត្យ',
      year: 'ឆ្នាំ',
      breakdown: 'ការបែងចែក',
      category: 'ប្រភេទ',
      categoryLabel: 'ឈ្មោះប្រភេទ',
      value: 'តម្លៃ',
      group: 'ក្រុម',
      key: 'កូដ',
      count: 'ចំនួន',
      field: 'វាល',
    },
  },
} as const;

/** A localized text in the language, else English, else any. */
export function localized(text: LocalizedText | undefined, lang: ReportLang): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? text.en ?? Object.values(text)[0];
}

const DIMENSIONS: Record<string, { en: string; km: string }> = {
  province: { en: 'Province', km: 'ខេត្ត' },
  country: { en: 'Country', km: 'ប្រទេស' },
  nationality: { en: 'Nationality', km: 'សញ្ជាតិ' },
  agency: { en: 'Agency', km: 'ស្ថាប័ន' },
  organisation: { en: 'Organisation', km: 'ស្ថាប័ន' },
  sex: { en: 'Sex', km: 'ភេទ' },
  age_group: { en: 'Child or adult', km: 'កុមារ ឬមនុស្សពេញវ័យ' },
  child_adult: { en: 'Child or adult', km: 'កុមារ ឬមនុស្សពេញវ័យ' },
  exploitation: { en: 'Type of exploitation', km: 'ប្រភេទនៃការកេងប្រវ័ញ្ច' },
  exploitation_type: { en: 'Type of exploitation', km: 'ប្រភេទនៃការកេងប្រវ័ញ្ច' },
  trafficking_type: { en: 'Type of trafficking', km: 'ប្រភេទនៃការជួញដូរ' },
  referred_by: { en: 'Referred by', km: 'បញ្ជូនដោយ' },
};

/** Organisation types (the configuration's `organisations[].type`), for "referred by" and "referred to". */
const ORGANISATION_TYPES: Record<string, { en: string; km: string }> = {
  consular: { en: 'Consular services', km: 'សេវាកុងស៊ុល' },
  court: { en: 'Courts', km: 'តុលាការ' },
  'diplomatic-mission': { en: 'Embassies and consulates abroad', km: 'ស្ថានទូត និងកុងស៊ុលនៅបរទេស' },
  immigration: { en: 'Immigration', km: 'អន្តោប្រវេសន៍' },
  'international-organisation': { en: 'International organisations', km: 'អង្គការអន្តរជាតិ' },
  'labour-inspectorate': { en: 'Labour inspectorate', km: 'អធិការកិច្ចការងារ' },
  ministry: { en: 'Ministries', km: 'ក្រសួង' },
  'national-committee': { en: 'National committee', km: 'គណៈកម្មាធិការជាតិ' },
  ngo: { en: 'NGOs', km: 'អង្គការមិនមែនរដ្ឋាភិបាល' },
  oversight: { en: 'Oversight', km: 'ស្ថាប័នត្រួតពិនិត្យ' },
  police: { en: 'Police', km: 'នគរបាល' },
  prosecutor: { en: 'Prosecutors', km: 'ព្រះរាជអាជ្ញា' },
  'provincial-committee': { en: 'Provincial committees', km: 'គណៈកម្មាធិការខេត្ត' },
  'social-affairs': { en: 'Social affairs', km: 'សង្គមកិច្ច' },
  unknown: { en: 'Unknown', km: 'មិនដឹង' },
};

const CATEGORIES: Record<string, { en: string; km: string }> = {
  male: { en: 'Male', km: 'ប្រុស' },
  female: { en: 'Female', km: 'ស្រី' },
  child: { en: 'Child', km: 'កុមារ' },
  adult: { en: 'Adult', km: 'មនុស្សពេញវ័យ' },
  unknown: { en: 'Unknown', km: 'មិនដឹង' },
  sex: { en: 'Sex trafficking', km: 'ការជួញដូរផ្លូវភេទ' },
  labour: { en: 'Labour trafficking', km: 'ការជួញដូរពលកម្ម' },
  ngo: { en: 'NGO', km: 'អង្គការមិនមែនរដ្ឋាភិបាល' },
  police: { en: 'Police', km: 'នគរបាល' },
};

/** A breakdown dimension's name: "Province" / "ខេត្ត". */
export function dimensionLabel(dimension: string, lang: ReportLang): string {
  return DIMENSIONS[dimension]?.[lang] ?? dimension.replace(/_/g, ' ');
}

/** An agency key (organisation id or short name, or a kind such as "NGO") as the reader knows it. */
export function agencyLabel(key: string, lang: ReportLang, config?: ReportConfig): string {
  const k = key.toLowerCase();
  const org = config?.organisations.find((o) => o.id === k || o.shortName?.toLowerCase() === k);
  if (org) return org.shortName ?? localized(org.name, lang) ?? key;
  return CATEGORIES[k]?.[lang] ?? key;
}

/** A category of a breakdown (province code, country code, code-list code...) in the language. */
export function categoryLabel(dimension: string, code: string, lang: ReportLang, config?: ReportConfig): string {
  if (!config) return dimension === 'agency' ? agencyLabel(code, lang) : (CATEGORIES[code]?.[lang] ?? code);
  if (dimension === 'province') return localized(config.provinces.find((p) => p.code === code)?.name, lang) ?? code;
  if (dimension === 'country' || dimension === 'nationality')
    return localized(config.countries.find((c) => c.code === code)?.name, lang) ?? code;
  if (dimension === 'agency' || dimension === 'organisation') return agencyLabel(code, lang, config);
  if (dimension === 'referred_by') return ORGANISATION_TYPES[code]?.[lang] ?? code;
  if (dimension === 'exploitation' || dimension === 'exploitation_type')
    return localized(config.codeLists.exploitationTypes.find((c) => c.code === code)?.label, lang) ?? code;
  return CATEGORIES[code]?.[lang] ?? code;
}

/** "MFAIC+NGO" → "MFAIC and NGO"; "MFAIC" → "MFAIC only". */
export function overlapLabel(key: string, lang: ReportLang, config?: ReportConfig): string {
  const t = TEXTS[lang];
  const agencies = key.split('+').map((a) => agencyLabel(a.trim(), lang, config));
  return agencies.length === 1 ? t.only(agencies[0]!) : agencies.join(t.and);
}

/** The as-of timestamp in the country's time zone: "31 March 2018, 23:59". */
export function formatAsOf(asOf: string, lang: ReportLang, config: ReportConfig): string {
  const date = new Date(asOf);
  if (Number.isNaN(date.getTime())) return asOf;
  return new Intl.DateTimeFormat(lang === 'km' ? 'km' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: config.timezone,
  }).format(date);
}

/** The first 12 hex digits of the checkpoint hash: enough to compare by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
