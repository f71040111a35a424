import { sql, type Kysely } from 'kysely';
import type { CountryConfig } from '@ctis/core';
import type { Database } from '@ctis/db';

/**
 * The counting rules of figures.ts as SQL: the reference the statistics must agree with. Read-only,
 * over criminal_cases and criminal_case_events; each figure per calendar year of the event's
 * occurredOn. A trafficking case: criminal_cases.trafficking_offence (its investigation_opened's
 * traffickingOffence). A child-sex-tourism case: the projected state's childSexTourism.
 */
export interface ProsecutionFiguresComputed {
  /** prosecution.individuals_prosecuted: distinct suspects charged in Y, trafficking cases. */
  readonly individualsProsecuted: Readonly<Record<number, number>>;
  /** prosecution.traffickers_convicted: verdicts convicted or in absentia in Y, trafficking cases. */
  readonly traffickersConvicted: Readonly<Record<number, number>>;
  /** prosecution.complicit_officials_investigated: public-official suspects added in Y, trafficking cases. */
  readonly complicitOfficialsInvestigated: Readonly<Record<number, number>>;
  /** prevention.cst_foreign_suspects_arrested: foreign suspects added in Y as arrested, child-sex-tourism cases. */
  readonly cstForeignSuspectsArrested: Readonly<Record<number, number>>;
}

interface YearRow {
  year: number;
  n: number;
}

export async function prosecutionFigures(
  db: Kysely<Database>,
  config: Pick<CountryConfig, 'country'>,
): Promise<ProsecutionFiguresComputed> {
  const prosecuted = await sql<YearRow>`
    SELECT extract(year FROM e.occurred_on)::int AS year,
           count(DISTINCT (e.case_id, e.event->>'suspectId'))::int AS n
    FROM criminal_case_events e JOIN criminal_cases c ON c.id = e.case_id
    WHERE e.type = 'charged' AND c.trafficking_offence
    GROUP BY 1
  `.execute(db);

  const convicted = await sql<YearRow>`
    SELECT extract(year FROM e.occurred_on)::int AS year, count(*)::int AS n
    FROM criminal_case_events e JOIN criminal_cases c ON c.id = e.case_id
    WHERE e.type = 'verdict' AND e.event->>'outcome' IN ('convicted', 'in_absentia') AND c.trafficking_offence
    GROUP BY 1
  `.execute(db);

  const officials = await sql<YearRow>`
    SELECT extract(year FROM e.occurred_on)::int AS year, count(*)::int AS n
    FROM criminal_case_events e JOIN criminal_cases c ON c.id = e.case_id
    WHERE e.type = 'suspect_added' AND e.event ? 'publicOfficial' AND c.trafficking_offence
    GROUP BY 1
  `.execute(db);

  const cst = await sql<YearRow>`
    SELECT extract(year FROM e.occurred_on)::int AS year, count(*)::int AS n
    FROM criminal_case_events e JOIN criminal_cases c ON c.id = e.case_id
    WHERE e.type = 'suspect_added'
      AND (e.event->>'arrested')::boolean IS TRUE
      AND e.event->>'nationality' <> ${config.country}
      AND (c.state->>'childSexTourism')::boolean IS TRUE
    GROUP BY 1
  `.execute(db);

  const perYear = (rows: readonly YearRow[]) => Object.fromEntries(rows.map((r) => [r.year, r.n]));
  return {
    individualsProsecuted: perYear(prosecuted.rows),
    traffickersConvicted: perYear(convicted.rows),
    complicitOfficialsInvestigated: perYear(officials.rows),
    cstForeignSuspectsArrested: perYear(cst.rows),
  };
}
