import type { CriminalCaseEvent } from '../criminal-case/events.ts';
import { YearBreakdowns, YearDistinct, yearOf } from './counters.ts';
import type { CriminalCaseFacts, FigureValue, Indicator } from './types.ts';

/**
 * The wider figures of DOMAIN.md ("How figures are counted") beyond those the 2018 report states:
 * cases as well as individuals, sentence distributions, complicity at each stage, foreign and
 * national defendants, formal identification, shelter, campaigns and inspections.
 */

type Opened = Extract<CriminalCaseEvent, { type: 'investigation_opened' }>;
const opening = (c: CriminalCaseFacts) => c.events.find((e): e is Opened => e.type === 'investigation_opened');
const trafficking = (c: CriminalCaseFacts) => opening(c)?.traffickingOffence === true;

/** Named counts per year: a map of year -> { key: count }. */
class YearParts {
  readonly n = new Map<string, Record<string, number>>();
  add(year: string, key: string, by = 1): void {
    const y = this.n.get(year) ?? {};
    y[key] = (y[key] ?? 0) + by;
    this.n.set(year, y);
  }
  values(keys: readonly string[]): Record<string, FigureValue> {
    return Object.fromEntries([...this.n].map(([y, v]) => [y, Object.fromEntries(keys.map((k) => [k, v[k] ?? 0]))]));
  }
}

const INVESTIGATION_KEYS = ['cases', 'individuals', 'sex', 'labour', 'both'] as const;
export const investigations: Indicator<YearParts> = {
  id: 'investigations',
  version: 1,
  absent: 0,
  rule: 'Trafficking investigations opened in the year (cases, split sex / labour / both) and the suspects added to them in the year (individuals).',
  init: () => new YearParts(),
  criminalCase(acc, c) {
    const o = opening(c);
    if (!o?.traffickingOffence) return;
    acc.add(yearOf(o.occurredOn), 'cases');
    acc.add(yearOf(o.occurredOn), o.exploitation);
    for (const e of c.events) if (e.type === 'suspect_added') acc.add(yearOf(e.occurredOn), 'individuals');
  },
  finish: (acc) => ({ values: acc.values(INVESTIGATION_KEYS) }),
};

/** Distinct trafficking cases with a charge in the year, and with a conviction in the year. */
export const casesProsecutedConvicted: Indicator<{ charged: YearDistinct; convicted: YearDistinct }> = {
  id: 'cases_prosecuted_convicted',
  version: 1,
  absent: 0,
  rule: 'Distinct trafficking cases with at least one charge in the year (prosecuted) and with at least one conviction, in person or in absentia, in the year (convicted).',
  init: () => ({ charged: new YearDistinct(), convicted: new YearDistinct() }),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    for (const e of c.events) {
      if (e.type === 'charged') acc.charged.add(yearOf(e.occurredOn), c.id);
      if (e.type === 'verdict' && (e.outcome === 'convicted' || e.outcome === 'in_absentia'))
        acc.convicted.add(yearOf(e.occurredOn), c.id);
    }
  },
  finish(acc) {
    const charged = acc.charged.values();
    const convicted = acc.convicted.values();
    const years = new Set([...Object.keys(charged), ...Object.keys(convicted)]);
    return {
      values: Object.fromEntries(
        [...years].map((y) => [y, { prosecuted: charged[y] ?? 0, convicted: convicted[y] ?? 0 }]),
      ),
    };
  },
};

const SENTENCE_KEYS = [
  'sentences',
  'under_1_year',
  'from_1_to_5_years',
  'from_5_to_10_years',
  'over_10_years',
  'with_suspended_part',
  'fine_only',
  'with_restitution',
  'settled_out_of_court',
] as const;
/** Sentences of the year by length of the prison term, suspended parts, fines only, restitution; settlements beside them. */
export const sentenceDistribution: Indicator<YearParts> = {
  id: 'sentence_distribution',
  version: 1,
  absent: 0,
  rule: 'Sentences in trafficking cases in the year by prison term (under 1, 1–5, 5–10, over 10 years), with a suspended part, fine only, with restitution; verdicts settled out of court in the year.',
  init: () => new YearParts(),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    for (const e of c.events) {
      const y = yearOf(e.occurredOn);
      if (e.type === 'verdict' && e.outcome === 'settled_out_of_court') acc.add(y, 'settled_out_of_court');
      if (e.type !== 'sentence') continue;
      acc.add(y, 'sentences');
      const m = e.prisonMonths;
      acc.add(
        y,
        m < 12 ? 'under_1_year' : m < 60 ? 'from_1_to_5_years' : m < 120 ? 'from_5_to_10_years' : 'over_10_years',
      );
      if (e.suspendedMonths > 0) acc.add(y, 'with_suspended_part');
      if (m === 0 && e.fine) acc.add(y, 'fine_only');
      if ((e.restitution ?? []).length > 0) acc.add(y, 'with_restitution');
    }
  },
  finish: (acc) => ({ values: acc.values(SENTENCE_KEYS) }),
};

