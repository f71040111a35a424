import { sql, type Kysely } from 'kysely';
import { INSPECTION_SECTORS, parseRegisterRecord, REGISTERS, type RegisterConfig, type RegisterId } from '@ctis/core';
import type { Database } from '@ctis/db';
import { latest, ORG, type PreventionPlan } from './plan.ts';

/**
 * COUNTING RULES of the prevention figures (figures.ts), over the registers' current records
 * (register_records.data: the latest version, derived fields included). The statistics must agree
 * with preventionFigures (SQL, below); countPreventionFigures computes the same from records in
 * memory (the plan, in tests). "Year Y" is the calendar year of the date named in each rule (the
 * date of the fact, never of data entry). Organisations are configuration ids (ORG in plan.ts):
 * the NCCT is 'ncct', the Ministry of Education (MoEYS) 'moeys'.
 *
 *  prosecution.trainings_law_enforcement (Y)
 *      trainings = trainings with audience 'law_enforcement', organiserOrganisationId the NCCT, date in Y;
 *      participants = the sum of their participantsTotal (participantsFemale + participantsMale).
 *      Partners' trainings of law enforcement (IOM's) are not the NCCT's and do not count.
 *  prosecution.training_participants_other (Y)
 *      = sum of participantsTotal of trainings with audience 'commune_provincial_officials',
 *        'judicial_staff' or 'ngo_workers', organiser the NCCT, date in Y. 2017 is null in the report
 *        ("did not report"): the demo has no training of these audiences in 2017 by any organiser, so
 *        the rule gives nothing (no row; 0) for 2017.
 *  prevention.education_officials_trained (Y)
 *      participants = sum of participantsTotal of trainings with audience 'teachers_education_officials',
 *      organiser the Ministry of Education, date in Y; provinces = distinct provinces of those trainings.
 *  prevention.budget_ncct (Y)
 *      KHR = sum of amountKhr, USD = sum of amountUsd (derived: round(amountKhr / exchangeRateKhrPerUsd))
 *      of budgets with bodyOrganisationId the NCCT and fiscalYear Y (one record a year in the demo).
 *  prevention.provincial_action_plans (Y)
 *      submitted = distinct bodies (provincial committees) of action_plans with level 'provincial'
 *      having an action_plan_submissions record with year Y (the plan year, whatever the submittedOn
 *      date; a revised plan submitted again counts the committee once);
 *      of = distinct bodies of provincial plans in force in Y (fromYear <= Y <= toYear): 9 in 2017.
 *  prevention.unlicensed_recruiter_arrests (Y)
 *      firms_closed = recruitment_agencies with licenceStatus 'unlicensed' and closedOn in Y;
 *      arrests = the sum of their arrests. Licensed agencies whose licence was revoked and which
 *      closed are not unlicensed firms and do not count; an unlicensed firm not (yet) closed neither.
 *  prevention.border_passes_issued (Y)
 *      = sum of issued of border_passes with periodStart in Y (the demo's periods are calendar months,
 *        never spanning two years).
 *  prevention.officials_sent_documentation_campaign (Y)
 *      over campaigns with target 'migrant_documentation', country 'THA' and startDate in Y:
 *      officials = sum of officialsDeployed; days = (latest endDate - earliest startDate) + 1, both the
 *      first and the last day counted (the demo's: 2017-08-01 to 2017-11-08 = 100 days).
 *  prosecution.corruption_complaints_received (Y) = 0: the demo loads no corruption complaint (the
 *      complaints intake has its own store and rules); nothing here can count one.
 *
 * Also computed, for the statistics on inspections (no figure in the report): per year of date and
 * sector, the inspections and those with debtBondage (derived: an indicator of the checklist that is
 * a debt-bondage indicator).
 */
