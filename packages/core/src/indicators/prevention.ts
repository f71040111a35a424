import { daysBetween } from '../victim-case/dates.ts';
import { param, paramList, yearOf } from './counters.ts';
import type { Indicator, RegisterFacts } from './types.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

type TrainingAcc = Map<string, { trainings: number; participants: number; provinces: Set<string> }>;
/**
 * Trainings for the given audiences (and organisers, if given), by year: how many, participants,
 * provinces. Params: audiences, organiserOrganisationIds?, output (the keys to report: trainings, participants,
 * provinces; one key gives a plain number).
 */
export const trainings: Indicator<TrainingAcc> = {
  id: 'trainings',
  version: 1,
  absent: null,
  rule: 'Trainings recorded for the given audiences in the year: their number, participants (women and men) and provinces.',
  init: () => new Map(),
  register(acc, r, ctx) {
    if (r.register !== 'trainings' || !paramList(ctx.params, 'audiences').includes(str(r.data['audience']))) return;
    const organisers = ctx.params['organiserOrganisationIds'] as string[] | undefined;
    if (organisers && !organisers.includes(str(r.data['organiserOrganisationId']))) return;
    const y = yearOf(str(r.data['date']));
    const a = acc.get(y) ?? { trainings: 0, participants: 0, provinces: new Set<string>() };
    a.trainings += 1;
    a.participants += num(r.data['participantsFemale']) + num(r.data['participantsMale']);
    if (r.data['province']) a.provinces.add(str(r.data['province']));
    acc.set(y, a);
  },
  finish(acc, ctx) {
    const keys = paramList(ctx.params, 'output');
    const values = Object.fromEntries(
      [...acc].map(([y, a]) => {
        const all: Record<string, number> = {
          trainings: a.trainings,
          participants: a.participants,
          provinces: a.provinces.size,
        };
        return [y, keys.length === 1 ? all[keys[0]!]! : Object.fromEntries(keys.map((k) => [k, all[k] ?? null]))];
      }),
    );
    return { values };
  },
};

/** A body's budget by fiscal year: riels and dollars at the stated rate. Params: bodyOrganisationId. */
export const budget: Indicator<Map<string, { KHR: number; USD: number }>> = {
  id: 'budget',
  version: 1,
  absent: null,
  rule: 'The budget recorded for the body for the fiscal year, in riels and in dollars at the stated exchange rate.',
  init: () => new Map(),
  register(acc, r, ctx) {
    if (r.register !== 'budgets' || r.data['bodyOrganisationId'] !== param(ctx.params, 'bodyOrganisationId')) return;
    const y = String(r.data['fiscalYear']);
    const a = acc.get(y) ?? { KHR: 0, USD: 0 };
    a.KHR += num(r.data['amountKhr']);
    a.USD += num(r.data['amountUsd']);
    acc.set(y, a);
  },
  finish: (acc) => ({ values: Object.fromEntries(acc) }),
};

interface PlanAcc {
  plans: Map<string, { level: string; body: string; fromYear: number; toYear: number }>;
  submissions: RegisterFacts[];
}
/**
 * Bodies (committees) whose action plan of a level was submitted for the year (a plan submitted twice
 * counts its body once), out of the bodies with a plan of that level in force that year.
 * Params: level ('national' | 'provincial').
 */
export const actionPlansSubmitted: Indicator<PlanAcc> = {
  id: 'action_plans_submitted',
  version: 1,
  absent: null,
  rule: 'Committees with an action plan of the level submitted for the year, out of those with such a plan in force that year.',
  init: () => ({ plans: new Map(), submissions: [] }),
  register(acc, r) {
    if (r.register === 'action_plans')
      acc.plans.set(r.id, {
        level: str(r.data['level']),
        body: str(r.data['bodyOrganisationId']),
        fromYear: num(r.data['fromYear']),
        toYear: num(r.data['toYear']),
      });
    if (r.register === 'action_plan_submissions') acc.submissions.push(r);
  },
  finish(acc, ctx) {
    const level = param(ctx.params, 'level');
    const perYear = new Map<string, Set<string>>();
    for (const s of acc.submissions) {
      const plan = acc.plans.get(str(s.data['planId']));
      if (plan?.level !== level) continue;
      const y = String(s.data['year']);
      perYear.set(y, (perYear.get(y) ?? new Set()).add(plan.body));
    }
    const inForce = (y: number) =>
      new Set(
        [...acc.plans.values()].filter((p) => p.level === level && p.fromYear <= y && y <= p.toYear).map((p) => p.body),
      ).size;
    return {
      values: Object.fromEntries([...perYear].map(([y, s]) => [y, s.size])),
      context: Object.fromEntries([...perYear.keys()].map((y) => [y, { of: inForce(Number(y)) }])),
    };
  },
};

