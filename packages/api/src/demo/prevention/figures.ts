/**
 * The prevention figures the demo reproduces (../shared/data/tip-figures-cambodia.json, section
 * "prevention", and the trainings and corruption complaints of "prosecution"), and the splits the
 * report does not state but register records need (marked "chosen"). The counting rule of each
 * figure is in counting-rules.ts, with its reference SQL.
 *
 * Years: a figure has records only in the years the report states for it, plus January–March 2018
 * (after the reporting period, so year boundaries are tested): a statistic then never shows a
 * comparison the report does not make. Where the report says a figure was not reported (null), the
 * demo holds no record that would count towards it in that year.
 */
export const PREVENTION_FIGURES = {
  /** prosecution.trainings_law_enforcement: "the NCCT delivered 66 trainings to 1,577 law enforcement officers" */
  trainingsLawEnforcement: { 2017: { trainings: 66, participants: 1577 } },
  /**
   * prosecution.training_participants_other: commune and provincial officials, judicial staff and NGO
   * workers in the NCCT's sessions; 7,689 in 2016, not reported for 2017 (null: the demo has no
   * training of those audiences in 2017, by anyone).
   */
  trainingParticipantsOther: { 2016: 7689, 2017: null },
  /** prevention.education_officials_trained: "trained 894 of its officials and teachers across six provinces" */
  educationOfficialsTrained: { 2017: { participants: 894, provinces: 6 } },
  /** prevention.budget_ncct */
  budgetNcct: {
    2017: { KHR: 4_900_000_000, USD: 1_200_000 },
    2016: { KHR: 4_000_000_000, USD: 975_000 },
  },
  /** prevention.provincial_action_plans: six of nine provincial committees submitted their plans (five in 2016) */
  provincialActionPlans: { 2017: 6, 2016: 5, of: 9 },
  /** prevention.unlicensed_recruiter_arrests: one unlicensed firm (migration to Japan) shut down, three men arrested */
  unlicensedRecruiterArrests: { 2017: { firms_closed: 1, arrests: 3 } },
  /** prevention.border_passes_issued */
  borderPassesIssued: { 2017: 210_000 },
  /** prevention.officials_sent_documentation_campaign: 360 officials to Thailand on a 100-day campaign */
  officialsSentDocumentationCampaign: { 2017: { officials: 360, days: 100 } },
  /** prosecution.corruption_complaints_received: "it did not field any complaints" — the demo loads none. */
  corruptionComplaintsReceived: { 2017: 0 },
} as const;

/**
 * The splits the report does not state (chosen): how the 7,689 participants of 2016 divide among the
 * three audiences, and the stated exchange rates. The rates are those the report's rounded dollar
 * figures imply: amountUsd = round(amountKhr / rate) must give exactly $1,200,000 and $975,000
 * (4,900,000,000 / 4,083.333 = 1,200,000.1; 4,000,000,000 / 4,102.564 = 975,000.1).
 */
export const PREVENTION_CHOSEN = {
  otherParticipants2016: { commune_provincial_officials: 4_612, judicial_staff: 1_153, ngo_workers: 1_924 },
  exchangeRateKhrPerUsd: { 2016: 4_102.564, 2017: 4_083.333 },
} as const;
