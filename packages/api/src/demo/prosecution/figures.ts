/**
 * The prosecution figures the demo reproduces (../shared/data/tip-figures-cambodia.json, sections
 * "prosecution" and, for child sex tourism, "prevention"), each with the counting rule that yields it
 * from the case-level records (reference SQL: counting-rules.ts). "Year Y" is the calendar year of the
 * event's occurredOn (the date of the fact, not of data entry). A trafficking case is a criminal case
 * whose investigation_opened has traffickingOffence = true (criminal_cases.trafficking_offence).
 *
 *  prosecution.individuals_prosecuted (Y)
 *      = distinct suspects with a `charged` event in Y, in trafficking cases.
 *  prosecution.traffickers_convicted (Y)
 *      = suspects with a `verdict` event in Y whose outcome is `convicted` or `in_absentia`, in
 *        trafficking cases (the report says "at least"; the demo has exactly that many). Convictions in
 *        2016 include defendants charged in 2015.
 *  prosecution.complicit_officials_investigated (Y)
 *      = suspects added (suspect_added) in Y with a `publicOfficial`, in trafficking cases.
 *  prevention.cst_foreign_suspects_arrested (Y)
 *      = suspects added in Y with `arrested` true and a nationality other than the configured country's,
 *        in cases with childSexTourism = true.
 *
 * Not loaded here: prosecution.corruption_complaints_received (0 — complaints are another register),
 * prosecution.sentencing_data (null: "the government did not provide data on sentencing"; the demo's
 * cases do carry sentences, as a working system would), the trainings figures (a register of their own).
 */
export const PROSECUTION_FIGURES = {
  /** prosecution.individuals_prosecuted */
  individualsProsecuted: { 2017: 207, 2016: 53 },
  /** prosecution.traffickers_convicted (at least) */
  traffickersConvicted: { 2017: 129, 2016: 100 },
  /** prosecution.complicit_officials_investigated: none in 2017 (nor in 2016); the demo's come in 2018 */
  complicitOfficialsInvestigated: { 2017: 0, 2016: 0 },
  /** prevention.cst_foreign_suspects_arrested */
  cstForeignSuspectsArrested: { 2017: 5, 2016: 12 },
} as const;

export const PROSECUTION_YEARS = [2016, 2017] as const;
export type ProsecutionYear = (typeof PROSECUTION_YEARS)[number];
