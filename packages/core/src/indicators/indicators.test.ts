import { describe, expect, it } from 'vitest';
import { onlyProvince, startFigures, type FigureDefinition } from './compute.ts';
import type { CriminalCaseFacts, RegisterFacts, VictimCaseFacts } from './types.ts';

const cfg = {
  country: 'KHM',
  organisations: [
    { id: 'mfaic', type: 'consular' },
    { id: 'police-pp', type: 'police' },
    { id: 'ngo', type: 'ngo' },
    { id: 'ncct', type: 'national-committee' },
  ],
  provinces: [1, 2, 3],
};
const fig = (id: string, indicator: string, params: Record<string, unknown> = {}): FigureDefinition => ({
  id,
  section: 'x',
  indicator,
  params,
  label: { en: id },
});
const run = (figures: FigureDefinition[]) => startFigures(figures, cfg);

const victim = (events: unknown[], extra: Partial<VictimCaseFacts> = {}): VictimCaseFacts => ({
  id: `v${Math.random()}`,
  organisationId: 'mfaic',
  province: 'KH-12',
  personId: `p${Math.random()}`,
  person: { sex: 'female', birthYear: 2001, nationality: 'KHM' },
  events: events as VictimCaseFacts['events'],
  ...extra,
});
const repatriation = (on: string, status: 'completed' | 'awaiting', id = 'r1') => ({
  type: 'repatriation_recorded',
  occurredOn: on,
  repatriationId: id,
  direction: 'home_from_abroad',
  country: 'THA',
  assistingOrganisationIds: [],
  status,
});

describe('protection indicators', () => {
  it('repatriations count when completed, in the year of completion, with breakdowns', () => {
    const r = run([fig('f', 'repatriations_completed', { organisationId: 'mfaic', direction: 'home_from_abroad' })]);
    r.victimCase(
      victim([
        repatriation('2016-12-20', 'awaiting'),
        { type: 'repatriation_completed', occurredOn: '2017-01-05', repatriationId: 'r1' },
      ]),
    );
    r.victimCase(victim([repatriation('2017-03-01', 'awaiting', 'r2')])); // never completed
    r.victimCase(victim([repatriation('2017-04-01', 'completed', 'r3')], { organisationId: 'ngo' })); // another agency
    const [f] = r.finish(['2017', '2016']);
    expect(f!.values).toEqual({ 2017: 1, 2016: 0 });
    expect(f!.byCountry).toEqual({ 2017: { THA: 1 } });
    expect(f!.breakdowns?.['2017']).toMatchObject({
      sex: { female: 1 },
      age_group: { child: 1 },
      province: { 'KH-12': 1 },
    });
  });

  it('referrals by organisation type count a case once a year', () => {
    const r = run([fig('f', 'victims_referred_by_type', { ownerTypes: ['police'], toTypes: ['ngo'] })]);
    const referral = (on: string, to: string) => ({
      type: 'referral_made',
      occurredOn: on,
      referralId: on,
      fromOrganisationId: 'police-pp',
      toOrganisationId: to,
      reason: 'x',
    });
    r.victimCase(
      victim([referral('2017-01-01', 'ngo'), referral('2017-02-01', 'ngo')], { organisationId: 'police-pp' }),
    );
    r.victimCase(victim([referral('2017-01-01', 'mfaic')], { organisationId: 'police-pp' })); // not a receiving type
    expect(r.finish(['2017'])[0]!.values).toEqual({ 2017: 1 });
  });
});

const criminal = (events: unknown[], extra: Partial<CriminalCaseFacts> = {}): CriminalCaseFacts => ({
  id: `c${Math.random()}`,
  organisationId: 'police-pp',
  province: 'KH-12',
  events: events as CriminalCaseFacts['events'],
  ...extra,
});
const opened = (trafficking: boolean, cst = false) => ({
  type: 'investigation_opened',
  occurredOn: '2017-01-01',
  leadUnitOrganisationId: 'police-pp',
  legalBasis: { lawId: 'l', article: '1' },
  exploitation: 'sex',
  traffickingOffence: trafficking,
  childSexTourism: cst,
});
const suspect = (id: string, nationality = 'KHM', arrested = true) => ({
  type: 'suspect_added',
  occurredOn: '2017-01-02',
  suspectId: id,
  personId: id,
  nationality,
  arrested,
});
const charged = (id: string, on = '2017-02-01') => ({
  type: 'charged',
  occurredOn: on,
  suspectId: id,
  prosecutorOrganisationId: 'p',
  courtOrganisationId: 'c',
  articles: ['l:1'],
});

