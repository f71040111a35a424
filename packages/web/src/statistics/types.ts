/** Shapes of the statistics API (packages/api/src/routes/statistics), as the web app uses them. */
import type { Localised } from '../types';

export type StatsSection = 'prosecution' | 'protection' | 'prevention' | 'profile';

/** A figure's value in one year: a count, named counts ({ trainings, participants }, { KHR, USD }), or null (not reported). */
export type FigureValue = number | null | { readonly [part: string]: number | null };

export interface ReportFigure {
  /** e.g. 'prosecution.individuals_prosecuted'. */
  readonly id: string;
  readonly section: StatsSection;
  readonly indicator: { readonly id: string; readonly version: number };
  /** By year: { "2017": 207, "2016": 53 } (a profile figure: { count: 25 }). */
  readonly values: Readonly<Record<string, FigureValue>>;
  /** By year, then country (ISO alpha-3). */
  readonly byCountry?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly label: { readonly en: string; readonly km: string };
  /** The report's own sentence: "207 (53 in 2016)", and its Khmer. */
  readonly style: { readonly en: string; readonly km: string };
}

export interface Deduplication {
  readonly year: number;
  /** Distinct persons each agency recorded ("MFAIC", "MOSAVY", "NGO"). */
  readonly agencies: Readonly<Record<string, number>>;
  /** Persons by the set of agencies that recorded them: "MFAIC", "MFAIC+NGO"... */
  readonly overlaps: Readonly<Record<string, number>>;
  /** Each person counted once, through confirmed links. */
  readonly nationalDistinct: number;
  /** The count if every proposed link awaiting review were confirmed (older servers: absent). */
  readonly nationalDistinctIfProposed?: number;
  readonly confirmedLinks: number;
  readonly proposedLinks: number;
}

export interface AnnualReport {
  readonly country: string;
  readonly year: number;
  readonly previousYear: number;
  readonly asOf: string;
  readonly checkpoint: { readonly seq: number; readonly hash: string };
  readonly figures: readonly ReportFigure[];
  readonly deduplication: Deduplication;
  /** The province the figures cover; null: national. A provincial reader always gets their own. */
  readonly province: string | null;
}

export type SnapshotStatus = 'approved' | 'accepted';

export interface Snapshot {
  readonly id: string;
  readonly province: string;
  readonly year: number;
  readonly organisationId: string;
  readonly status: SnapshotStatus;
  readonly asOf: string;
  readonly checkpoint: { readonly seq: number; readonly hash: string };
  /** Frozen: { figureId: { "2017": value, "2016": value } }. */
  readonly figures: Readonly<Record<string, Readonly<Record<string, FigureValue>>>>;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly acceptedBy: string | null;
  readonly acceptedAt: string | null;
}

/** A figure whose value changed since the snapshot was approved. */
export interface SnapshotDifference {
  readonly figureId: string;
  readonly year: string;
  readonly snapshot: FigureValue;
  readonly now: FigureValue;
}

export interface SnapshotDetail {
  readonly snapshot: Snapshot;
  readonly differences: readonly SnapshotDifference[];
}

/** A published count, or only the fact that it is hidden (small-cell suppression). */
export type PublishedCell = { readonly value: number } | { readonly suppressed: true };

export interface PublicFigure {
  readonly id: string;
  readonly section: StatsSection;
  readonly label: Localised;
  readonly indicator: { readonly id: string; readonly version: number };
  /** "2017" or "2017.trainings" (a named part); a year not reported is absent. */
  readonly values: Readonly<Record<string, PublishedCell>>;
}

export interface PublicTable {
  /** Country codes (by country), or agency row ids (by agency). */
  readonly rows: readonly string[];
  /** Agency row ids (by country), or years (by agency). */
  readonly columns: readonly string[];
  readonly cells: readonly (readonly PublishedCell[])[];
  readonly rowTotals: readonly PublishedCell[];
  readonly columnTotals: readonly PublishedCell[];
  readonly grandTotal: PublishedCell;
  readonly threshold: number;
  readonly zerosSuppressed: boolean;
}

/** One row of the published per-agency table: a government body by name; NGOs as "NGOs" unless the country publishes their names. */
export interface PublicAgencyRow {
  readonly id: string;
  readonly agency: string;
  readonly name: Localised;
  readonly figure: Localised;
  readonly ngo: boolean;
}

export interface PublicStatistics {
  readonly country: string;
  readonly year: number;
  readonly previousYear: number;
  readonly asOf: string;
  readonly checkpoint: { readonly seq: number; readonly hash: string };
  readonly suppressionThreshold: number;
  readonly figures: readonly PublicFigure[];
  /** Agency figures by year (columns: the year, the previous year), with totals. */
  readonly agencies: { readonly rows: readonly PublicAgencyRow[]; readonly table: PublicTable } | null;
  /** Columns: the agency rows' ids. */
  readonly byCountry: PublicTable | null;
}
