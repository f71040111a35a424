/**
 * The annual report as the API returns it (/tmp/issue6 contract: GET /api/statistics/annual). The
 * renderers take this shape only, so a report computed now or recomputed later at the same
 * checkpoint renders the same. Structural: the report computed in core fits these types.
 */

export type ReportLang = 'en' | 'km';

/** Same shapes as tip-figures-cambodia.json `values`: a count, named counts, or null (not reported). */
export type ReportFigureValue = number | null | { readonly [key: string]: number | null };

export type ReportSection = 'prosecution' | 'protection' | 'prevention' | 'profile';

export interface ReportFigure {
  /** e.g. 'prosecution.individuals_prosecuted' (the ids of tip-figures-cambodia.json). */
  readonly id: string;
  readonly section: ReportSection;
  readonly indicator: { readonly id: string; readonly version: number };
  /** By year: { "2017": 207, "2016": 53 }. */
  readonly values: Readonly<Record<string, ReportFigureValue>>;
  /** By year, then country (ISO alpha-3), where the figure has a country breakdown. */
  readonly byCountry?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** For the report year, by dimension (province, sex, agency...), then category. */
  readonly breakdowns?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly label: { readonly en: string; readonly km: string };
  /** The report's own style: "207 (53 in 2016)" and its Khmer equivalent. */
  readonly style: { readonly en: string; readonly km: string };
}

export interface AnnualReport {
  readonly country: string;
  readonly year: number;
  readonly previousYear: number;
  /** ISO timestamp the history was read up to. */
  readonly asOf: string;
  /** The audit chain head the figures were computed at. */
  readonly checkpoint: { readonly seq: number; readonly hash: string };
  readonly figures: readonly ReportFigure[];
  readonly deduplication: {
    readonly year: number;
    /** Distinct persons each agency recorded. */
    readonly agencies: Readonly<Record<string, number>>;
    /** Persons by the set of agencies that recorded them: "MFAIC+NGO", or one agency alone ("MFAIC" only). */
    readonly overlaps: Readonly<Record<string, number>>;
    /** Clusters over confirmed links among the persons counted. */
    readonly nationalDistinct: number;
    readonly confirmedLinks: number;
    /** Proposed links awaiting review: confirming all of them could lower the national count by at most this. */
    readonly proposedLinks: number;
    /** The national count if every proposed link were confirmed: the lower end of the range. */
    readonly nationalDistinctIfProposed?: number;
  };
}
