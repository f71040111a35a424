import { sql, type Kysely } from 'kysely';
import type { CountryConfig } from '@ctis/core';
import type { Database } from '@ctis/db';
import { ORG } from './plan.ts';

/**
 * The counting rules of load.ts as SQL: the reference the statistics must agree with. Read-only,
 * over victim_cases, victim_case_events, screening_tallies and screenings; a figure per year.
 */
export interface ByCountry {
  readonly total: number;
  readonly countries: number;
  readonly byCountry: Readonly<Record<string, number>>;
}

export interface ProtectionFiguresComputed {
  readonly repatriatedByMfaic: Readonly<Record<number, ByCountry>>;
  readonly repatriatedWithMosavy: Readonly<Record<number, ByCountry>>;
  readonly foreignVictimsRepatriated: Readonly<Record<number, ByCountry>>;
  readonly referredByPolice: Readonly<Record<number, number>>;
  readonly referredByMosavy: Readonly<Record<number, number>>;
  readonly assistedByNgo: Readonly<Record<number, ByCountry>>;
  readonly deporteesScreenedPoipet: Readonly<Record<number, number>>;
  /** Days with a tally, per year. */
  readonly poipetTallyDays: Readonly<Record<number, number>>;
  readonly victimsIdentifiedPoipet: Readonly<Record<number, number>>;
}

interface CountRow {
  year: number;
  country: string | null;
  n: number;
}

export async function protectionFigures(
  db: Kysely<Database>,
  config: CountryConfig,
): Promise<ProtectionFiguresComputed> {
  const police = config.organisations.filter((o) => o.type === 'police').map((o) => o.id);
  const receivers = config.organisations
    .filter((o) => o.type === 'social-affairs' || o.type === 'ngo')
    .map((o) => o.id);

  // Completed repatriations: completed when recorded, or by a later repatriation_completed.
  const repatriations = await sql<CountRow & { organisation_id: string; direction: string }>`
    WITH recorded AS (
      SELECT e.case_id, e.event->>'repatriationId' AS repatriation_id, e.event->>'country' AS country,
             e.event->>'direction' AS direction, e.event->>'status' AS status, e.occurred_on
      FROM victim_case_events e
      WHERE e.type = 'repatriation_recorded'
    ), completed AS (
      SELECT r.case_id, r.country, r.direction,
             CASE WHEN r.status = 'completed' THEN r.occurred_on ELSE c.occurred_on END AS completed_on
      FROM recorded r
      LEFT JOIN victim_case_events c
        ON c.case_id = r.case_id AND c.type = 'repatriation_completed'
       AND c.event->>'repatriationId' = r.repatriation_id
    )
    SELECT vc.organisation_id, x.direction, extract(year FROM x.completed_on)::int AS year, x.country,
           count(*)::int AS n
    FROM completed x JOIN victim_cases vc ON vc.id = x.case_id
    WHERE x.completed_on IS NOT NULL
    GROUP BY 1, 2, 3, 4
  `.execute(db);
  const repatriated = (organisationId: string, direction: string) =>
    byCountry(repatriations.rows.filter((r) => r.organisation_id === organisationId && r.direction === direction));

  const policeReferrals = await sql<CountRow>`
    SELECT extract(year FROM e.occurred_on)::int AS year, NULL AS country, count(DISTINCT e.case_id)::int AS n
    FROM victim_case_events e JOIN victim_cases vc ON vc.id = e.case_id
    WHERE e.type = 'referral_made' AND vc.organisation_id = ANY(${police})
      AND e.event->>'toOrganisationId' = ANY(${receivers})
    GROUP BY 1
  `.execute(db);

  const mosavyReferrals = await sql<CountRow>`
    SELECT extract(year FROM e.occurred_on)::int AS year, NULL AS country, count(DISTINCT e.case_id)::int AS n
    FROM victim_case_events e JOIN victim_cases vc ON vc.id = e.case_id
    WHERE e.type = 'referral_made' AND vc.organisation_id = ${ORG.mosavy}
      AND e.event->>'fromOrganisationId' = ${ORG.mosavy}
    GROUP BY 1
  `.execute(db);

  const ngo = await sql<CountRow>`
    WITH assisted AS (
      SELECT DISTINCT e.case_id, extract(year FROM e.occurred_on)::int AS year
      FROM victim_case_events e JOIN victim_cases vc ON vc.id = e.case_id
      WHERE vc.organisation_id = ${ORG.ngo} AND e.type = 'service_started'
        AND e.event->>'providerOrganisationId' = ${ORG.ngo}
    )
    SELECT a.year, x.country, count(*)::int AS n
    FROM assisted a
    LEFT JOIN LATERAL (
      SELECT e.event->>'exploitationCountry' AS country
      FROM victim_case_events e
      WHERE e.case_id = a.case_id AND e.type = 'exploitation_recorded'
      ORDER BY e.seq DESC
      LIMIT 1
    ) x ON true
    GROUP BY 1, 2
  `.execute(db);

  const tallies = await sql<{ year: number; screened: number; indicated: number; days: number }>`
    SELECT extract(year FROM day)::int AS year, sum(screened)::int AS screened, sum(indicated)::int AS indicated,
           count(*)::int AS days
    FROM screening_tallies
    WHERE organisation_id = ${ORG.poipet} AND site = 'border_transit_centre'
    GROUP BY 1
  `.execute(db);
  const positives = await sql<CountRow>`
    SELECT extract(year FROM occurred_on)::int AS year, NULL AS country, count(*)::int AS n
    FROM screenings
    WHERE organisation_id = ${ORG.poipet} AND result = 'possible_victim'
    GROUP BY 1
  `.execute(db);

  const perYear = (rows: readonly CountRow[]) => Object.fromEntries(rows.map((r) => [r.year, r.n]));
  const identified: Record<number, number> = {};
  for (const t of tallies.rows) identified[t.year] = t.indicated;
  for (const p of positives.rows) identified[p.year] = (identified[p.year] ?? 0) + p.n;

  return {
    repatriatedByMfaic: repatriated(ORG.mfaic, 'home_from_abroad'),
    repatriatedWithMosavy: repatriated(ORG.mosavy, 'home_from_abroad'),
    foreignVictimsRepatriated: repatriated(ORG.mosavy, 'foreign_returned_home'),
    referredByPolice: perYear(policeReferrals.rows),
    referredByMosavy: perYear(mosavyReferrals.rows),
    assistedByNgo: byCountry(ngo.rows),
    deporteesScreenedPoipet: Object.fromEntries(tallies.rows.map((t) => [t.year, t.screened])),
    poipetTallyDays: Object.fromEntries(tallies.rows.map((t) => [t.year, t.days])),
    victimsIdentifiedPoipet: identified,
  };
}

function byCountry(rows: readonly CountRow[]): Record<number, ByCountry> {
  const out: Record<number, { total: number; countries: number; byCountry: Record<string, number> }> = {};
  for (const r of rows) {
    const y = (out[r.year] ??= { total: 0, countries: 0, byCountry: {} });
    const c = r.country ?? 'unknown';
    y.total += r.n;
    y.byCountry[c] = (y.byCountry[c] ?? 0) + r.n;
    y.countries = Object.keys(y.byCountry).length;
  }
  return out;
}
