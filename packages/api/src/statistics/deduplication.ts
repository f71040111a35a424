import { clusters, type ComputedFigure, type PersonLink } from '@ctis/core';
import type { Database } from '@ctis/db';
import { sql, type Kysely } from 'kysely';

export interface Deduplication {
  readonly year: number;
  /** Distinct persons each agency's figure counted (through confirmed links). */
  readonly agencies: Record<string, number>;
  /** Persons by the set of agencies that counted them: "MFAIC", "MFAIC+NGO", … */
  readonly overlaps: Record<string, number>;
  /** Distinct persons over all agencies, through confirmed links. */
  readonly nationalDistinct: number;
  readonly confirmedLinks: number;
  /** Links proposed and awaiting review; confirming them all would give `nationalDistinctIfProposed`. */
  readonly proposedLinks: number;
  readonly nationalDistinctIfProposed: number;
}

/**
 * One person, one count: the victim figures configured with an `agency` parameter (e.g. MFAIC's
 * repatriations, MOSAVY's, the NGO's assistance) counted per agency and nationally, a person recorded
 * by several agencies (linked records) counting once. The uncertainty is the range between confirmed
 * links only and confirmed plus proposed ones.
 */
export async function deduplicate(
  db: Kysely<Database>,
  figures: readonly ComputedFigure[],
  year: number,
  asOf: Date,
): Promise<Deduplication> {
  const byAgency = new Map<string, string[]>();
  for (const f of figures) {
    if (!f.agency || !f.persons) continue;
    byAgency.set(f.agency, [...(byAgency.get(f.agency) ?? []), ...(f.persons[String(year)] ?? [])]);
  }
  const confirmed = await links(db, asOf, 'confirmed');
  const proposed = await links(db, asOf, 'proposed');
  const all = [...new Set([...byAgency.values()].flat())];
  const count = (ls: readonly PersonLink[]) => {
    const clusterOf = clusters(all, ls);
    const agenciesOf = new Map<string, Set<string>>();
    for (const [agency, persons] of byAgency)
      for (const p of persons) {
        const c = clusterOf.get(p)!;
        agenciesOf.set(c, (agenciesOf.get(c) ?? new Set()).add(agency));
      }
    return agenciesOf;
  };
  const withConfirmed = count(confirmed);
  const agencies: Record<string, number> = {};
  const overlaps: Record<string, number> = {};
  for (const set of withConfirmed.values()) {
    for (const a of set) agencies[a] = (agencies[a] ?? 0) + 1;
    const key = [...set].sort().join('+');
    overlaps[key] = (overlaps[key] ?? 0) + 1;
  }
  return {
    year,
    agencies,
    overlaps,
    nationalDistinct: withConfirmed.size,
    confirmedLinks: confirmed.length,
    proposedLinks: proposed.length,
    nationalDistinctIfProposed: count([...confirmed, ...proposed]).size,
  };
}

/** Links in force at `asOf` (confirmed), or proposals still awaiting review (proposed). */
export async function links(db: Kysely<Database>, asOf: Date, kind: 'confirmed' | 'proposed'): Promise<PersonLink[]> {
  const rows =
    kind === 'confirmed'
      ? await sql<{ a: string; b: string }>`
          SELECT person_a AS a, person_b AS b FROM person_links
          WHERE linked_at <= ${asOf} AND (undone_at IS NULL OR undone_at > ${asOf})`.execute(db)
      : await sql<{ a: string; b: string }>`
          SELECT person_a AS a, person_b AS b FROM linkage_proposals WHERE status = 'proposed'`.execute(db);
  return rows.rows;
}