describe('prosecution indicators', () => {
  it('individuals prosecuted: distinct charged suspects of trafficking cases only', () => {
    const r = run([
      fig('p', 'individuals_prosecuted'),
      fig('c', 'traffickers_convicted'),
      fig('t', 'cst_foreign_suspects_arrested'),
    ]);
    r.criminalCase(criminal([opened(true), suspect('a'), suspect('b', 'USA'), charged('a'), charged('b')]));
    r.criminalCase(
      criminal([
        opened(false),
        suspect('x'),
        charged('x'),
        { type: 'verdict', occurredOn: '2017-05-01', suspectId: 'x', outcome: 'convicted' },
      ]),
    ); // rape: not trafficking
    r.criminalCase(
      criminal([opened(true, true), suspect('u', 'USA'), suspect('k', 'KHM'), suspect('f', 'FRA', false)]),
    );
    const [p, c, t] = r.finish(['2017', '2016']);
    expect(p!.values).toEqual({ 2017: 2, 2016: 0 });
    expect(p!.breakdowns?.['2017']?.['nationality']).toEqual({ KHM: 1, USA: 1 });
    expect(c!.values).toEqual({ 2017: 0, 2016: 0 });
    expect(t!.values).toEqual({ 2017: 1, 2016: 0 });
  });
});

const reg = (register: string, data: Record<string, unknown>, extra: Partial<RegisterFacts> = {}): RegisterFacts => ({
  id: `r${Math.random()}`,
  register,
  organisationId: 'ncct',
  province: null,
  data,
  ...extra,
});

describe('prevention indicators', () => {
  it('trainings: named counts or a plain number, null for a year with nothing reported', () => {
    const r = run([
      fig('both', 'trainings', {
        audiences: ['law_enforcement'],
        organiserOrganisationIds: ['ncct'],
        output: ['trainings', 'participants'],
      }),
      fig('one', 'trainings', { audiences: ['law_enforcement'], output: ['participants'] }),
    ]);
    const t = (org: string) =>
      reg('trainings', {
        organiserOrganisationId: org,
        date: '2017-03-01',
        audience: 'law_enforcement',
        participantsFemale: 5,
        participantsMale: 10,
      });
    r.register(t('ncct'));
    r.register(t('iom'));
    const [both, one] = r.finish(['2017', '2016']);
    expect(both!.values).toEqual({ 2017: { trainings: 1, participants: 15 }, 2016: null });
    expect(one!.values).toEqual({ 2017: 30, 2016: null });
  });

  it('budgets in riels and dollars; plans submitted out of plans in force; campaign days inclusive', () => {
    const r = run([
      fig('b', 'budget', { bodyOrganisationId: 'ncct' }),
      fig('a', 'action_plans_submitted', { level: 'provincial' }),
      fig('c', 'campaign_officials_deployed', { target: 'migrant_documentation', country: 'THA' }),
    ]);
    r.register(
      reg('budgets', { bodyOrganisationId: 'ncct', fiscalYear: 2017, amountKhr: 4_900_000_000, amountUsd: 1_200_000 }),
    );
    const plan = reg('action_plans', { level: 'provincial', bodyOrganisationId: 'p1', fromYear: 2016, toYear: 2018 });
    const other = reg('action_plans', { level: 'provincial', bodyOrganisationId: 'p2', fromYear: 2017, toYear: 2018 });
    r.register(plan);
    r.register(other);
    r.register(reg('action_plan_submissions', { planId: plan.id, year: 2017 }));
    r.register(reg('action_plan_submissions', { planId: plan.id, year: 2017 })); // resubmitted: counts once
    r.register(
      reg('campaigns', {
        target: 'migrant_documentation',
        country: 'THA',
        startDate: '2017-08-01',
        endDate: '2017-11-08',
        officialsDeployed: 360,
      }),
    );
    const [b, a, c] = r.finish(['2017', '2016']);
    expect(b!.values['2017']).toEqual({ KHR: 4_900_000_000, USD: 1_200_000 });
    expect(a!.values).toEqual({ 2017: 1, 2016: null });
    expect(a!.context).toEqual({ 2017: { of: 2 } });
    expect(c!.values['2017']).toEqual({ officials: 360, days: 100 });
  });
});

