import { styleFigure, type StyleOptions } from '@ctis/core';
import type { AnnualReport, ReportFigure, ReportFigureValue, ReportSection } from './types.ts';

/**
 * A realistic annual report for the renderers' tests, built from the figures of the 2018 TIP
 * report's Cambodia chapter (../shared/data/tip-figures-cambodia.json: the values are copied here so
 * the tests run from a fresh clone; report.test.ts checks they still match the file). The
 * breakdowns by sex and province and the de-duplication counts are invented but consistent (each
 * breakdown sums to its figure; the overlaps sum to each agency's count).
 */

interface Spec {
  readonly id: string;
  readonly section: ReportSection;
  readonly indicator: [string, number];
  readonly values: Record<string, ReportFigureValue>;
  readonly label: { en: string; km: string };
  readonly style?: StyleOptions;
  readonly byCountry?: Record<string, Record<string, number>>;
  readonly breakdowns?: Record<string, Record<string, number>>;
}

const SPECS: readonly Spec[] = [
  {
    id: 'prosecution.individuals_prosecuted',
    section: 'prosecution',
    indicator: ['individuals_prosecuted', 1],
    values: { 2017: 207, 2016: 53 },
    label: { en: 'Individuals prosecuted', km: 'បុគ្គលដែលត្រូវបានចោទប្រកាន់' },
    breakdowns: {
      sex: { male: 151, female: 56 },
      province: { 'KH-12': 74, 'KH-1': 41, 'KH-2': 29, 'KH-17': 24, 'KH-18': 21, 'KH-3': 18 },
      trafficking_type: { sex: 118, labour: 89 },
    },
  },
  {
    id: 'prosecution.traffickers_convicted',
    section: 'prosecution',
    indicator: ['traffickers_convicted', 1],
    values: { 2017: 129, 2016: 100 },
    label: { en: 'Traffickers convicted', km: 'ជនជួញដូរដែលត្រូវបានផ្ដន្ទាទោស' },
    style: { qualifier: 'at_least' },
  },
  {
    id: 'prosecution.sentencing_data',
    section: 'prosecution',
    indicator: ['sentences_recorded', 1],
    values: { 2017: null },
    label: { en: 'Sentences imposed', km: 'ទោសដែលតុលាការបានប្រកាស' },
  },
  {
    id: 'prosecution.complicit_officials_investigated',
    section: 'prosecution',
    indicator: ['complicit_officials_investigated', 1],
    values: { 2017: 0 },
    label: { en: 'Complicit officials investigated', km: 'មន្ត្រីសមគំនិតដែលត្រូវបានស៊ើបអង្កេត' },
  },
  {
    id: 'prosecution.corruption_complaints_received',
    section: 'prosecution',
    indicator: ['corruption_complaints_received', 1],
    values: { 2017: 0 },
    label: {
      en: 'Corruption complaints against anti-trafficking police',
      km: 'ពាក្យបណ្ដឹងអំពើពុករលួយលើនគរបាលប្រឆាំងការជួញដូរមនុស្ស',
    },
  },
  {
    id: 'prosecution.trainings_law_enforcement',
    section: 'prosecution',
    indicator: ['trainings', 1],
    values: { 2017: { trainings: 66, participants: 1577 } },
    label: { en: 'Trainings for law enforcement officers', km: 'វគ្គបណ្ដុះបណ្ដាលសម្រាប់មន្ត្រីអនុវត្តច្បាប់' },
  },
  {
    id: 'prosecution.training_participants_other',
    section: 'prosecution',
    indicator: ['trainings', 1],
    values: { 2016: 7689, 2017: null },
    label: {
      en: 'Commune, provincial and judicial officials and NGO workers trained',
      km: 'មន្ត្រីឃុំ ខេត្ត តុលាការ និងបុគ្គលិកអង្គការមិនមែនរដ្ឋាភិបាលដែលបានចូលរួមវគ្គបណ្ដុះបណ្ដាល',
    },
  },
  {
    id: 'protection.deportees_screened_poipet',
    section: 'protection',
    indicator: ['screened_at_site', 1],
    values: { 2017: 70500, 2016: 55000 },
    label: {
      en: 'Migrants deported from Thailand screened at Poipet',
      km: 'ជនចំណាកស្រុកដែលត្រូវបាននិរទេសពីប្រទេសថៃ និងត្រូវបានពិនិត្យនៅប៉ោយប៉ែត',
    },
    style: { qualifier: 'approximately' },
  },
  {
    id: 'protection.victims_identified_poipet',
    section: 'protection',
    indicator: ['identified_at_site', 1],
    values: { 2017: 0 },
    label: {
      en: 'Victims identified at the Poipet transit centre',
      km: 'ជនរងគ្រោះដែលត្រូវបានកំណត់អត្តសញ្ញាណនៅមជ្ឈមណ្ឌលប៉ោយប៉ែត',
    },
  },
  {
    id: 'protection.repatriated_by_mfaic',
    section: 'protection',
    indicator: ['repatriations_completed', 1],
    values: { 2017: 986, 2016: 815 },
    label: {
      en: 'Cambodian victims repatriated by MFAIC',
      km: 'ជនរងគ្រោះខ្មែរដែលត្រូវបានធ្វើមាតុភូមិនិវត្តន៍ដោយក្រសួងការបរទេស',
    },
    style: { countries: { 2017: 9, 2016: 11 } },
    byCountry: { 2017: { MYS: 382, THA: 288, VNM: 171, CHN: 53, LAO: 49, IDN: 23, JPN: 12, SGP: 5, MMR: 3 } },
    breakdowns: { sex: { female: 611, male: 375 }, age_group: { adult: 902, child: 84 } },
  },
  {
    id: 'protection.repatriated_with_mosavy',
    section: 'protection',
    indicator: ['repatriations_completed', 1],
    values: { 2017: 243, 2016: 195 },
    label: {
      en: 'Cambodians repatriated with MOSAVY’s assistance',
      km: 'ពលរដ្ឋខ្មែរដែលត្រូវបានធ្វើមាតុភូមិនិវត្តន៍ដោយមានជំនួយពីក្រសួងសង្គមកិច្ច',
    },
    byCountry: { 2017: { MYS: 114, THA: 45, IDN: 21, CHN: 21, SOM: 18, VNM: 16, JPN: 6, SAU: 1, SGP: 1 } },
  },
  {
    id: 'protection.referred_by_police',
    section: 'protection',
    indicator: ['victims_referred_by_type', 1],
    values: { 2017: 179, 2016: 326 },
    label: { en: 'Victims referred by local police', km: 'ជនរងគ្រោះដែលត្រូវបានបញ្ជូនដោយនគរបាលមូលដ្ឋាន' },
    breakdowns: { exploitation_type: { sexual_exploitation: 97, forced_labour: 71, domestic_servitude: 11 } },
  },
  {
    id: 'protection.referred_by_mosavy',
    section: 'protection',
    indicator: ['victims_referred_by_organisation', 1],
    values: { 2017: null, 2016: 62 },
    label: { en: 'Victims referred by MOSAVY', km: 'ជនរងគ្រោះដែលត្រូវបានបញ្ជូនដោយក្រសួងសង្គមកិច្ច' },
  },
  {
    id: 'protection.assisted_by_ngo',
    section: 'protection',
    indicator: ['victims_assisted', 1],
    values: { 2017: 395 },
    label: {
      en: 'Cambodian victims received and assisted by an NGO',
      km: 'ជនរងគ្រោះខ្មែរដែលត្រូវបានទទួល និងជួយដោយអង្គការមិនមែនរដ្ឋាភិបាល',
    },
    style: { countries: { 2017: 9 } },
  },
  {
    id: 'protection.foreign_victims_repatriated',
    section: 'protection',
    indicator: ['repatriations_completed', 1],
    values: { 2017: 3, 2016: 13 },
    label: {
      en: 'Foreign victims repatriated home',
      km: 'ជនរងគ្រោះបរទេសដែលត្រូវបានបញ្ជូនត្រឡប់ទៅប្រទេសកំណើតវិញ',
    },
    byCountry: { 2017: { VNM: 3 } },
  },
  {
    id: 'prevention.budget_ncct',
    section: 'prevention',
    indicator: ['budget', 1],
    values: { 2017: { KHR: 4900000000, USD: 1200000 }, 2016: { KHR: 4000000000, USD: 975000 } },
    label: {
      en: 'Budget of the National Committee for Counter Trafficking',
      km: 'ថវិការបស់គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស',
    },
  },
  {
    id: 'prevention.provincial_action_plans',
    section: 'prevention',
    indicator: ['action_plans_submitted', 1],
    values: { 2017: 6, 2016: 5 },
    label: {
      en: 'Provincial committees that submitted their own action plan',
      km: 'គណៈកម្មាធិការខេត្តដែលបានដាក់ជូនផែនការសកម្មភាពផ្ទាល់ខ្លួន',
    },
    style: { of: 9 },
  },
  {
    id: 'prevention.unlicensed_recruiter_arrests',
    section: 'prevention',
    indicator: ['unlicensed_recruiters_closed', 1],
    values: { 2017: { firms_closed: 1, arrests: 3 } },
    label: {
      en: 'Unlicensed recruitment firms closed and suspects arrested',
      km: 'ក្រុមហ៊ុនជ្រើសរើសពលករគ្មានអាជ្ញាប័ណ្ណដែលត្រូវបានបិទ និងជនសង្ស័យដែលត្រូវបានចាប់ខ្លួន',
    },
  },
  {
    id: 'prevention.education_officials_trained',
    section: 'prevention',
    indicator: ['trainings', 1],
    values: { 2017: { participants: 894, provinces: 6 } },
    label: {
      en: 'Education officials and teachers trained',
      km: 'មន្ត្រីអប់រំ និងគ្រូបង្រៀនដែលបានទទួលការបណ្ដុះបណ្ដាល',
    },
  },
  {
    id: 'prevention.border_passes_issued',
    section: 'prevention',
    indicator: ['border_passes_issued', 1],
    values: { 2017: 210000 },
    label: { en: 'Border passes issued to migrant workers', km: 'ប័ណ្ណឆ្លងដែនដែលបានចេញជូនពលករចំណាកស្រុក' },
  },
  {
    id: 'prevention.officials_sent_documentation_campaign',
    section: 'prevention',
    indicator: ['campaign_officials_deployed', 1],
    values: { 2017: { officials: 360, days: 100 } },
    label: {
      en: 'Officials sent to Thailand to document migrant workers',
      km: 'មន្ត្រីដែលត្រូវបានបញ្ជូនទៅប្រទេសថៃ ដើម្បីរៀបចំឯកសារជូនពលករចំណាកស្រុក',
    },
  },
  {
    id: 'prevention.cst_foreign_suspects_arrested',
    section: 'prevention',
    indicator: ['cst_foreign_suspects_arrested', 1],
    values: { 2017: 5, 2016: 12 },
    label: {
      en: 'Foreign child sex tourism suspects arrested',
      km: 'ជនបរទេសសង្ស័យពាក់ព័ន្ធទេសចរណ៍ផ្លូវភេទលើកុមារដែលត្រូវបានចាប់ខ្លួន',
    },
  },
  {
    id: 'context.provinces',
    section: 'profile',
    indicator: ['configured_provinces', 1],
    values: { count: 25 },
    label: { en: 'Provinces, all sources of trafficking', km: 'ខេត្ត ដែលសុទ្ធតែជាប្រភពនៃការជួញដូរមនុស្ស' },
  },
];