/** Public officials investigated, prosecuted and convicted in the year (complicity). */
export const complicitOfficials: Indicator<YearParts> = {
  id: 'complicit_officials',
  version: 1,
  absent: 0,
  rule: 'Suspects flagged as public officials in trafficking cases: added (investigated), charged (prosecuted) and convicted, each in the year.',
  init: () => new YearParts(),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    const officials = new Set<string>();
    for (const e of c.events) {
      const y = yearOf(e.occurredOn);
      if (e.type === 'suspect_added' && e.publicOfficial) {
        officials.add(e.suspectId);
        acc.add(y, 'investigated');
      }
      if (e.type === 'charged' && officials.has(e.suspectId)) acc.add(y, 'prosecuted');
      if (
        e.type === 'verdict' &&
        officials.has(e.suspectId) &&
        (e.outcome === 'convicted' || e.outcome === 'in_absentia')
      )
        acc.add(y, 'convicted');
    }
  },
  finish: (acc) => ({ values: acc.values(['investigated', 'prosecuted', 'convicted']) }),
};

/** Defendants charged in the year: nationals and foreigners. */
export const defendantsByNationality: Indicator<YearParts> = {
  id: 'defendants_by_nationality',
  version: 1,
  absent: 0,
  rule: 'Suspects charged in trafficking cases in the year, nationals of the configured country or foreigners.',
  init: () => new YearParts(),
  criminalCase(acc, c, ctx) {
    if (!trafficking(c)) return;
    const nationality = new Map<string, string>();
    for (const e of c.events) {
      if (e.type === 'suspect_added') nationality.set(e.suspectId, e.nationality);
      if (e.type === 'charged')
        acc.add(yearOf(e.occurredOn), nationality.get(e.suspectId) === ctx.country ? 'national' : 'foreign');
    }
  },
  finish: (acc) => ({ values: acc.values(['national', 'foreign']) }),
};

/** Victims identified: cases opened in the year (possible victims) and formal identifications in the year. */
export const victimsIdentified: Indicator<YearParts> = {
  id: 'victims_identified',
  version: 1,
  absent: 0,
  rule: 'Victim cases opened in the year (possible victims), and formal identifications recorded as identified in the year.',
  init: () => new YearParts(),
  victimCase(acc, c) {
    for (const e of c.events) {
      if (e.type === 'case_opened') acc.add(yearOf(e.occurredOn), 'possible');
      if (e.type === 'identification_recorded' && e.status === 'identified')
        acc.add(yearOf(e.occurredOn), 'formally_identified');
    }
  },
  finish: (acc) => ({ values: acc.values(['possible', 'formally_identified']) }),
};

/** Victims sheltered: distinct cases with a shelter service started in the year. */
export const victimsSheltered: Indicator<YearDistinct> = {
  id: 'victims_sheltered',
  version: 1,
  absent: 0,
  rule: 'Distinct victim cases with a shelter service started in the year.',
  init: () => new YearDistinct(),
  victimCase(acc, c) {
    for (const e of c.events)
      if (e.type === 'service_started' && e.serviceType === 'shelter') acc.add(yearOf(e.occurredOn), c.id);
  },
  finish: (acc) => ({ values: acc.values() }),
};

/** Awareness campaigns started in the year and the people they reached. */
export const campaigns: Indicator<YearParts> = {
  id: 'campaigns',
  version: 1,
  absent: null,
  rule: 'Awareness campaigns starting in the year and their reach.',
  init: () => new YearParts(),
  register(acc, r) {
    if (r.register !== 'campaigns') return;
    const y = yearOf(String(r.data['startDate']));
    acc.add(y, 'campaigns');
    acc.add(y, 'reach', Number(r.data['reach'] ?? 0));
  },
  finish: (acc) => ({ values: acc.values(['campaigns', 'reach']) }),
};

/** Labour inspections in the year and those finding debt bondage. */
export const labourInspections: Indicator<YearParts> = {
  id: 'labour_inspections',
  version: 1,
  absent: null,
  rule: 'Labour inspections dated in the year, and those with a debt-bondage indicator found.',
  init: () => new YearParts(),
  register(acc, r) {
    if (r.register !== 'inspections') return;
    const y = yearOf(String(r.data['date']));
    acc.add(y, 'inspections');
    if (r.data['debtBondage'] === true) acc.add(y, 'debt_bondage');
  },
  finish: (acc) => ({ values: acc.values(['inspections', 'debt_bondage']) }),
};