export interface PreventionFiguresComputed {
  readonly trainingsLawEnforcement: Readonly<Record<number, { trainings: number; participants: number }>>;
  readonly trainingParticipantsOther: Readonly<Record<number, number>>;
  readonly educationOfficialsTrained: Readonly<Record<number, { participants: number; provinces: number }>>;
  readonly budgetNcct: Readonly<Record<number, { KHR: number; USD: number }>>;
  readonly provincialActionPlans: Readonly<Record<number, { submitted: number; of: number }>>;
  readonly unlicensedRecruiterArrests: Readonly<Record<number, { firms_closed: number; arrests: number }>>;
  readonly borderPassesIssued: Readonly<Record<number, number>>;
  readonly officialsSentDocumentationCampaign: Readonly<Record<number, { officials: number; days: number }>>;
  readonly inspections: Readonly<
    Record<number, Readonly<Record<string, { inspections: number; debtBondage: number }>>>
  >;
}

export const OTHER_AUDIENCES = ['commune_provincial_officials', 'judicial_staff', 'ngo_workers'] as const;

const year = (date: unknown) => Number(String(date).slice(0, 4));

/** A record as a register holds it: its id (references point to it) and its current data. */
export interface CountedRecord {
  readonly id: string;
  readonly register: RegisterId;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The plan's records as the registers will hold them once loaded: the latest version of each,
 * validated and with its derived fields (throws on a record the registers would refuse); ids are the
 * plan's keys.
 */
export function plannedRecords(plan: PreventionPlan, config: RegisterConfig): CountedRecord[] {
  return plan.records.map((r) => ({
    id: r.key,
    register: r.register,
    data: parseRegisterRecord(REGISTERS[r.register], latest(r), config),
  }));
}

/** The rules over records in memory: `data` as the register holds it (latest version, derived fields added). */
export function countPreventionFigures(records: readonly CountedRecord[]): PreventionFiguresComputed {
  const of = (register: RegisterId) => records.filter((r) => r.register === register).map((r) => r.data);
  const trainings = of('trainings');
  const ncct = trainings.filter((t) => t['organiserOrganisationId'] === ORG.ncct);

  const le: Record<number, { trainings: number; participants: number }> = {};
  for (const t of ncct.filter((t) => t['audience'] === 'law_enforcement')) {
    const y = (le[year(t['date'])] ??= { trainings: 0, participants: 0 });
    y.trainings++;
    y.participants += t['participantsTotal'] as number;
  }
  const other: Record<number, number> = {};
  for (const t of ncct.filter((t) => (OTHER_AUDIENCES as readonly unknown[]).includes(t['audience'])))
    other[year(t['date'])] = (other[year(t['date'])] ?? 0) + (t['participantsTotal'] as number);
  const edu: Record<number, { participants: number; provinces: Set<unknown> }> = {};
  for (const t of trainings.filter(
    (t) => t['audience'] === 'teachers_education_officials' && t['organiserOrganisationId'] === ORG.education,
  )) {
    const y = (edu[year(t['date'])] ??= { participants: 0, provinces: new Set() });
    y.participants += t['participantsTotal'] as number;
    if (t['province'] !== undefined) y.provinces.add(t['province']);
  }

  const budget: Record<number, { KHR: number; USD: number }> = {};
  for (const r of of('budgets').filter((r) => r['bodyOrganisationId'] === ORG.ncct)) {
    const y = (budget[r['fiscalYear'] as number] ??= { KHR: 0, USD: 0 });
    y.KHR += r['amountKhr'] as number;
    y.USD += r['amountUsd'] as number;
  }

  const plans = new Map(
    records.filter((r) => r.register === 'action_plans' && r.data['level'] === 'provincial').map((r) => [r.id, r.data]),
  );
  const plansOf: Record<number, { submitted: Set<unknown>; of: Set<unknown> }> = {};
  for (const p of plans.values())
    for (let y = p['fromYear'] as number; y <= (p['toYear'] as number); y++)
      (plansOf[y] ??= { submitted: new Set(), of: new Set() }).of.add(p['bodyOrganisationId']);
  for (const s of of('action_plan_submissions')) {
    const p = plans.get(s['planId'] as string);
    if (p)
      (plansOf[s['year'] as number] ??= { submitted: new Set(), of: new Set() }).submitted.add(p['bodyOrganisationId']);
  }

  const unlicensed: Record<number, { firms_closed: number; arrests: number }> = {};
  for (const a of of('recruitment_agencies').filter((a) => a['licenceStatus'] === 'unlicensed' && a['closedOn'])) {
    const y = (unlicensed[year(a['closedOn'])] ??= { firms_closed: 0, arrests: 0 });
    y.firms_closed++;
    y.arrests += (a['arrests'] as number | undefined) ?? 0;
  }

  const passes: Record<number, number> = {};
  for (const p of of('border_passes'))
    passes[year(p['periodStart'])] = (passes[year(p['periodStart'])] ?? 0) + (p['issued'] as number);

  const docs: Record<number, { officials: number; from: string; to: string }> = {};
  for (const c of of('campaigns').filter((c) => c['target'] === 'migrant_documentation' && c['country'] === 'THA')) {
    const start = c['startDate'] as string;
    const end = (c['endDate'] as string | undefined) ?? start;
    const y = (docs[year(start)] ??= { officials: 0, from: start, to: end });
    y.officials += (c['officialsDeployed'] as number | undefined) ?? 0;
    if (start < y.from) y.from = start;
    if (end > y.to) y.to = end;
  }

  const inspections: Record<number, Record<string, { inspections: number; debtBondage: number }>> = {};
  for (const i of of('inspections')) {
    const y = (inspections[year(i['date'])] ??= {});
    const s = (y[i['sector'] as string] ??= { inspections: 0, debtBondage: 0 });
    s.inspections++;
    if (i['debtBondage'] === true) s.debtBondage++;
  }

  const map = <T, U>(o: Record<number, T>, f: (v: T) => U) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])) as Record<number, U>;
  return {
    trainingsLawEnforcement: le,
    trainingParticipantsOther: other,
    educationOfficialsTrained: map(edu, (v) => ({ participants: v.participants, provinces: v.provinces.size })),
    budgetNcct: budget,
    provincialActionPlans: map(plansOf, (v) => ({ submitted: v.submitted.size, of: v.of.size })),
    unlicensedRecruiterArrests: unlicensed,
    borderPassesIssued: passes,
    officialsSentDocumentationCampaign: map(docs, (v) => ({
      officials: v.officials,
      days: Math.round((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000) + 1,
    })),
    inspections,
  };
}

