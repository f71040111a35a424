import type { CriminalCaseState, Suspect } from './state.ts';

/**
 * The organisations a criminal case is shared with, besides its lead unit (which owns it): the
 * prosecutors the police supplied evidence to, each charge's prosecutor and court, courts trying it,
 * appeal courts, the units supervising released defendants, and the oversight organisations once the
 * case has a public-official suspect or a verdict settled out of court. Need-to-know follows the file.
 */
export function criminalCaseOrganisations(
  state: CriminalCaseState,
  opts: { readonly oversightOrganisationIds: readonly string[] },
): string[] {
  const orgs: string[] = [state.leadUnitOrganisationId];
  for (const e of state.evidence) orgs.push(e.prosecutorOrganisationId);
  for (const t of state.trials) orgs.push(t.courtOrganisationId);
  for (const p of state.suspects) {
    if (p.charge) orgs.push(p.charge.prosecutorOrganisationId, p.charge.courtOrganisationId);
    for (const a of p.appeals) orgs.push(a.courtOrganisationId);
    for (const m of p.measures) if (m.supervisingOrganisationId) orgs.push(m.supervisingOrganisationId);
  }
  if (needsOversight(state)) orgs.push(...opts.oversightOrganisationIds);
  return [...new Set(orgs)];
}

/** A case the oversight role must see: complicity (a public-official suspect) or a settlement. */
export function needsOversight(state: CriminalCaseState): boolean {
  return state.suspects.some((p) => p.publicOfficial !== undefined || p.verdict?.outcome === 'settled_out_of_court');
}

/** The unit that records a supervised defendant's check-ins: the measure's, else the lead unit. */
export function supervisingUnit(state: CriminalCaseState, suspect: Suspect): string {
  return suspect.measures.at(-1)?.supervisingOrganisationId ?? state.leadUnitOrganisationId;
}
