import { INDICATORS } from './catalogue.ts';
import type {
  ComplaintFacts,
  CriminalCaseFacts,
  FigureValue,
  Indicator,
  IndicatorContext,
  RegisterFacts,
  ScreeningFacts,
  TallyFacts,
  VictimCaseFacts,
} from './types.ts';

/** A published figure as the country configuration declares it: an indicator and its parameters. */
export interface FigureDefinition {
  readonly id: string;
  readonly section: string;
  readonly indicator: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly label: Readonly<Record<string, string>>;
  readonly qualifier?: 'at_least' | 'approximately' | undefined;
}

export interface ComputedFigure {
  readonly id: string;
  readonly section: string;
  readonly indicator: { readonly id: string; readonly version: number; readonly rule: string };
  readonly label: Readonly<Record<string, string>>;
  readonly values: Record<string, FigureValue>;
  readonly byCountry?: Record<string, Record<string, number>>;
  readonly context?: Record<string, Record<string, number>>;
  /** The person records counted, per year (victim figures only; never published). */
  readonly persons?: Record<string, string[]>;
  /** The agency the figure counts for, when configured: de-duplication compares agencies. */
  readonly agency?: string;
  /** Per year, per dimension, per category (province, sex, age_group, nationality, …). */
  readonly breakdowns?: Record<string, Record<string, Record<string, number>>>;
  readonly qualifier?: 'at_least' | 'approximately';
}

export interface FiguresConfig {
  readonly country: string;
  readonly organisations: readonly { readonly id: string; readonly type: string }[];
  readonly provinces: readonly unknown[];
}

/**
 * Runs every figure's indicator over the sources in one pass: feed each record once (in any order
 * within a source), then `finish` with the years to report. Years with nothing counted get the
 * indicator's `absent` value (0 for case counts, null for registers: nothing reported).
 */
export function startFigures(figures: readonly FigureDefinition[], cfg: FiguresConfig) {
  const types = new Map(cfg.organisations.map((o) => [o.id, o.type]));
  const runs = figures.map((f) => {
    const indicator: Indicator<unknown> | undefined = INDICATORS[f.indicator];
    if (!indicator) throw new Error(`figure ${f.id}: unknown indicator "${f.indicator}"`);
    const ctx: IndicatorContext = {
      country: cfg.country,
      organisationType: (id) => types.get(id),
      params: f.params,
      provinces: cfg.provinces.length,
    };
    return { f, indicator, ctx, acc: indicator.init(ctx) };
  });
  const each = <T>(
    pick: (i: Indicator<unknown>) => ((acc: unknown, x: T, ctx: IndicatorContext) => void) | undefined,
  ) => {
    const active = runs.filter((r) => pick(r.indicator));
    return (x: T) => {
      for (const r of active) pick(r.indicator)!.call(r.indicator, r.acc, x, r.ctx);
    };
  };
  return {
    victimCase: each<VictimCaseFacts>((i) => i.victimCase),
    criminalCase: each<CriminalCaseFacts>((i) => i.criminalCase),
    register: each<RegisterFacts>((i) => i.register),
    tally: each<TallyFacts>((i) => i.tally),
    screening: each<ScreeningFacts>((i) => i.screening),
    complaint: each<ComplaintFacts>((i) => i.complaint),
    finish(years: readonly string[]): ComputedFigure[] {
      return runs.map(({ f, indicator, ctx, acc }) => {
        const result = indicator.finish(acc, { ...ctx, years });
        const notPerYear = 'count' in result.values;
        const values = notPerYear
          ? result.values
          : Object.fromEntries(years.map((y) => [y, result.values[y] ?? indicator.absent]));
        const pickYears = <V>(m?: Record<string, V>) =>
          m && Object.fromEntries(Object.entries(m).filter(([y]) => years.includes(y)));
        const byCountry = pickYears(result.byCountry);
        const context = pickYears(result.context);
        const persons = pickYears(result.persons);
        const breakdowns = pickYears(result.breakdowns);
        return {
          id: f.id,
          section: f.section,
          indicator: { id: indicator.id, version: indicator.version, rule: indicator.rule },
          label: f.label,
          values,
          ...(byCountry && { byCountry }),
          ...(context && { context }),
          ...(persons && { persons }),
          ...(breakdowns && { breakdowns }),
          ...(typeof f.params['agency'] === 'string' && { agency: f.params['agency'] }),
          ...(f.qualifier && { qualifier: f.qualifier }),
        };
      });
    },
  };
}

type FigureRun = ReturnType<typeof startFigures>;

/**
 * A province's figures: only the cases, records and complaints of that province, and the tallies and
 * screenings of its organisations, reach the indicators.
 */
export function onlyProvince(
  run: FigureRun,
  province: string,
  organisationProvince: (organisationId: string) => string | null,
): FigureRun {
  return {
    ...run,
    victimCase: (c) => c.province === province && run.victimCase(c),
    criminalCase: (c) => c.province === province && run.criminalCase(c),
    register: (r) => r.province === province && run.register(r),
    complaint: (c) => c.province === province && run.complaint(c),
    tally: (t) => organisationProvince(t.organisationId) === province && run.tally(t),
    screening: (s) => organisationProvince(s.organisationId) === province && run.screening(s),
  };
}