/** The reference SQL of the rules above, over register_records. Read-only. */
export async function preventionFigures(db: Kysely<Database>): Promise<PreventionFiguresComputed> {
  const le = await sql<{ year: number; trainings: number; participants: number }>`
    SELECT left(data->>'date', 4)::int AS year, count(*)::int AS trainings,
           sum((data->>'participantsTotal')::int)::int AS participants
    FROM register_records
    WHERE register = 'trainings' AND data->>'audience' = 'law_enforcement'
      AND data->>'organiserOrganisationId' = ${ORG.ncct}
    GROUP BY 1
  `.execute(db);

  const other = await sql<{ year: number; n: number }>`
    SELECT left(data->>'date', 4)::int AS year, sum((data->>'participantsTotal')::int)::int AS n
    FROM register_records
    WHERE register = 'trainings' AND data->>'audience' IN (${sql.join([...OTHER_AUDIENCES])})
      AND data->>'organiserOrganisationId' = ${ORG.ncct}
    GROUP BY 1
  `.execute(db);

  const edu = await sql<{ year: number; participants: number; provinces: number }>`
    SELECT left(data->>'date', 4)::int AS year, sum((data->>'participantsTotal')::int)::int AS participants,
           count(DISTINCT data->>'province')::int AS provinces
    FROM register_records
    WHERE register = 'trainings' AND data->>'audience' = 'teachers_education_officials'
      AND data->>'organiserOrganisationId' = ${ORG.education}
    GROUP BY 1
  `.execute(db);

  const budget = await sql<{ year: number; khr: number; usd: number }>`
    SELECT (data->>'fiscalYear')::int AS year, sum((data->>'amountKhr')::numeric)::float8 AS khr,
           sum((data->>'amountUsd')::numeric)::float8 AS usd
    FROM register_records
    WHERE register = 'budgets' AND data->>'bodyOrganisationId' = ${ORG.ncct}
    GROUP BY 1
  `.execute(db);

  const plans = await sql<{ year: number; submitted: number; of: number }>`
    WITH plans AS (
      SELECT id::text AS id, data->>'bodyOrganisationId' AS body,
             (data->>'fromYear')::int AS from_year, (data->>'toYear')::int AS to_year
      FROM register_records
      WHERE register = 'action_plans' AND data->>'level' = 'provincial'
    ), in_force AS (
      SELECT y AS year, count(DISTINCT body)::int AS n FROM plans, generate_series(from_year, to_year) y GROUP BY 1
    ), submitted AS (
      SELECT (s.data->>'year')::int AS year, count(DISTINCT p.body)::int AS n
      FROM register_records s JOIN plans p ON p.id = s.data->>'planId'
      WHERE s.register = 'action_plan_submissions'
      GROUP BY 1
    )
    SELECT coalesce(f.year, s.year) AS year, coalesce(s.n, 0) AS submitted, coalesce(f.n, 0) AS of
    FROM in_force f FULL JOIN submitted s ON s.year = f.year
  `.execute(db);

  const unlicensed = await sql<{ year: number; firms: number; arrests: number }>`
    SELECT left(data->>'closedOn', 4)::int AS year, count(*)::int AS firms,
           coalesce(sum((data->>'arrests')::int), 0)::int AS arrests
    FROM register_records
    WHERE register = 'recruitment_agencies' AND data->>'licenceStatus' = 'unlicensed' AND data ? 'closedOn'
    GROUP BY 1
  `.execute(db);

  const passes = await sql<{ year: number; n: number }>`
    SELECT left(data->>'periodStart', 4)::int AS year, sum((data->>'issued')::int)::int AS n
    FROM register_records WHERE register = 'border_passes'
    GROUP BY 1
  `.execute(db);

  const docs = await sql<{ year: number; officials: number; days: number }>`
    SELECT left(data->>'startDate', 4)::int AS year,
           coalesce(sum((data->>'officialsDeployed')::int), 0)::int AS officials,
           (max(coalesce(data->>'endDate', data->>'startDate')::date) - min((data->>'startDate')::date) + 1)::int AS days
    FROM register_records
    WHERE register = 'campaigns' AND data->>'target' = 'migrant_documentation' AND data->>'country' = 'THA'
    GROUP BY 1
  `.execute(db);

  const inspections = await sql<{ year: number; sector: string; n: number; bonded: number }>`
    SELECT left(data->>'date', 4)::int AS year, data->>'sector' AS sector, count(*)::int AS n,
           count(*) FILTER (WHERE (data->>'debtBondage')::boolean)::int AS bonded
    FROM register_records WHERE register = 'inspections'
    GROUP BY 1, 2
  `.execute(db);

  const byYear = <R extends { year: number }, U>(rows: readonly R[], f: (r: R) => U) =>
    Object.fromEntries(rows.map((r) => [r.year, f(r)])) as Record<number, U>;
  const bySector: Record<number, Record<string, { inspections: number; debtBondage: number }>> = {};
  for (const r of inspections.rows)
    if ((INSPECTION_SECTORS as readonly string[]).includes(r.sector))
      (bySector[r.year] ??= {})[r.sector] = { inspections: r.n, debtBondage: r.bonded };
  return {
    trainingsLawEnforcement: byYear(le.rows, (r) => ({ trainings: r.trainings, participants: r.participants })),
    trainingParticipantsOther: byYear(other.rows, (r) => r.n),
    educationOfficialsTrained: byYear(edu.rows, (r) => ({ participants: r.participants, provinces: r.provinces })),
    budgetNcct: byYear(budget.rows, (r) => ({ KHR: r.khr, USD: r.usd })),
    provincialActionPlans: byYear(plans.rows, (r) => ({ submitted: r.submitted, of: r.of })),
    unlicensedRecruiterArrests: byYear(unlicensed.rows, (r) => ({ firms_closed: r.firms, arrests: r.arrests })),
    borderPassesIssued: byYear(passes.rows, (r) => r.n),
    officialsSentDocumentationCampaign: byYear(docs.rows, (r) => ({ officials: r.officials, days: r.days })),
    inspections: bySector,
  };
}
