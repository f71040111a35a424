import { isChild } from '../victim-case/dates.ts';
import {
  param,
  paramList,
  YearBreakdowns,
  YearCountryCounts,
  YearCounts,
  YearDistinct,
  yearOf,
  YearPersons,
} from './counters.ts';
import type { VictimCaseFacts } from './types.ts';
import type { Indicator } from './types.ts';

/** A victim's breakdown categories on a date: province, sex, child or adult, nationality, exploitation. */
function victimCategories(c: VictimCaseFacts, on: string) {
  const p = c.person;
  let exploitation: string | undefined;
  for (const e of c.events) if (e.type === 'exploitation_recorded') exploitation = e.types[0];
  return {
    province: c.province,
    sex: p?.sex,
    age_group: p?.birthYear ? (isChild(p.birthYear, on) ? 'child' : 'adult') : null,
    nationality: p?.nationality,
    exploitation_type: exploitation,
  };
}

/**
 * Completed repatriations on the cases an organisation owns, by the year and country of completion.
 * Params: organisationId, direction ('home_from_abroad' | 'foreign_returned_home').
 */
export const repatriationsCompleted: Indicator<{
  years: YearCountryCounts;
  persons: YearPersons;
  breakdowns: YearBreakdowns;
}> = {
  id: 'repatriations_completed',
  version: 1,
  absent: 0,
  rule: 'Repatriations in the given direction completed in the year (recorded as completed, or completed later), on cases the organisation owns; by country.',
  init: () => ({ years: new YearCountryCounts(), persons: new YearPersons(), breakdowns: new YearBreakdowns() }),
  victimCase(acc, c, ctx) {
    if (c.organisationId !== param(ctx.params, 'organisationId')) return;
    const direction = param(ctx.params, 'direction');
    const recorded = new Map<string, { country: string; completedOn?: string }>();
    for (const e of c.events) {
      if (e.type === 'repatriation_recorded' && e.direction === direction)
        recorded.set(e.repatriationId, {
          country: e.country,
          ...(e.status === 'completed' && { completedOn: e.occurredOn }),
        });
      if (e.type === 'repatriation_completed') {
        const r = recorded.get(e.repatriationId);
        if (r && !r.completedOn) r.completedOn = e.occurredOn;
      }
    }
    for (const r of recorded.values())
      if (r.completedOn) {
        acc.years.add(yearOf(r.completedOn), r.country);
        acc.persons.add(yearOf(r.completedOn), c.personId);
        acc.breakdowns.add(yearOf(r.completedOn), victimCategories(c, r.completedOn));
      }
  },
  finish: (acc) => ({
    values: acc.years.values(),
    byCountry: acc.years.byCountry(),
    persons: acc.persons.values(),
    breakdowns: acc.breakdowns.values(),
  }),
};

/**
 * Victims referred: distinct cases owned by an organisation of the given types with a referral in the
 * year to an organisation of the receiving types. Params: ownerTypes, toTypes.
 */
export const victimsReferredByType: Indicator<{ cases: YearDistinct; breakdowns: YearBreakdowns }> = {
  id: 'victims_referred_by_type',
  version: 1,
  absent: 0,
  rule: 'Distinct cases owned by the given organisation types with a referral made in the year to the receiving types.',
  init: () => ({ cases: new YearDistinct(), breakdowns: new YearBreakdowns() }),
  victimCase(acc, c, ctx) {
    if (!paramList(ctx.params, 'ownerTypes').includes(ctx.organisationType(c.organisationId) ?? '')) return;
    const to = paramList(ctx.params, 'toTypes');
    const years = new Map<string, string>();
    for (const e of c.events)
      if (e.type === 'referral_made' && to.includes(ctx.organisationType(e.toOrganisationId) ?? ''))
        if (!years.has(yearOf(e.occurredOn))) years.set(yearOf(e.occurredOn), e.occurredOn);
    for (const [y, on] of years) {
      acc.cases.add(y, c.id);
      acc.breakdowns.add(y, { ...victimCategories(c, on), agency: c.organisationId });
    }
  },
  finish: (acc) => ({ values: acc.cases.values(), breakdowns: acc.breakdowns.values() }),
};