describe('the wider DOMAIN.md figures', () => {
  it('cases and individuals, sentence bands, complicity at each stage, nationals and foreigners', () => {
    const r = run([
      fig('i', 'investigations'),
      fig('c', 'cases_prosecuted_convicted'),
      fig('s', 'sentence_distribution'),
      fig('o', 'complicit_officials'),
      fig('n', 'defendants_by_nationality'),
    ]);
    const official = { ...suspect('o'), publicOfficial: { position: 'Officer', agency: 'Police' } };
    const verdict = (id: string) => ({
      type: 'verdict',
      occurredOn: '2017-06-01',
      suspectId: id,
      outcome: 'convicted',
    });
    const sentence = (id: string, prisonMonths: number, suspendedMonths = 0) => ({
      type: 'sentence',
      occurredOn: '2017-06-01',
      suspectId: id,
      prisonMonths,
      suspendedMonths,
    });
    r.criminalCase(
      criminal([
        opened(true),
        suspect('a'),
        official,
        suspect('f', 'CHN'),
        charged('a'),
        charged('o'),
        charged('f'),
        verdict('a'),
        verdict('o'),
        sentence('a', 84, 12),
        sentence('o', 6),
      ]),
    );
    const [i, c, s, o, n] = r.finish(['2017']);
    expect(i!.values['2017']).toEqual({ cases: 1, individuals: 3, sex: 1, labour: 0, both: 0 });
    expect(c!.values['2017']).toEqual({ prosecuted: 1, convicted: 1 });
    expect(s!.values['2017']).toMatchObject({
      sentences: 2,
      under_1_year: 1,
      from_5_to_10_years: 1,
      with_suspended_part: 1,
    });
    expect(o!.values['2017']).toEqual({ investigated: 1, prosecuted: 1, convicted: 1 });
    expect(n!.values['2017']).toEqual({ national: 2, foreign: 1 });
  });
});

describe('onlyProvince', () => {
  it('lets only the province’s cases, records and organisations through', () => {
    const r = run([fig('p', 'individuals_prosecuted')]);
    const p = onlyProvince(r, 'KH-1', () => null);
    p.criminalCase(criminal([opened(true), suspect('a'), charged('a')], { province: 'KH-12' }));
    p.criminalCase(criminal([opened(true), suspect('b'), charged('b')], { province: 'KH-1' }));
    expect(r.finish(['2017'])[0]!.values).toEqual({ 2017: 1 });
  });

  it('an unknown indicator is refused at once', () => {
    expect(() => run([fig('x', 'no_such_indicator')])).toThrow(/unknown indicator/);
  });
});

