import type { CriminalCaseEvent } from '../criminal-case/events.ts';
import type { VictimCaseEvent } from '../victim-case/events.ts';

/**
 * What indicators read: each source's history as of a date, one record at a time (so a national
 * report streams a million cases through every indicator in one pass, with bounded memory).
 * No identity ever reaches an indicator.
 */
export interface VictimCaseFacts {
  readonly id: string;
  readonly organisationId: string;
  readonly province: string | null;
  readonly personId: string;
  /** The person's statistical attributes (never an identity). */
  readonly person?: {
    readonly sex: string | null;
    readonly birthYear: number | null;
    readonly nationality: string | null;
  };
  /** The case's events recorded up to the as-of date, in order. */
  readonly events: readonly VictimCaseEvent[];
}
export interface CriminalCaseFacts {
  readonly id: string;
  readonly organisationId: string;
  readonly province: string | null;
  readonly events: readonly CriminalCaseEvent[];
}
export interface RegisterFacts {
  readonly id: string;
  readonly register: string;
  readonly organisationId: string;
  readonly province: string | null;
  /** The record's version as of the as-of date. */
  readonly data: Readonly<Record<string, unknown>>;
}
export interface TallyFacts {
  readonly organisationId: string;
  readonly site: string;
  readonly day: string;
  readonly screened: number;
  readonly indicated: number;
}
export interface ScreeningFacts {
  readonly organisationId: string;
  readonly occurredOn: string;
  readonly result: string;
}
export interface ComplaintFacts {
  readonly receivedOn: string;
  readonly province: string | null;
}

/** A figure's value in one year: a count, a few named counts, or null (nothing recorded). */
export type FigureValue = number | null | { readonly [key: string]: number | null };

export interface IndicatorResult {
  readonly values: Record<string, FigureValue>;
  readonly byCountry?: Record<string, Record<string, number>>;
  /** Context for the sentence, per year (e.g. `of`: how many plans could have been submitted). */
  readonly context?: Record<string, Record<string, number>>;
  /** The person records counted, per year (victim figures): for de-duplication across agencies. */
  readonly persons?: Record<string, string[]>;
  /** Per year, per dimension (province, sex, age_group, nationality, exploitation_type…), per category. */
  readonly breakdowns?: Record<string, Record<string, Record<string, number>>>;
}

export interface IndicatorContext {
  /** The configured country (ISO alpha-3) and the type of each organisation. */
  readonly country: string;
  readonly organisationType: (id: string) => string | undefined;
  /** The figure's parameters from the country configuration (organisations, sites, audiences…). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly provinces: number;
  /** At `finish` only: the years being reported (for figures that hold at a date, such as year ends). */
  readonly years?: readonly string[];
}

/**
 * One named, versioned counting rule. Bump `version` whenever the rule changes: a report names the
 * version each figure was computed with, so an old report can be recomputed by the old rule.
 */
export interface Indicator<A = unknown> {
  readonly id: string;
  readonly version: number;
  /** The counting rule, in words (shown beside the figure). */
  readonly rule: string;
  /**
   * What a year with nothing counted means: 0 for counts over case histories (nothing happened),
   * null for registers (nothing was reported).
   */
  readonly absent: 0 | null;
  init(ctx: IndicatorContext): A;
  victimCase?(acc: A, c: VictimCaseFacts, ctx: IndicatorContext): void;
  criminalCase?(acc: A, c: CriminalCaseFacts, ctx: IndicatorContext): void;
  register?(acc: A, r: RegisterFacts, ctx: IndicatorContext): void;
  tally?(acc: A, t: TallyFacts, ctx: IndicatorContext): void;
  screening?(acc: A, s: ScreeningFacts, ctx: IndicatorContext): void;
  complaint?(acc: A, c: ComplaintFacts, ctx: IndicatorContext): void;
  finish(acc: A, ctx: IndicatorContext): IndicatorResult;
}