/** The contexts of identification a victim case records (`case_opened.source`), in their order. */
const IDENTIFICATION_CONTEXTS = [
  'screening',
  'referral',
  'police_operation',
  'consular',
  'hotline',
  'shelter_intake',
  'labour_inspection',
  'other',
] as const;

/**
 * Named counts per year whose keys are those seen in any year, in a given order, zeros filled in (for
 * every reported year too, so that both years of the report name the same parts).
 */
function seenParts(
  acc: YearParts,
  order: readonly string[],
  years: readonly string[] = [],
): Record<string, FigureValue> {
  const seen = new Set([...acc.n.values()].flatMap((v) => Object.keys(v)));
  const keys = [...order.filter((k) => seen.has(k)), ...[...seen].filter((k) => !order.includes(k)).sort()];
  if (keys.length > 0) for (const y of years) if (!acc.n.has(y)) acc.n.set(y, {});
  return acc.values(keys);
}

/**
 * Where victims were identified: victim cases opened in the year by the context of identification
 * (screening, referral, police operation, consular services, hotline, shelter intake, labour
 * inspection, other), with the province of identification as a breakdown.
 */
export const victimsIdentifiedWhere: Indicator<{ parts: YearParts; breakdowns: YearBreakdowns }> = {
  id: 'victims_identified_where',
  version: 1,
  absent: 0,
  rule: 'Victim cases opened in the year (possible victims identified), by the context of identification recorded at opening; by the province of identification (the opening’s, else the case’s).',
  init: () => ({ parts: new YearParts(), breakdowns: new YearBreakdowns() }),
  victimCase(acc, c) {
    const o = c.events.find((e) => e.type === 'case_opened');
    if (o?.type !== 'case_opened') return;
    const y = yearOf(o.occurredOn);
    acc.parts.add(y, o.source);
    acc.breakdowns.add(y, { province: o.province ?? c.province });
  },
  finish: (acc, ctx) => ({
    values: seenParts(acc.parts, IDENTIFICATION_CONTEXTS, ctx.years),
    breakdowns: acc.breakdowns.values(),
  }),
};

/**
 * Victims referred, to whom: distinct cases with a referral made in the year, by the type of the
 * receiving organisation (keys `to_ngo`, `to_social_affairs`…; a case referred to two types counts once under each), with the receiving
 * organisation and the referring organisation's type as breakdowns. Params: toTypes? (only these).
 */
export const victimsReferredTo: Indicator<{ parts: YearParts; seen: Set<string>; breakdowns: YearBreakdowns }> = {
  id: 'victims_referred_to',
  version: 1,
  absent: 0,
  rule: 'Distinct victim cases with a referral made in the year, by the type of the receiving organisation (once per case, year and type); by receiving organisation and by the referring organisation’s type.',
  init: () => ({ parts: new YearParts(), seen: new Set(), breakdowns: new YearBreakdowns() }),
  victimCase(acc, c, ctx) {
    const only = ctx.params['toTypes'] as string[] | undefined;
    for (const e of c.events) {
      if (e.type !== 'referral_made') continue;
      const to = ctx.organisationType(e.toOrganisationId) ?? 'unknown';
      if (only && !only.includes(to)) continue;
      const y = yearOf(e.occurredOn);
      const key = `${c.id}|${y}|${to}`;
      if (acc.seen.has(key)) continue;
      acc.seen.add(key);
      acc.parts.add(y, `to_${to.replace(/-/g, '_')}`);
      acc.breakdowns.add(y, {
        organisation: e.toOrganisationId,
        referred_by: ctx.organisationType(e.fromOrganisationId) ?? 'unknown',
      });
    }
  },
  finish: (acc, ctx) => ({
    values: seenParts(
      acc.parts,
      TYPE_ORDER.map((t) => `to_${t.replace(/-/g, '_')}`),
      ctx.years,
    ),
    breakdowns: acc.breakdowns.values(),
  }),
};

/** Receiving organisation types, services first (the order the figure names them). */
const TYPE_ORDER = [
  'social-affairs',
  'ngo',
  'international-organisation',
  'police',
  'consular',
  'diplomatic-mission',
  'labour-inspectorate',
  'immigration',
  'prosecutor',
  'court',
  'ministry',
  'national-committee',
  'provincial-committee',
  'oversight',
];