/** Unlicensed recruitment firms closed in the year and the arrests made. */
export const unlicensedRecruitersClosed: Indicator<Map<string, { firms_closed: number; arrests: number }>> = {
  id: 'unlicensed_recruiters_closed',
  version: 1,
  absent: null,
  rule: 'Recruitment agencies without a licence closed in the year, and the people arrested.',
  init: () => new Map(),
  register(acc, r) {
    if (r.register !== 'recruitment_agencies' || r.data['licenceStatus'] !== 'unlicensed' || !r.data['closedOn'])
      return;
    const y = yearOf(str(r.data['closedOn']));
    const a = acc.get(y) ?? { firms_closed: 0, arrests: 0 };
    a.firms_closed += 1;
    a.arrests += num(r.data['arrests']);
    acc.set(y, a);
  },
  finish: (acc) => ({ values: Object.fromEntries(acc) }),
};

/** Border passes issued, by the year their period starts. */
export const borderPassesIssued: Indicator<Map<string, number>> = {
  id: 'border_passes_issued',
  version: 1,
  absent: null,
  rule: 'Border passes issued, summed over the periods starting in the year, all crossings.',
  init: () => new Map(),
  register(acc, r) {
    if (r.register !== 'border_passes') return;
    const y = yearOf(str(r.data['periodStart']));
    acc.set(y, (acc.get(y) ?? 0) + num(r.data['issued']));
  },
  finish: (acc) => ({ values: Object.fromEntries(acc) }),
};

/**
 * Officials deployed by the campaigns of a target (in a country, if given) starting in the year, and
 * the days they spanned: latest end minus earliest start, first and last day included.
 * Params: target, country?.
 */
export const campaignOfficialsDeployed: Indicator<Map<string, { officials: number; from: string; to: string }>> = {
  id: 'campaign_officials_deployed',
  version: 1,
  absent: null,
  rule: 'Officials deployed by the campaigns of the target starting in the year, and the days from the earliest start to the latest end (inclusive).',
  init: () => new Map(),
  register(acc, r, ctx) {
    if (r.register !== 'campaigns' || r.data['target'] !== param(ctx.params, 'target')) return;
    const country = ctx.params['country'];
    if (typeof country === 'string' && r.data['country'] !== country) return;
    const start = str(r.data['startDate']);
    const end = str(r.data['endDate']) || start;
    const y = yearOf(start);
    const a = acc.get(y) ?? { officials: 0, from: start, to: end };
    a.officials += num(r.data['officialsDeployed']);
    if (start < a.from) a.from = start;
    if (end > a.to) a.to = end;
    acc.set(y, a);
  },
  finish: (acc) => ({
    values: Object.fromEntries(
      [...acc].map(([y, a]) => [y, { officials: a.officials, days: daysBetween(a.from, a.to) + 1 }]),
    ),
  }),
};

/** The configured provinces (a profile figure, not per year). */
export const configuredProvinces: Indicator<null> = {
  id: 'configured_provinces',
  version: 1,
  absent: null,
  rule: 'The provinces in the country configuration.',
  init: () => null,
  finish: (_acc, ctx) => ({ values: { count: ctx.provinces } }),
};

interface Licence {
  status: string;
  from: string;
  to: string;
  closedOn: string;
  province: string | null;
}
/**
 * Recruitment agencies with a licence in force on 31 December of the year, from the register as
 * recorded at the as-of date: status licensed (or expired: it was in force until its end date),
 * valid from that day or earlier (or no start stated), valid to that day or later (no end stated only
 * for a licensed agency), and not closed by then. Suspended and revoked licences are not in force
 * (the register keeps the current status, not the day it changed). By province.
 */
export const licencesInForce: Indicator<Licence[]> = {
  id: 'licences_in_force',
  version: 1,
  absent: null,
  rule: 'Recruitment agencies whose licence was in force on 31 December of the year: status licensed or expired, valid from on or before that day (or not stated) and valid to on or after it (not stated: licensed only), not closed by then.',
  init: () => [],
  register(acc, r) {
    if (r.register !== 'recruitment_agencies') return;
    acc.push({
      status: str(r.data['licenceStatus']),
      from: str(r.data['licenceValidFrom']),
      to: str(r.data['licenceValidTo']),
      closedOn: str(r.data['closedOn']),
      province: r.province,
    });
  },
  finish(acc, ctx) {
    // Nothing in the register: nothing reported (null), not zero licences.
    if (acc.length === 0) return { values: {} };
    const values: Record<string, number> = {};
    const breakdowns: Record<string, Record<string, Record<string, number>>> = {};
    for (const y of ctx.years ?? []) {
      const day = `${y}-12-31`;
      const inForce = acc.filter(
        (l) =>
          (l.status === 'licensed' || (l.status === 'expired' && l.to !== '')) &&
          (l.from === '' || l.from <= day) &&
          (l.to === '' || l.to >= day) &&
          (l.closedOn === '' || l.closedOn > day),
      );
      values[y] = inForce.length;
      const byProvince: Record<string, number> = {};
      for (const l of inForce) byProvince[l.province ?? 'unknown'] = (byProvince[l.province ?? 'unknown'] ?? 0) + 1;
      if (inForce.length > 0) breakdowns[y] = { province: byProvince };
    }
    return { values, breakdowns };
  },
};