/** Victims referred by one organisation: distinct cases it owns with a referral it made in the year. */
export const victimsReferredByOrganisation: Indicator<YearDistinct> = {
  id: 'victims_referred_by_organisation',
  version: 1,
  absent: 0,
  rule: 'Distinct cases the organisation owns with a referral made by it in the year.',
  init: () => new YearDistinct(),
  victimCase(acc, c, ctx) {
    const org = param(ctx.params, 'organisationId');
    if (c.organisationId !== org) return;
    for (const e of c.events)
      if (e.type === 'referral_made' && e.fromOrganisationId === org) acc.add(yearOf(e.occurredOn), c.id);
  },
  finish: (acc) => ({ values: acc.values() }),
};

/**
 * Victims assisted by an organisation: distinct cases it owns where it started a service in the year;
 * by the country of exploitation last recorded on the case.
 */
export const victimsAssisted: Indicator<{
  years: YearCountryCounts;
  persons: YearPersons;
  breakdowns: YearBreakdowns;
}> = {
  id: 'victims_assisted',
  version: 1,
  absent: 0,
  rule: 'Distinct cases the organisation owns with a service it started in the year; by the latest country of exploitation.',
  init: () => ({ years: new YearCountryCounts(), persons: new YearPersons(), breakdowns: new YearBreakdowns() }),
  victimCase(acc, c, ctx) {
    const org = param(ctx.params, 'organisationId');
    if (c.organisationId !== org) return;
    const years = new Set<string>();
    let country = 'unknown';
    for (const e of c.events) {
      if (e.type === 'service_started' && e.providerOrganisationId === org) years.add(yearOf(e.occurredOn));
      if (e.type === 'exploitation_recorded') country = e.exploitationCountry ?? 'unknown';
    }
    for (const y of years) {
      acc.years.add(y, country);
      acc.persons.add(y, c.personId);
      acc.breakdowns.add(y, victimCategories(c, `${y}-12-31`));
    }
  },
  finish: (acc) => ({
    values: acc.years.values(),
    byCountry: acc.years.byCountry(),
    persons: acc.persons.values(),
    breakdowns: acc.breakdowns.values(),
  }),
};

/** People screened at a high-volume site: the sum of its daily tallies. Params: organisationId, site. */
export const screenedAtSite: Indicator<YearCounts> = {
  id: 'screened_at_site',
  version: 1,
  absent: 0,
  rule: 'Sum of the daily tallies of people screened at the site in the year.',
  init: () => new YearCounts(),
  tally(acc, t, ctx) {
    if (t.organisationId === param(ctx.params, 'organisationId') && t.site === param(ctx.params, 'site'))
      acc.add(yearOf(t.day), t.screened);
  },
  finish: (acc) => ({ values: acc.values() }),
};

/** Possible victims identified at a site: tallies' indicated plus positive individual screenings. */
export const identifiedAtSite: Indicator<YearCounts> = {
  id: 'identified_at_site',
  version: 1,
  absent: 0,
  rule: 'Possible victims indicated in the site’s daily tallies plus its individual screenings with a positive result, in the year.',
  init: () => new YearCounts(),
  tally(acc, t, ctx) {
    if (t.organisationId === param(ctx.params, 'organisationId') && t.site === param(ctx.params, 'site'))
      acc.add(yearOf(t.day), t.indicated);
  },
  screening(acc, s, ctx) {
    if (s.organisationId === param(ctx.params, 'organisationId') && s.result === 'possible_victim')
      acc.add(yearOf(s.occurredOn), 1);
  },
  finish: (acc) => ({ values: acc.values() }),
};