/** The tip-figures-cambodia.json values of each figure (what the report test compares with the file). */
export const FIXTURE_SOURCE_VALUES: Readonly<Record<string, Record<string, ReportFigureValue>>> = Object.fromEntries(
  SPECS.map((s) => [s.id, s.values]),
);

/** Agency counts and overlaps of victims assisted in 2017 (invented, consistent). */
export const FIXTURE_DEDUPLICATION: AnnualReport['deduplication'] = {
  year: 2017,
  agencies: { MFAIC: 986, MOSAVY: 243, NGO: 395 },
  // Persons by the exact set of agencies that recorded them: MFAIC 700+90+150+46 = 986,
  // MOSAVY 60+90+47+46 = 243, NGO 152+150+47+46 = 395; distinct 1,245.
  overlaps: {
    MFAIC: 700,
    MOSAVY: 60,
    NGO: 152,
    'MFAIC+MOSAVY': 90,
    'MFAIC+NGO': 150,
    'MOSAVY+NGO': 47,
    'MFAIC+MOSAVY+NGO': 46,
  },
  nationalDistinct: 1245,
  confirmedLinks: 425,
  proposedLinks: 23,
};

export function fixtureReport(year = 2017): AnnualReport {
  const figures: ReportFigure[] = SPECS.map((s) => ({
    id: s.id,
    section: s.section,
    indicator: { id: s.indicator[0], version: s.indicator[1] },
    values: s.values,
    ...(s.byCountry && { byCountry: s.byCountry }),
    ...(s.breakdowns && { breakdowns: s.breakdowns }),
    label: s.label,
    style: {
      en: styleFigure(s.values, year, year - 1, 'en', s.style),
      km: styleFigure(s.values, year, year - 1, 'km', s.style),
    },
  }));
  return {
    country: 'KHM',
    year,
    previousYear: year - 1,
    asOf: '2018-03-31T16:59:59.000Z',
    checkpoint: { seq: 48213, hash: '3f9a2c1d7e4b5a6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7' },
    figures,
    deduplication: FIXTURE_DEDUPLICATION,
  };
}
