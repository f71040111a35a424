/**
 * The protection figures the demo reproduces (../shared/data/tip-figures-cambodia.json, section
 * "protection"), and the splits the report does not state but case-level records need. Where the
 * report gives a split (by_country_2017) it is used as is; where it gives only a total and a number
 * of countries, the split below is the demo's choice (marked "chosen"), summing to the total.
 */
export type CountryCounts = Readonly<Record<string, number>>;

export const PROTECTION_FIGURES = {
  /** protection.repatriated_by_mfaic */
  repatriatedByMfaic: {
    2017: { MYS: 382, THA: 288, VNM: 171, CHN: 53, LAO: 49, IDN: 23, JPN: 12, SGP: 5, MMR: 3 },
    // chosen: 815 from 11 countries
    2016: { THA: 310, MYS: 250, CHN: 90, VNM: 60, IDN: 30, LAO: 25, JPN: 15, SAU: 12, SGP: 10, KOR: 8, MMR: 5 },
  },
  /** protection.repatriated_with_mosavy */
  repatriatedWithMosavy: {
    2017: { MYS: 114, THA: 45, IDN: 21, CHN: 21, SOM: 18, VNM: 16, JPN: 6, SAU: 1, SGP: 1 },
    // chosen: 195
    2016: { THA: 80, MYS: 62, CHN: 22, IDN: 13, VNM: 10, JPN: 5, SAU: 3 },
  },
  /** protection.assisted_by_ngo: 395 Cambodian victims from nine countries (country of exploitation; chosen split) */
  assistedByNgo: {
    2017: { THA: 140, MYS: 110, CHN: 60, IDN: 25, VNM: 20, SOM: 15, JPN: 12, SAU: 8, SGP: 5 },
  },
  /** protection.foreign_victims_repatriated: by MOSAVY, to the victims' countries (2016 split chosen) */
  foreignVictimsRepatriated: {
    2017: { VNM: 3 },
    2016: { VNM: 10, THA: 3 },
  },
  /** protection.referred_by_police */
  referredByPolice: { 2017: 179, 2016: 326 },
  /** protection.referred_by_mosavy: 62 in 2016; 2017 not reported (null), so the demo has none in 2017 */
  referredByMosavy: { 2016: 62, 2017: null },
  /** protection.deportees_screened_poipet (approximately, in the report; exactly, in the demo's tallies) */
  deporteesScreenedPoipet: { 2017: 70_500, 2016: 55_000 },
  /** protection.victims_identified_poipet */
  victimsIdentifiedPoipet: { 2017: 0 },
} as const;

export const DEMO_YEARS = [2016, 2017] as const;
export type DemoYear = (typeof DEMO_YEARS)[number];

export function total(counts: CountryCounts): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}