describe('where identified, referred to whom, licences in force', () => {
  const opening = (on: string, source: string, province?: string) => ({
    type: 'case_opened',
    occurredOn: on,
    source,
    organisationId: 'mfaic',
    personId: 'p',
    ...(province && { province }),
  });

  it('victims identified by context of identification and by province of identification', () => {
    const r = run([fig('w', 'victims_identified_where')]);
    r.victimCase(victim([opening('2017-02-01', 'police_operation', 'KH-1')]));
    r.victimCase(victim([opening('2017-03-01', 'police_operation')])); // the case's province
    r.victimCase(victim([opening('2017-04-01', 'consular')], { province: null }));
    r.victimCase(victim([opening('2016-04-01', 'screening', 'KH-2')]));
    r.victimCase(victim([{ type: 'follow_up_recorded', occurredOn: '2017-05-01', outcome: 'other' }])); // no opening seen
    const [w] = r.finish(['2017', '2016']);
    expect(w!.values).toEqual({
      2017: { screening: 0, police_operation: 2, consular: 1 },
      2016: { screening: 1, police_operation: 0, consular: 0 },
    });
    expect(w!.breakdowns?.['2017']?.['province']).toEqual({ 'KH-1': 1, 'KH-12': 1, unknown: 1 });
    expect(w!.indicator).toMatchObject({ id: 'victims_identified_where', version: 1 });
  });

  it('victims referred by the receiving organisation’s type, a case once per year and type', () => {
    const r = run([fig('t', 'victims_referred_to')]);
    const referral = (on: string, from: string, to: string) => ({
      type: 'referral_made',
      occurredOn: on,
      referralId: `${on}${to}`,
      fromOrganisationId: from,
      toOrganisationId: to,
      reason: 'x',
    });
    // Police refer one case to the NGO twice (counts once) and to MFAIC; MFAIC refers another to the NGO.
    r.victimCase(
      victim(
        [
          referral('2017-01-01', 'police-pp', 'ngo'),
          referral('2017-02-01', 'police-pp', 'ngo'),
          referral('2017-03-01', 'police-pp', 'mfaic'),
        ],
        { organisationId: 'police-pp' },
      ),
    );
    r.victimCase(victim([referral('2017-05-01', 'mfaic', 'ngo'), referral('2016-05-01', 'mfaic', 'ngo')]));
    const [t] = r.finish(['2017', '2016']);
    expect(t!.values).toEqual({ 2017: { to_ngo: 2, to_consular: 1 }, 2016: { to_ngo: 1, to_consular: 0 } });
    expect(t!.breakdowns?.['2017']).toEqual({
      organisation: { ngo: 2, mfaic: 1 },
      referred_by: { police: 2, consular: 1 },
    });
    // Only the receiving types asked for.
    const only = run([fig('t', 'victims_referred_to', { toTypes: ['consular'] })]);
    only.victimCase(victim([referral('2017-03-01', 'police-pp', 'mfaic'), referral('2017-03-02', 'police-pp', 'ngo')]));
    expect(only.finish(['2017'])[0]!.values).toEqual({ 2017: { to_consular: 1 } });
  });

  it('licences in force on 31 December: licensed or expired later, started, not closed', () => {
    const r = run([fig('l', 'licences_in_force')]);
    const agency = (data: Record<string, unknown>, province = 'KH-12') =>
      reg('recruitment_agencies', { name: 'A', ...data }, { province });
    r.register(agency({ licenceStatus: 'licensed', licenceValidFrom: '2015-01-01', licenceValidTo: '2018-06-30' }));
    r.register(agency({ licenceStatus: 'licensed' }, 'KH-1')); // no dates: in force every year
    r.register(agency({ licenceStatus: 'expired', licenceValidFrom: '2016-01-01', licenceValidTo: '2017-12-31' }));
    r.register(agency({ licenceStatus: 'expired', licenceValidTo: '2017-06-30' })); // in force at the end of 2016 only
    r.register(agency({ licenceStatus: 'licensed', licenceValidFrom: '2018-01-01' })); // not yet started
    r.register(agency({ licenceStatus: 'licensed', closedOn: '2017-10-01' })); // closed
    r.register(agency({ licenceStatus: 'licensed', closedOn: '2018-03-01' })); // closed after the 2017 year end
    r.register(agency({ licenceStatus: 'revoked', licenceValidTo: '2019-01-01' }));
    r.register(agency({ licenceStatus: 'unlicensed' }));
    r.register(agency({ licenceStatus: 'expired' })); // no end date: not counted
    const [l] = r.finish(['2017', '2016']);
    expect(l!.values).toEqual({ 2017: 4, 2016: 6 });
    expect(l!.breakdowns?.['2017']?.['province']).toEqual({ 'KH-12': 3, 'KH-1': 1 });
    // An empty register reports nothing (null), not zero licences.
    expect(run([fig('l', 'licences_in_force')]).finish(['2017'])[0]!.values).toEqual({ 2017: null });
  });
});
